#pragma once

// Segment: a labelled stretch of one video for one subject. Frames are 0-based and both ends
// are inclusive, so a one-frame segment has firstFrame == lastFrame.

#include <cstdint>
#include <map>
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

    bool operator==(const Segment& o) const {
        return id == o.id && videoId == o.videoId && subjectId == o.subjectId &&
               firstFrame == o.firstFrame && lastFrame == o.lastFrame && labels == o.labels &&
               annotator == o.annotator && createdMs == o.createdMs && modifiedMs == o.modifiedMs &&
               review == o.review;
    }
};

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
