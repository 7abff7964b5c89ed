#include "core/pose/pose_skeleton_frames.h"

#include "core/pose/skeleton_mapping.h"

namespace actionlens::pose {

std::vector<annotation::SkeletonFrame> skeletonFramesFromPoses(const std::vector<FramePose>& frames, int person, std::int64_t videoId,
                                                               std::int64_t subjectId, const annotation::SkeletonLayout& layout) {
    const auto sources = mediaPipeSourcesFor(layout.joints);
    std::vector<annotation::SkeletonFrame> skeletons;
    for (const FramePose& f : frames) {
        for (const PersonPose& p : f.people) {
            if (p.person != person || !p.estimate.found) continue;
            annotation::SkeletonFrame s;
            s.videoId = videoId;
            s.subjectId = subjectId;
            s.frame = f.frame;
            s.layoutId = layout.id;
            s.source = annotation::PoseSource::Model;
            for (const MappedJoint& j : mapLandmarks(p.estimate.landmarks, sources)) {
                annotation::Joint joint;
                joint.x = j.x;
                joint.y = j.y;
                joint.confidence = j.confidence;
                joint.visible = j.hasSource && j.confidence > 0.5f;
                s.joints.push_back(joint);
            }
            if (p.box)
                s.box = annotation::SubjectBox{float(p.box->x), float(p.box->y), float(p.box->width), float(p.box->height)};
            skeletons.push_back(std::move(s));
        }
    }
    return skeletons;
}

int StoredPoses::frames() const {
    int n = 0;
    for (const StoredPerson& p : people) n += p.frames;
    return n;
}

std::string poseSubjectName(std::int64_t videoId, const std::string& modelName) {
    return "pose estimate (video " + std::to_string(videoId) + ", BlazePose " + modelName + ")";
}

Result<StoredPoses> storePoseSkeletons(annotation::ProjectStore& store, std::int64_t videoId, annotation::SkeletonLayout layout,
                                       std::optional<std::int64_t> subjectId, const std::string& newSubjectName,
                                       const std::vector<FramePose>& frames) {
    const std::vector<int> people = peopleIn(frames);
    if (subjectId && people.size() > 1)
        return makeError("poses of " + std::to_string(people.size()) + " people were found; a given subject takes one person's");
    StoredPoses stored;
    Status status = store.transaction([&]() -> Status {
        for (int person : people) {
            StoredPerson entry;
            entry.person = person;
            if (subjectId) {
                entry.subjectId = *subjectId;
            } else {
                annotation::Subject subject;
                // The number first: lane headers and lists cut long names at the end.
                subject.name = people.size() > 1 ? "person " + std::to_string(person) + ", " + newSubjectName : newSubjectName;
                auto id = store.insertSubject(subject);
                if (!id.ok()) return id.takeError();
                entry.subjectId = id.value();
            }
            const auto skeletons = skeletonFramesFromPoses(frames, person, videoId, entry.subjectId, layout);
            entry.frames = static_cast<int>(skeletons.size());
            if (Status s = store.insertSkeletonFrames(skeletons); !s.ok()) return s;
            stored.people.push_back(entry);
        }
        return Status::success();
    });
    if (!status.ok()) return status.takeError();
    return stored;
}

}  // namespace actionlens::pose
