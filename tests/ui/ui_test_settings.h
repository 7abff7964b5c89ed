#pragma once

// A private QSettings location for one run of ui_tests: a temporary folder, made before anything
// reads a setting and removed when the run ends, so that no run sees another run's settings or
// the user's. The `actionlens` processes the tests start inherit it (XDG_CONFIG_HOME and
// XDG_CONFIG_DIRS).

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>

namespace actionlens::uitest {

inline QTemporaryDir& privateSettingsDir() {
    static QTemporaryDir dir;
    return dir;
}

// The folder this run's settings live in.
inline QString privateSettingsFolder() { return privateSettingsDir().path(); }

// Call once at the start of main, before QApplication.
inline bool usePrivateSettings() {
    if (!privateSettingsDir().isValid()) return false;
    const QString folder = privateSettingsFolder();
    QSettings::setDefaultFormat(QSettings::IniFormat);
    for (const QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        for (const QSettings::Scope scope : {QSettings::UserScope, QSettings::SystemScope}) QSettings::setPath(format, scope, folder);
    // The programs the tests start: their user and system-wide settings.
    qputenv("XDG_CONFIG_HOME", folder.toLocal8Bit());
    qputenv("XDG_CONFIG_DIRS", folder.toLocal8Bit());
    return true;
}

}  // namespace actionlens::uitest
