// actionlens-cli assign: which annotators videos are assigned to (core/annotation/video_assignment).

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/annotation/project_store.h"
#include "core/annotation/video_assignment.h"
#include "core/formats/video_lookup.h"

#include <cstdio>

namespace actionlens::cli {

namespace {

QString videoName(const annotation::Video& v) {
    return QString::fromStdString(!v.name.empty() ? v.name : v.path);
}

QString joined(const std::vector<std::string>& names) {
    QStringList list;
    for (const std::string& n : names) list << QString::fromStdString(n);
    return list.join(QLatin1Char(','));
}

int runAssign(const QStringList& arguments) {
    const QString name = QStringLiteral("assign");
    QCommandLineParser parser;
    const QCommandLineOption project(QStringList{QStringLiteral("p"), QStringLiteral("project")}, QStringLiteral("Project file (.alproj)."),
                                     QStringLiteral("project"));
    const QCommandLineOption video(QStringLiteral("video"),
                                   QStringLiteral("A video by id, name or file name (repeat, or separate by commas)."),
                                   QStringLiteral("id"));
    const QCommandLineOption annotator(QStringLiteral("annotator"), QStringLiteral("The annotator to assign the videos to."),
                                       QStringLiteral("name"));
    const QCommandLineOption remove(QStringLiteral("remove"), QStringLiteral("Take the videos from the annotator instead."));
    for (const auto* option : {&project, &video, &annotator, &remove}) parser.addOption(*option);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Assigns videos to an annotator (a video may have several: double-coding, "
                                                    "which `agreement` then compares by default), or with --remove takes them "
                                                    "back; one transaction. Without --video, lists the videos (id, name, "
                                                    "annotators, tab-separated), only the annotator's with --annotator."),
                                     arguments, 0))
        return *stop;
    if (!parser.isSet(project)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    QStringList named;
    for (const QString& value : parser.values(video))
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) named << part.trimmed();
    const std::string who = parser.value(annotator).trimmed().toStdString();

    if (named.isEmpty()) {
        if (parser.isSet(remove)) return usageError(name, QStringLiteral("--remove needs --video"));
        auto store = annotation::ProjectStore::openToRead(parser.value(project).toStdString());
        if (!store.ok()) return fail(store.error());
        auto videos = store.value()->videos();
        if (!videos.ok()) return fail(videos.error());
        for (const annotation::Video& v : videos.value()) {
            if (!who.empty() && std::find(v.annotators.begin(), v.annotators.end(), who) == v.annotators.end()) continue;
            printLine(QStringLiteral("%1\t%2\t%3").arg(v.id).arg(videoName(v), joined(v.annotators)));
        }
        return kExitSuccess;
    }
    if (who.empty()) return usageError(name, QStringLiteral("--annotator NAME is required with --video"));
    auto store = annotation::ProjectStore::open(parser.value(project).toStdString());
    if (!store.ok()) return fail(store.error());
    auto lookup = formats::VideoLookup::load(*store.value());
    if (!lookup.ok()) return fail(lookup.error());
    std::vector<std::int64_t> ids;
    for (const QString& text : named) {
        bool isNumber = false;
        const qint64 id = text.toLongLong(&isNumber);
        if (isNumber && store.value()->video(id).ok()) {
            ids.push_back(id);
            continue;
        }
        auto found = lookup.value().findOne(text.toStdString());
        if (!found.ok()) return fail(QStringLiteral("--video %1: %2").arg(text, QString::fromStdString(found.error())));
        ids.push_back(found.value().id);
    }
    auto plan = annotation::planAssignment(*store.value(), ids, who, parser.isSet(remove));
    if (!plan.ok()) return fail(plan.error());
    if (auto applied = annotation::applyAssignment(*store.value(), plan.value()); !applied.ok()) return fail(applied.error());
    std::fprintf(stderr, "%s %zu of %zu videos %s '%s'\n", parser.isSet(remove) ? "took" : "assigned", plan->size(), ids.size(),
                 parser.isSet(remove) ? "from" : "to", who.c_str());
    return kExitSuccess;
}

}  // namespace

void registerAssignCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("assign"), QStringLiteral("Assign videos to annotators, or list who has which"), runAssign});
}

}  // namespace actionlens::cli
