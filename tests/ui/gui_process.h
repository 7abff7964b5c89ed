#pragma once

// Runs the real `actionlens` executable (ACTIONLENS_GUI_PATH) offscreen, as a user or a docs
// script would, and keeps its exit status and what it said on stderr. A hang is killed and
// reported as exit code -1.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace actionlens::uitest {

struct GuiRun {
    int exitCode = -1;
    QString errors;  // stderr
};

inline GuiRun runGui(const QStringList& arguments, int timeoutMs = 180000) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ACTIONLENS_GUI_PATH), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromLocal8Bit(process.readAllStandardError())};
}

}  // namespace actionlens::uitest
