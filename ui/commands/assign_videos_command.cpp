#include "ui/commands/assign_videos_command.h"

#include "ui/document/project_document.h"

#include <memory>

namespace actionlens::ui {

AssignVideosCommand::AssignVideosCommand(ProjectDocument& document, std::vector<annotation::AssignmentChange> changes, const QString& text)
    : DocumentCommand(document, text), changes_(std::move(changes)) {}

Status AssignVideosCommand::redoWrite() { return annotation::applyAssignment(document().store(), changes_); }

Status AssignVideosCommand::undoWrite() { return annotation::applyAssignment(document().store(), changes_, true); }

void AssignVideosCommand::reload() { document().reloadVideos(); }

QString AssignVideosCommand::run(ProjectDocument& document, const std::vector<std::int64_t>& videoIds, const QString& annotator,
                                 bool remove) {
    if (!document.isOpen()) return QObject::tr("No project is open.");
    if (videoIds.empty()) return QObject::tr("No videos are selected.");
    const QString name = annotator.trimmed();
    auto plan = annotation::planAssignment(document.store(), videoIds, name.toStdString(), remove);
    if (!plan) return QString::fromStdString(plan.error());
    if (plan->empty())
        return remove ? QObject::tr("None of the videos is assigned to %1.").arg(name)
                      : QObject::tr("The videos are already assigned to %1.").arg(name);
    const int count = int(plan->size());
    const QString videos = count == 1 ? QObject::tr("1 video") : QObject::tr("%1 videos").arg(count);
    const QString text = remove ? QObject::tr("Take %1 from %2").arg(videos, name) : QObject::tr("Assign %1 to %2").arg(videos, name);
    return push(document, std::make_unique<AssignVideosCommand>(document, std::move(plan).value(), text));
}

}  // namespace actionlens::ui
