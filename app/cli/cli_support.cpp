#include "app/cli/cli_support.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>

namespace actionlens::cli {

namespace {
QString oneLine(QString text) {
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.trimmed();
}
}  // namespace

int fail(const QString& reason) {
    std::fprintf(stderr, "actionlens-cli: %s\n", qPrintable(oneLine(reason)));
    return kExitFailure;
}

int fail(const std::string& reason) { return fail(QString::fromStdString(reason)); }

int usageError(const QString& command, const QString& reason) {
    std::fprintf(stderr, "actionlens-cli %s: %s (see 'actionlens-cli %s --help')\n", qPrintable(command),
                 qPrintable(oneLine(reason)), qPrintable(command));
    return kExitUsage;
}

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QString& command, const QString& description,
                                    const QStringList& arguments, int positionalCount) {
    parser.setApplicationDescription(description);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList full{QStringLiteral("actionlens-cli ") + command};
    full += arguments;
    if (!parser.parse(full)) return usageError(command, parser.errorText());
    if (parser.isSet(help)) {
        // Qt names the program by its path; users type "actionlens-cli COMMAND".
        QString text = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        if (!program.isEmpty()) {
            text.replace(QStringLiteral("Usage: ") + program, QStringLiteral("Usage: actionlens-cli ") + command);
        }
        std::fputs(qPrintable(text), stdout);
        return kExitSuccess;
    }
    const int given = static_cast<int>(parser.positionalArguments().size());
    if (positionalCount >= 0 && given != positionalCount) {
        return usageError(command, QStringLiteral("expected %1 argument(s), got %2").arg(positionalCount).arg(given));
    }
    return std::nullopt;
}

std::optional<int> parseInteger(const QString& command, const QString& what, const QString& text, int minimum, int maximum) {
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        usageError(command, QStringLiteral("%1 must be a whole number from %2 to %3, got '%4'").arg(what).arg(minimum).arg(maximum).arg(text));
        return std::nullopt;
    }
    return static_cast<int>(value);
}

std::optional<double> parsePositive(const QString& command, const QString& what, const QString& text) {
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value > 0) || value > 1e6) {
        usageError(command, QStringLiteral("%1 must be a positive number, got '%2'").arg(what, text));
        return std::nullopt;
    }
    return value;
}

std::optional<PictureSize> parsePictureSize(const QString& command, const QString& text, int maxWidth, int maxHeight) {
    const auto match = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(text);
    const int width = match.hasMatch() ? match.captured(1).toInt() : 0;
    const int height = match.hasMatch() ? match.captured(2).toInt() : 0;
    if (width < 64 || height < 64 || width > maxWidth || height > maxHeight || width % 2 || height % 2) {
        usageError(command, QStringLiteral("--size must be WxH with even sides from 64x64 to %1x%2, got '%3'")
                                .arg(maxWidth)
                                .arg(maxHeight)
                                .arg(text));
        return std::nullopt;
    }
    return PictureSize{width, height};
}

void printLine(const QString& text) { std::printf("%s\n", qPrintable(text)); }

QCommandLineOption subjectsOption(const QString& what) {
    return QCommandLineOption(QStringLiteral("subjects"),
                              QStringLiteral("Whose segments and skeletons %1: consenting (consent given), everyone, or auto (the "
                                             "default: consenting once any subject's consent is recorded).")
                                  .arg(what),
                              QStringLiteral("which"), QStringLiteral("auto"));
}

std::optional<annotation::ConsentLimit> parseSubjects(const QString& command, const QCommandLineParser& parser,
                                                      const QCommandLineOption& option) {
    annotation::ConsentLimit limit = annotation::ConsentLimit::Automatic;
    if (annotation::parseConsentLimit(parser.value(option).toStdString(), &limit)) return limit;
    usageError(command, QStringLiteral("--subjects must be auto, consenting or everyone, not '%1'").arg(parser.value(option)));
    return std::nullopt;
}

}  // namespace actionlens::cli
