#pragma once

// Runs the real actionlens-cli binary (ACTIONLENS_CLI_PATH, defined by the test target) and
// keeps what it said: the CLI test files check exit codes, stdout and stderr through this.

#include <QString>
#include <QStringList>

namespace actionlens::fixtures {

struct CliRun {
    int exitCode = -1;  // -2 when the process crashed
    QString out;
    QString err;
};

// Waits at most five minutes (training runs are the longest); a hang is a test failure.
CliRun runCli(const QStringList& arguments);
// `actionlens-cli synth` of the training tests' small project at `path`: 8 rendered 64x64
// videos (seed 5, no occluders).
CliRun renderSmallTrainingProject(const QString& path);

// Exit status 1 with one line on stderr, "actionlens-cli: ..." containing `words`.
void expectOneLineFailure(const CliRun& run, const char* words);

}  // namespace actionlens::fixtures
