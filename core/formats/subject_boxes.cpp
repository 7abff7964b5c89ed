#include "core/formats/subject_boxes.h"

#include "core/annotation/project_store.h"

#include <algorithm>

namespace actionlens::formats {

using namespace annotation;

bool isBoxOnly(const SkeletonFrame& frame) {
    return frame.box && !frame.hasPose();
}

std::optional<SubjectBox> storedBoxAt(const std::vector<SkeletonFrame>& frames, std::int64_t subjectId, std::int64_t frame) {
    for (const SkeletonFrame& f : frames)
        if (f.subjectId == subjectId && f.frame == frame && f.box) return f.box;
    return std::nullopt;
}

Status storeSubjectBoxes(ProjectStore& store, std::int64_t videoId, std::int64_t subjectId, const std::map<std::int64_t, SubjectBox>& boxes) {
    if (boxes.empty()) return Status::success();
    const SkeletonLayout* layout = store.skeletonLayout("COCO-17");
    if (!layout) return makeError("the project has no COCO-17 skeleton layout for box-only frames");
    auto existing = store.skeletonFrames(videoId, boxes.begin()->first, boxes.rbegin()->first, subjectId);
    if (!existing) return existing.takeError();
    std::map<std::int64_t, SkeletonFrame> byFrame;
    for (SkeletonFrame& f : existing.value()) byFrame.emplace(f.frame, std::move(f));
    std::vector<SkeletonFrame> added;
    for (const auto& [frame, box] : boxes) {
        auto found = byFrame.find(frame);
        if (found != byFrame.end()) {
            if (found->second.box == box) continue;
            found->second.box = box;
            if (auto put = store.putSkeletonFrame(found->second); !put) return put.takeError();
            continue;
        }
        added.push_back(SkeletonFrame{videoId, subjectId, frame, layout->id, PoseSource::Imported, std::vector<Joint>(layout->joints.size()), box});
    }
    return store.insertSkeletonFrames(added);
}

}  // namespace actionlens::formats
