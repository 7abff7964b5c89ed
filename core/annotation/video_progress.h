#pragma once

// How far a video's annotation has come, and which frames have skeletons: what the dataset
// browser and the timeline show. Read with light queries (no joint blobs, no labels), so a
// browser over thousands of videos opens without decoding any skeleton.

#include "core/annotation/skeleton_frame.h"

#include <cstdint>

namespace actionlens::annotation {

struct VideoProgress {
    std::int64_t videoId = 0;
    // People's segments (a model's predictions not counted: they are not labels until accepted).
    std::int64_t segments = 0;
    std::int64_t reviewedSegments = 0;  // accepted or rejected
    std::int64_t acceptedPredictions = 0;  // people's segments that were a model's proposal (model-assisted)
    std::int64_t proposedSegments = 0;     // a model's predictions still waiting for review
    // Frames inside at least one of people's segments (overlapping segments of two subjects count once).
    std::int64_t framesInSegments = 0;
    // Frames with at least one subject's skeleton.
    std::int64_t framesWithSkeletons = 0;
};

// One stored skeleton row without its joints.
struct SkeletonPresence {
    std::int64_t frame = 0;
    std::int64_t subjectId = 0;
    PoseSource source = PoseSource::Manual;

    bool operator==(const SkeletonPresence& o) const {
        return frame == o.frame && subjectId == o.subjectId && source == o.source;
    }
};

}  // namespace actionlens::annotation
