#include "ui/editing/segment_editor.h"

#include "core/annotation/group_only_label.h"

#include "ui/commands/segment_change_command.h"
#include "ui/editing/annotator_name.h"
#include "ui/document/project_document.h"

#include <memory>

namespace actionlens::ui {

SegmentEditor::SegmentEditor(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {}

std::int64_t SegmentEditor::frameCount() const {
    const annotation::Video* video = document_.currentVideo();
    return video ? video->frameCount : 0;
}

QString SegmentEditor::run(Result<SegmentChange> planned) {
    QString message;
    if (!document_.isOpen() || document_.currentVideoId() == 0) {
        message = tr("Open a video of a project first.");
    } else if (!planned) {
        message = QString::fromStdString(planned.error());
    } else {
        auto command = std::make_unique<SegmentChangeCommand>(document_, std::move(planned).value());
        const SegmentChangeCommand* pushed = command.get();
        message = DocumentCommand::push(document_, std::move(command));
        if (message.isEmpty()) {
            lastAdded_ = pushed->addedIds();
            return {};
        }
    }
    Q_EMIT refused(message);
    return message;
}

QString SegmentEditor::create(std::int64_t subjectId, std::int64_t first, std::int64_t last, const segment_edits::Labels& labels) {
    return run(segment_edits::create(document_.segments(), document_.currentVideoId(), subjectId, first, last, labels, frameCount(),
                                     laneRule_, annotatorName().toStdString()));
}

QString SegmentEditor::accept(const std::vector<std::int64_t>& predictionIds) {
    return run(segment_edits::accept(document_.segments(), predictionIds, annotatorName().toStdString(), laneRule_));
}

QString SegmentEditor::acceptAbove(double minConfidence, int* skipped) {
    return run(segment_edits::acceptAbove(document_.segments(), minConfidence, annotatorName().toStdString(), skipped, laneRule_));
}

QString SegmentEditor::acceptRange(std::int64_t subjectId, std::int64_t first, std::int64_t last) {
    return run(segment_edits::acceptRange(document_.segments(), subjectId, first, last, annotatorName().toStdString(), laneRule_));
}

QString SegmentEditor::copyLayer(const std::string& from) {
    return run(segment_edits::copyLayer(document_.segments(), from, annotatorName().toStdString()));
}

QString SegmentEditor::reject(const std::vector<std::int64_t>& predictionIds) {
    return run(segment_edits::reject(document_.segments(), predictionIds));
}

QString SegmentEditor::setBounds(std::int64_t segmentId, std::int64_t first, std::int64_t last) {
    return run(segment_edits::setBounds(document_.segments(), segmentId, first, last, frameCount(), laneRule_));
}

QString SegmentEditor::split(std::int64_t segmentId, std::int64_t frame) {
    return run(segment_edits::split(document_.segments(), segmentId, frame, laneRule_));
}

QString SegmentEditor::merge(const std::vector<std::int64_t>& segmentIds) {
    return run(segment_edits::merge(document_.segments(), segmentIds, laneRule_));
}

QString SegmentEditor::remove(const std::vector<std::int64_t>& segmentIds) {
    return run(segment_edits::remove(document_.segments(), segmentIds));
}

QString SegmentEditor::setLabel(const std::vector<std::int64_t>& segmentIds, const std::string& task, const std::string& value) {
    const annotation::TaskDefinition* action = document_.isOpen() ? document_.taxonomy().actionTask() : nullptr;
    if (action && task == action->name && !value.empty()) {
        return run(segment_edits::setLabels(document_.segments(), segmentIds, {{task, value}, {annotation::kGroupOnlyLabelKey, ""}},
                                            tr("Set %1 to %2").arg(QString::fromStdString(task), QString::fromStdString(value))));
    }
    return run(segment_edits::setLabel(document_.segments(), segmentIds, task, value));
}

QString SegmentEditor::setClassGroup(const std::vector<std::int64_t>& segmentIds, const std::string& group) {
    const annotation::TaskDefinition* action = document_.isOpen() ? document_.taxonomy().actionTask() : nullptr;
    if (!action) return run(makeError("the project's taxonomy has no action task"));
    if (group.empty())
        return run(segment_edits::setLabels(document_.segments(), segmentIds, {{annotation::kGroupOnlyLabelKey, ""}}, tr("Clear group")));
    return run(segment_edits::setLabels(document_.segments(), segmentIds, {{annotation::kGroupOnlyLabelKey, group}, {action->name, ""}},
                                        tr("Set group to %1 (action unclear)").arg(QString::fromStdString(group))));
}

}  // namespace actionlens::ui
