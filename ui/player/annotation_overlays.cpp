#include "ui/player/annotation_overlays.h"

#include "core/annotation/group_only_label.h"

#include "ui/document/project_document.h"
#include "ui/player/video_view.h"
#include "ui/style/annotation_colours.h"

#include <map>

namespace actionlens::ui {

AnnotationOverlays::AnnotationOverlays(ProjectDocument& document, VideoView& view, QObject* parent)
    : QObject(parent), document_(document), view_(view) {
    view_.addOverlay(&skeletons_);
    view_.addOverlay(&labels_);
    connect(&document_, &ProjectDocument::segmentsChanged, this, &AnnotationOverlays::refresh);
    connect(&document_, &ProjectDocument::skeletonsChanged, this, &AnnotationOverlays::refresh);
    connect(&document_, &ProjectDocument::subjectsChanged, this, &AnnotationOverlays::refresh);
    connect(&document_, &ProjectDocument::closed, this, &AnnotationOverlays::clear);
}

AnnotationOverlays::~AnnotationOverlays() {
    view_.removeOverlay(&skeletons_);
    view_.removeOverlay(&labels_);
}

void AnnotationOverlays::clear() {
    frame_ = -1;
    skeletons_.setSkeletons({});
    labels_.setLines({});
    view_.update();
}

void AnnotationOverlays::refresh() {
    if (frame_ >= 0) showFrame(frame_);
}

void AnnotationOverlays::showFrame(int frame) {
    frame_ = frame;
    if (!document_.isOpen() || document_.currentVideoId() == 0) {
        clear();
        return;
    }
    std::vector<OverlaySkeleton> skeletons;
    for (annotation::SkeletonFrame& s : document_.skeletonsAt(frame)) {
        const annotation::SkeletonLayout* layout = document_.layoutById(s.layoutId);
        if (!layout) continue;
        OverlaySkeleton o;
        o.layout = *layout;
        o.subjectName = document_.subjectName(s.subjectId);
        o.subjectColour = subjectColour(s.subjectId);
        o.frame = std::move(s);
        skeletons.push_back(std::move(o));
    }
    skeletons_.setSkeletons(std::move(skeletons));

    const annotation::Taxonomy& taxonomy = document_.taxonomy();
    const annotation::TaskDefinition* actionTask = taxonomy.actionTask();
    // Two people's codings of one subject at this frame: each line says whose it is.
    std::map<std::int64_t, int> codingsOf;
    for (const annotation::Segment& segment : document_.segments())
        if (segment.firstFrame <= frame && segment.lastFrame >= frame && !annotation::isModelPrediction(segment))
            ++codingsOf[segment.subjectId];
    std::vector<SegmentLabelLine> lines;
    for (const annotation::Segment& segment : document_.segments()) {
        if (segment.firstFrame > frame || segment.lastFrame < frame) continue;
        SegmentLabelLine line;
        line.subject = document_.subjectName(segment.subjectId);
        line.subjectColour = subjectColour(segment.subjectId);
        const std::string action = actionTask && segment.labels.count(actionTask->name) ? segment.labels.at(actionTask->name) : std::string();
        const auto groupOnly = action.empty() ? segment.labels.find(annotation::kGroupOnlyLabelKey) : segment.labels.end();
        const bool byGroup = groupOnly != segment.labels.end();
        line.action = byGroup ? tr("%1 (action unclear)").arg(QString::fromStdString(groupOnly->second))
                      : action.empty() ? tr("no action")
                                       : QString::fromStdString(action);
        line.actionColour = byGroup ? groupColour(taxonomy, groupOnly->second) : actionColour(taxonomy, action);
        QStringList details;
        if (const std::string group = actionGroup(taxonomy, action); !group.empty()) details << QString::fromStdString(group);
        for (const auto& [task, value] : segment.labels)
            if ((!actionTask || task != actionTask->name) && task != annotation::kGroupOnlyLabelKey) details << QString::fromStdString(value);
        if (!annotation::isModelPrediction(segment) && codingsOf[segment.subjectId] > 1)
            details.prepend(segment.annotator.empty() ? tr("(no annotator)") : QString::fromStdString(segment.annotator));
        if (annotation::isModelPrediction(segment))
            details.prepend(segment.confidence ? tr("proposed, %1").arg(*segment.confidence, 0, 'f', 2) : tr("proposed"));
        line.details = details.join(QStringLiteral(" \u00b7 "));
        lines.push_back(std::move(line));
    }
    labels_.setLines(std::move(lines));
    view_.update();
}

void AnnotationOverlays::setSkeletonsVisible(bool visible) {
    skeletons_.setShowSkeletons(visible);
    skeletons_.setVisible(skeletons_.showsSkeletons() || skeletons_.showsBoxes());
    view_.update();
}

void AnnotationOverlays::setBoxesVisible(bool visible) {
    skeletons_.setShowBoxes(visible);
    skeletons_.setVisible(skeletons_.showsSkeletons() || skeletons_.showsBoxes());
    view_.update();
}

void AnnotationOverlays::setConfidenceThreshold(float threshold) {
    skeletons_.setConfidenceThreshold(threshold);
    view_.update();
}

void AnnotationOverlays::setLabelsVisible(bool visible) {
    labels_.setVisible(visible);
    view_.update();
}

}  // namespace actionlens::ui
