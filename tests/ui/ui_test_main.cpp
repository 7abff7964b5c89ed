// GoogleTest main with a QApplication: widgets need one. Run with QT_QPA_PLATFORM=offscreen
// (CTest sets it) so no display is needed. Settings go to a folder of this run's own
// (ui_test_settings.h), data to Qt's test locations: never to the user's.

#include "ui_test_settings.h"

#include <QApplication>
#include <QStandardPaths>

#include <cstdio>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    QStandardPaths::setTestModeEnabled(true);
    if (!actionlens::uitest::usePrivateSettings()) {
        std::fprintf(stderr, "ui_tests: cannot make a temporary folder for the settings\n");
        return 1;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ActionLensTests"));
    QApplication::setApplicationName(QStringLiteral("ui_tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
