#include "core/pose/pose_skeleton_frames.h"

#include "core/pose/skeleton_mapping.h"

namespace actionlens::pose {

std::vector<annotation::SkeletonFrame> skeletonFramesFromPoses(const std::vector<FramePose>& frames, std::int64_t videoId,
                                                               std::int64_t subjectId, const annotation::SkeletonLayout& layout) {
    const auto sources = mediaPipeSourcesFor(layout.joints);
    std::vector<annotation::SkeletonFrame> skeletons;
    for (const FramePose& f : frames) {
        if (!f.estimate.found) continue;
        annotation::SkeletonFrame s;
        s.videoId = videoId;
        s.subjectId = subjectId;
        s.frame = f.frame;
        s.layoutId = layout.id;
        s.source = annotation::PoseSource::Model;
        for (const MappedJoint& j : mapLandmarks(f.estimate.landmarks, sources)) {
            annotation::Joint joint;
            joint.x = j.x;
            joint.y = j.y;
            joint.confidence = j.confidence;
            joint.visible = j.hasSource && j.confidence > 0.5f;
            s.joints.push_back(joint);
        }
        skeletons.push_back(std::move(s));
    }
    return skeletons;
}

Result<StoredPoses> storePoseSkeletons(annotation::ProjectStore& store, std::int64_t videoId, annotation::SkeletonLayout layout,
                                       std::optional<std::int64_t> subjectId, const std::string& newSubjectName,
                                       const std::vector<FramePose>& frames) {
    StoredPoses stored;
    Status status = store.transaction([&]() -> Status {
        if (subjectId) {
            stored.subjectId = *subjectId;
        } else {
            annotation::Subject person;
            person.name = newSubjectName;
            auto id = store.insertSubject(person);
            if (!id.ok()) return id.takeError();
            stored.subjectId = id.value();
        }
        const auto skeletons = skeletonFramesFromPoses(frames, videoId, stored.subjectId, layout);
        stored.frames = static_cast<int>(skeletons.size());
        return store.insertSkeletonFrames(skeletons);
    });
    if (!status.ok()) return status.takeError();
    return stored;
}

}  // namespace actionlens::pose
