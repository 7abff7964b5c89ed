// actionlens-cli agreement: inter-annotator agreement of a project's segments (core/agreement).

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/agreement/agreement_report.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <cstdio>

namespace actionlens::cli {

namespace {

QString figure(double v) { return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("n/a"); }

int runAgreement(const QStringList& arguments) {
    const QString name = QStringLiteral("agreement");
    QCommandLineParser parser;
    const QCommandLineOption project(QStringList{QStringLiteral("p"), QStringLiteral("project")}, QStringLiteral("Project file (.alproj)."),
                                     QStringLiteral("project"));
    const QCommandLineOption annotators(QStringLiteral("annotators"),
                                        QStringLiteral("Annotators to compare, comma-separated (default: everyone with segments)."),
                                        QStringLiteral("a,b"));
    const QCommandLineOption task(QStringLiteral("task"), QStringLiteral("Per-segment task (default: the action task)."),
                                  QStringLiteral("T"));
    const QCommandLineOption iou(QStringLiteral("iou"), QStringLiteral("IoU thresholds of the segment F1 (default 0.1,0.25,0.5)."),
                                 QStringLiteral("t1,t2"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the JSON report here (default: standard output)."), QStringLiteral("file"));
    for (const auto* option : {&project, &annotators, &task, &iou, &output}) parser.addOption(*option);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Agreement between annotators of a project, per video and overall: frame-wise "
                                                    "Cohen's kappa per pair, Fleiss' kappa and Krippendorff's alpha (nominal) over "
                                                    "all, segment-level F1 at IoU thresholds and boundary offsets; a model's "
                                                    "predictions are no annotator. A summary goes to standard error."),
                                     arguments, 0))
        return *stop;
    if (!parser.isSet(project)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    agreement::AgreementOptions options;
    options.task = parser.value(task).toStdString();
    if (parser.isSet(annotators))
        for (const QString& a : parser.value(annotators).split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.annotators.push_back(a.trimmed().toStdString());
    if (parser.isSet(iou)) {
        options.iouThresholds.clear();
        for (const QString& t : parser.value(iou).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const double value = t.toDouble(&ok);
            if (!ok || value <= 0 || value > 1) return usageError(name, QStringLiteral("--iou: '%1' is not a threshold in (0, 1]").arg(t));
            options.iouThresholds.push_back(value);
        }
    }
    auto store = annotation::ProjectStore::openToRead(parser.value(project).toStdString());  // beside the window too
    if (!store.ok()) return fail(store.error());
    auto report = agreement::computeAgreement(*store.value(), options);
    if (!report.ok()) return fail(report.error());

    const QByteArray json = QJsonDocument(agreement::agreementToJson(*report)).toJson(QJsonDocument::Indented);
    if (parser.isSet(output)) {
        QSaveFile file(parser.value(output));
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
            return fail(QStringLiteral("cannot write '%1': %2").arg(parser.value(output), file.errorString()));
    } else {
        std::fputs(json.constData(), stdout);
    }
    const agreement::AgreementScope& all = report->overall;
    std::fprintf(stderr, "%s: %d frames in %zu videos; Fleiss' kappa %s, Krippendorff's alpha %s\n", report->task.c_str(), all.units,
                 report->videos.size(), figure(all.fleissKappa).toUtf8().constData(), figure(all.krippendorffAlpha).toUtf8().constData());
    for (const agreement::PairAgreement& pair : all.pairs) {
        QString f1;
        for (const agreement::SegmentF1& s : pair.segments) f1 += QStringLiteral(" F1@%1 %2").arg(s.threshold).arg(figure(s.f1()));
        std::fprintf(stderr, "  %s vs %s: %d frames, agreement %s, Cohen's kappa %s;%s; boundaries %.1f / %.1f frames apart (start / end)\n",
                     pair.a.c_str(), pair.b.c_str(), pair.units, figure(pair.percent).toUtf8().constData(),
                     figure(pair.cohenKappa).toUtf8().constData(), f1.toUtf8().constData(), pair.boundaries.meanStart,
                     pair.boundaries.meanEnd);
    }
    return kExitSuccess;
}

}  // namespace

void registerAgreementCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("agreement"), QStringLiteral("Inter-annotator agreement of a project's segments (JSON)"), runAgreement});
}

}  // namespace actionlens::cli
