#pragma once

// ModelSegmentsCommand: a model's predicted segments of one video, stored as its annotator
// ("model:<file>") in place of that model's earlier predictions of the video, one transaction;
// undo puts the earlier ones back, redo the new ones, each with its id (later edits refer to it).
// Predictions are never training data (core/clips skips "model:" segments).

#include "core/annotation/segment.h"
#include "ui/commands/document_command.h"

#include <string>
#include <vector>

namespace actionlens::ui {

class ModelSegmentsCommand : public DocumentCommand {
public:
    ModelSegmentsCommand(ProjectDocument& document, std::int64_t videoId, std::string annotator, std::vector<annotation::Segment> segments);
    int segmentCount() const { return int(added_.size()); }

private:
    Status firstWrite() override;
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;
    Status swap(const std::vector<annotation::Segment>& remove, const std::vector<annotation::Segment>& insert);

    std::int64_t videoId_;
    std::string annotator_;
    std::vector<annotation::Segment> predicted_;  // as the model gave them (no ids)
    std::vector<annotation::Segment> removed_;    // the model's earlier segments, with their ids
    std::vector<annotation::Segment> added_;      // as stored, with their ids
};

}  // namespace actionlens::ui
