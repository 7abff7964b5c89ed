#include "core/predict/model_segments.h"

namespace actionlens::predict {

Status replaceModelSegments(annotation::ProjectStore& store, std::int64_t videoId, const std::string& annotator,
                            const std::vector<annotation::Segment>& segments) {
    return store.transaction([&]() -> Status {
        auto existing = store.segmentsOfVideo(videoId);
        if (!existing) return existing.takeError();
        for (const annotation::Segment& s : existing.value())
            if (s.annotator == annotator)
                if (auto removed = store.removeSegment(s.id); !removed) return removed.takeError();
        for (const annotation::Segment& s : segments) {
            // Another video's or annotator's segment would outlive the next replacement.
            if (s.videoId != videoId || s.annotator != annotator)
                return makeError("a segment of video " + std::to_string(s.videoId) + " by '" + s.annotator +
                                 "' cannot replace the segments of video " + std::to_string(videoId) + " by '" + annotator + "'");
            if (auto id = store.insertSegment(s); !id) return id.takeError();
        }
        return Status::success();
    });
}

}  // namespace actionlens::predict
