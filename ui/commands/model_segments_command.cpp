#include "ui/commands/model_segments_command.h"

#include "core/annotation/project_store.h"
#include "core/predict/model_segments.h"
#include "ui/document/project_document.h"

namespace actionlens::ui {

namespace {

Result<std::vector<annotation::Segment>> segmentsOf(annotation::ProjectStore& store, std::int64_t videoId, const std::string& annotator) {
    auto all = store.segmentsOfVideo(videoId);
    if (!all) return all.takeError();
    std::vector<annotation::Segment> out;
    for (const annotation::Segment& s : all.value())
        if (s.annotator == annotator) out.push_back(s);
    return out;
}

}  // namespace

ModelSegmentsCommand::ModelSegmentsCommand(ProjectDocument& document, std::int64_t videoId, std::string annotator,
                                           std::vector<annotation::Segment> segments)
    : DocumentCommand(document), videoId_(videoId), annotator_(std::move(annotator)), predicted_(std::move(segments)) {
    setText(QObject::tr("Predict %1 segments with %2").arg(predicted_.size()).arg(QString::fromStdString(annotator_)));
}

Status ModelSegmentsCommand::firstWrite() {
    annotation::ProjectStore& store = document().store();
    auto before = segmentsOf(store, videoId_, annotator_);
    if (!before) return before.takeError();
    if (Status s = predict::replaceModelSegments(store, videoId_, annotator_, predicted_); !s) return s;
    auto after = segmentsOf(store, videoId_, annotator_);
    if (!after) return after.takeError();
    removed_ = std::move(before).value();
    added_ = std::move(after).value();
    return Status::success();
}

Status ModelSegmentsCommand::swap(const std::vector<annotation::Segment>& remove, const std::vector<annotation::Segment>& insert) {
    annotation::ProjectStore& store = document().store();
    return store.transaction([&]() -> Status {
        for (const annotation::Segment& s : remove)
            if (auto removed = store.removeSegment(s.id); !removed) return removed.takeError();
        for (const annotation::Segment& s : insert)
            if (auto id = store.insertSegment(s); !id) return id.takeError();
        return Status::success();
    });
}

Status ModelSegmentsCommand::redoWrite() { return swap(removed_, added_); }
Status ModelSegmentsCommand::undoWrite() { return swap(added_, removed_); }

void ModelSegmentsCommand::reload() {
    if (document().currentVideoId() == videoId_) document().reloadSegments();
}

}  // namespace actionlens::ui
