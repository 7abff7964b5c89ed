// ui_test_settings.h: each run of ui_tests keeps its settings in a temporary folder of its own.

#include "ui_test_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <gtest/gtest.h>

using namespace actionlens;

namespace {
bool isInside(const QString& path, const QString& folder) {
    const QString canonicalFolder = QFileInfo(folder).canonicalFilePath();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    return !canonicalFolder.isEmpty() &&
           (absolute.startsWith(canonicalFolder + QLatin1Char('/')) || absolute.startsWith(QDir(folder).absolutePath() + QLatin1Char('/')));
}
}  // namespace

TEST(UiTestSettings, SettingsLiveInThisRunsTemporaryFolder) {
    const QString folder = uitest::privateSettingsFolder();
    ASSERT_FALSE(folder.isEmpty());
    EXPECT_TRUE(folder.startsWith(QDir::tempPath())) << folder.toStdString();
    QSettings settings;
    EXPECT_EQ(settings.format(), QSettings::IniFormat);
    EXPECT_TRUE(isInside(settings.fileName(), folder)) << settings.fileName().toStdString();
    settings.setValue(QStringLiteral("uiTestSettings/written"), 1);
    settings.sync();
    EXPECT_EQ(settings.status(), QSettings::NoError);
    EXPECT_TRUE(QFileInfo::exists(settings.fileName()));
    // Nothing is read from the system-wide settings either.
    EXPECT_TRUE(isInside(QSettings(QSettings::SystemScope, QStringLiteral("ActionLensTests"), QStringLiteral("ui_tests")).fileName(), folder));
    settings.remove(QStringLiteral("uiTestSettings"));
}

TEST(UiTestSettings, ProgramsTheTestsStartUseTheSameFolder) {
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    EXPECT_EQ(environment.value(QStringLiteral("XDG_CONFIG_HOME")), uitest::privateSettingsFolder());
    EXPECT_EQ(environment.value(QStringLiteral("XDG_CONFIG_DIRS")), uitest::privateSettingsFolder());
}
