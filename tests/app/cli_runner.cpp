#include "tests/app/cli_runner.h"

#include <QProcess>

#include <gtest/gtest.h>

namespace actionlens::fixtures {

CliRun runCli(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(ACTIONLENS_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(300000)) {
        process.kill();
        ADD_FAILURE() << "actionlens-cli did not finish: " << arguments.join(' ').toStdString();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void expectOneLineFailure(const CliRun& run, const char* words) {
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.startsWith(QStringLiteral("actionlens-cli: "))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QLatin1String(words))) << run.err.toStdString();
}

CliRun renderSmallTrainingProject(const QString& path) {
    return runCli({QStringLiteral("synth"), QStringLiteral("-o"), path, QStringLiteral("--videos"), QStringLiteral("8"),
                   QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--size"), QStringLiteral("64x64"),
                   QStringLiteral("--occluders"), QStringLiteral("never")});
}

}  // namespace actionlens::fixtures
