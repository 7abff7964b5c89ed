#include "core/pose/pose_video_job.h"

#include "core/media/frame_source.h"
#include "core/media/image_io.h"

#include <algorithm>
#include <map>
#include <set>

namespace actionlens::pose {

namespace {

RgbImageView viewOf(const media::VideoFrame& frame) { return {frame.rgb.data(), frame.width, frame.height, frame.stride}; }

}  // namespace

int PoseVideoResult::framesWithPose() const {
    int n = 0;
    for (const FramePose& f : frames) n += !f.people.empty();
    return n;
}

std::vector<int> peopleIn(const std::vector<FramePose>& frames) {
    std::set<int> numbers;
    for (const FramePose& f : frames)
        for (const PersonPose& p : f.people) numbers.insert(p.person);
    return {numbers.begin(), numbers.end()};
}

std::vector<int> PoseVideoResult::people() const { return peopleIn(frames); }

int dropFleetingPeople(std::vector<FramePose>& frames, int minFrames) {
    std::map<int, int> seen;         // person -> frames
    std::vector<int> order;          // in order of first appearance
    for (const FramePose& f : frames)
        for (const PersonPose& p : f.people)
            if (seen[p.person]++ == 0) order.push_back(p.person);
    std::map<int, int> renumbered;
    for (int person : order)
        if (seen[person] >= minFrames) renumbered.emplace(person, int(renumbered.size()) + 1);
    for (FramePose& f : frames) {
        std::vector<PersonPose> kept;
        for (PersonPose& p : f.people) {
            const auto it = renumbered.find(p.person);
            if (it == renumbered.end()) continue;
            p.person = it->second;
            kept.push_back(std::move(p));
        }
        std::sort(kept.begin(), kept.end(), [](const PersonPose& a, const PersonPose& b) { return a.person < b.person; });
        f.people = std::move(kept);
    }
    return int(seen.size() - renumbered.size());
}

Result<PoseVideoResult> estimatePosesInVideo(PoseEstimator& estimator, const std::string& path, double imageFolderFps,
                                             const PoseVideoCallbacks& callbacks, const PeopleTrackerOptions& tracking) {
    media::OpenOptions options;
    options.imageSequenceFps = imageFolderFps;
    auto source = media::openFrameSource(path, options);
    if (!source.ok()) return source.takeError();
    const media::VideoInfo& info = source.value()->info();
    PoseVideoResult result;
    result.width = info.width;
    result.height = info.height;
    result.frames.reserve(static_cast<std::size_t>(info.frameCount));
    PeopleTracker tracker(estimator, tracking);
    for (int i = 0; i < info.frameCount; ++i) {
        if (callbacks.shouldCancel && callbacks.shouldCancel()) return makeError(path + ": pose estimation cancelled at frame " + std::to_string(i));
        auto frame = source.value()->readFrame(i);
        if (!frame.ok()) return frame.takeError();
        auto tracked = tracker.next(viewOf(*frame.value()), frame.value()->seconds);
        if (!tracked.ok()) return makeError(path + ": frame " + std::to_string(i) + ": " + tracked.error());
        result.frames.push_back({i, frame.value()->seconds, tracked->detectorRan, std::move(tracked->people)});
        if (callbacks.progress) callbacks.progress(i + 1, info.frameCount);
    }
    if (tracking.maxPeople > 1) result.fleetingPeople = dropFleetingPeople(result.frames, tracking.minTrackFrames);
    return result;
}

Result<PoseVideoResult> estimatePosesInImage(PoseEstimator& estimator, const std::string& path, int maxPeople) {
    auto image = media::loadImageAsFrame(path);
    if (!image.ok()) return image.takeError();
    FramePose frame;
    frame.detectorRan = true;
    if (maxPeople <= 1) {
        auto estimate = estimator.estimateImage(viewOf(*image.value()));
        if (!estimate.ok()) return makeError(path + ": " + estimate.error());
        if (estimate->found) frame.people.push_back({1, std::move(estimate).value(), std::nullopt});
    } else {
        auto people = estimator.estimatePeople(viewOf(*image.value()), maxPeople);
        if (!people.ok()) return makeError(path + ": " + people.error());
        // Numbered from left to right, as the tracker numbers people who appear together.
        std::sort(people->begin(), people->end(), [](const PoseEstimate& a, const PoseEstimate& b) { return a.roi.cx < b.roi.cx; });
        for (PoseEstimate& e : people.value()) {
            std::optional<PersonBox> box;
            if (e.detection && e.detection->wholePerson) box = personBoxFromDetection(*e.detection, image.value()->width, image.value()->height);
            frame.people.push_back({static_cast<int>(frame.people.size()) + 1, std::move(e), box});
        }
    }
    PoseVideoResult result;
    result.width = image.value()->width;
    result.height = image.value()->height;
    result.frames.push_back(std::move(frame));
    return result;
}

}  // namespace actionlens::pose
