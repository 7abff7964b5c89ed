#pragma once

// Shared conventions of every subcommand: exit codes, one-line errors on stderr, option parsing.

#include "core/annotation/consent.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>

namespace actionlens::cli {

constexpr int kExitSuccess = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// "actionlens-cli: REASON" on one line of stderr; returns kExitFailure.
int fail(const QString& reason);
int fail(const std::string& reason);
// "actionlens-cli COMMAND: REASON (see 'actionlens-cli COMMAND --help')"; returns kExitUsage.
int usageError(const QString& command, const QString& reason);

// Parses `arguments` (those after the command name) with `parser`, which already holds the
// command's options and positional arguments. Handles --help. Returns the exit code to stop
// with, or nullopt to go on. `positionalCount` is the exact number of positionals required (-1: any number, checked by
// the caller).
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QString& command, const QString& description,
                                    const QStringList& arguments, int positionalCount);

// Integer option/argument in [minimum, maximum]; nullopt after reporting a usage error.
std::optional<int> parseInteger(const QString& command, const QString& what, const QString& text, int minimum, int maximum);
std::optional<double> parsePositive(const QString& command, const QString& what, const QString& text);

struct PictureSize {
    int width = 0;
    int height = 0;
};
// "WxH" with even sides from 64 up to maxWidth x maxHeight; nullopt after reporting a usage error.
std::optional<PictureSize> parsePictureSize(const QString& command, const QString& text, int maxWidth, int maxHeight);

// --subjects auto|consenting|everyone: whose segments and skeletons a command takes
// (annotation/consent.h); `what` ends the help text. nullopt after reporting a usage error.
QCommandLineOption subjectsOption(const QString& what);
std::optional<annotation::ConsentLimit> parseSubjects(const QString& command, const QCommandLineParser& parser,
                                                      const QCommandLineOption& option);

void printLine(const QString& text);  // stdout

}  // namespace actionlens::cli
