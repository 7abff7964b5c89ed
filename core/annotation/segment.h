#pragma once

// Segment: a labelled stretch of one video for one subject. Frames are 0-based and both ends
// are inclusive, so a one-frame segment has firstFrame == lastFrame.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace actionlens::annotation {

enum class ReviewStatus { Unreviewed, Accepted, Rejected };

struct Segment {
    std::int64_t id = 0;  // 0: not stored yet
    std::int64_t videoId = 0;
    std::int64_t subjectId = 0;  // 0: no subject assigned yet
    std::int64_t firstFrame = 0;
    std::int64_t lastFrame = 0;
    std::map<std::string, std::string> labels;  // task name -> class/value name, per-segment tasks
    std::string annotator;
    // Milliseconds since the epoch (UTC); 0 on insert means "now".
    std::int64_t createdMs = 0;
    std::int64_t modifiedMs = 0;
    ReviewStatus review = ReviewStatus::Unreviewed;
    // A model's predicted segment: how sure the model was of its action (the class's mean
    // probability over the segment); none for people's segments. An accepted prediction keeps it.
    std::optional<double> confidence;
    // Who proposed it when that was not its annotator: "model:<file>" for a prediction a person
    // accepted (model-assisted); empty for segments drawn by their annotator.
    std::string source;

    bool operator==(const Segment& o) const {
        return id == o.id && videoId == o.videoId && subjectId == o.subjectId &&
               firstFrame == o.firstFrame && lastFrame == o.lastFrame && labels == o.labels &&
               annotator == o.annotator && createdMs == o.createdMs && modifiedMs == o.modifiedMs &&
               review == o.review && confidence == o.confidence && source == o.source;
    }
};

// A model's segments are stored under the annotator "model:<model file name>": predictions,
// shown in a lane of their own and never training data until a person accepts them.
inline constexpr const char* kModelAnnotatorPrefix = "model:";
inline bool isModelPrediction(const Segment& segment) { return segment.annotator.rfind(kModelAnnotatorPrefix, 0) == 0; }

// Names as stored in the project file, so the file stays readable with the sqlite3 shell.
inline const char* reviewStatusName(ReviewStatus status) {
    switch (status) {
    case ReviewStatus::Accepted: return "accepted";
    case ReviewStatus::Rejected: return "rejected";
    case ReviewStatus::Unreviewed: break;
    }
    return "unreviewed";
}

inline bool parseReviewStatus(const std::string& name, ReviewStatus* status) {
    for (ReviewStatus s : {ReviewStatus::Unreviewed, ReviewStatus::Accepted, ReviewStatus::Rejected}) {
        if (name == reviewStatusName(s)) {
            *status = s;
            return true;
        }
    }
    return false;
}

}  // namespace actionlens::annotation
