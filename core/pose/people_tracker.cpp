#include "core/pose/people_tracker.h"

#include "core/pose/landmark_smoothing.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace actionlens::pose {

namespace {

struct Track {
    int person = 1;
    PoseRoi roi;  // where to look on the next frame
    LandmarkSmoother body = LandmarkSmoother::forBody();
    LandmarkSmoother auxiliary = LandmarkSmoother::forAuxiliary();
    // This frame's pass, and the detection that started the track on this frame.
    std::optional<LandmarkPass> pass;
    std::optional<PoseDetection> detection;
};

struct LostTrack {
    int person = 1;
    PoseRoi roi;
    long long frame = 0;  // when it was lost
};

}  // namespace

struct PeopleTracker::State {
    PoseEstimator& estimator;
    PeopleTrackerOptions options;
    std::vector<Track> tracks;
    std::vector<LostTrack> lost;
    int nextPerson = 1;
    long long frame = 0;
    long long lastDetection = -1;

    State(PoseEstimator& e, PeopleTrackerOptions o) : estimator(e), options(o) {
        options.maxPeople = std::max(1, options.maxPeople);
        options.detectionInterval = std::max(1, options.detectionInterval);
    }

    void lose(const Track& track) {
        if (options.maxPeople > 1) lost.push_back({track.person, track.roi, frame});  // one person is always 1
    }

    // The number for a new track: one person is always 1; otherwise a person lost lately near
    // this square, else a new number.
    int numberFor(const PoseRoi& roi) {
        if (options.maxPeople == 1) return 1;
        lost.erase(std::remove_if(lost.begin(), lost.end(),
                                  [&](const LostTrack& l) { return frame - l.frame > options.rememberLostFrames; }),
                   lost.end());
        auto best = lost.end();
        double bestOverlap = 0.0;
        for (auto it = lost.begin(); it != lost.end(); ++it) {
            const double overlap = roiOverlap(roi, it->roi);
            if (overlap > bestOverlap) bestOverlap = overlap, best = it;
        }
        if (best != lost.end() && bestOverlap > 0.2) {
            const int person = best->person;
            lost.erase(best);
            return person;
        }
        return nextPerson++;
    }
};

PeopleTracker::PeopleTracker(PoseEstimator& estimator, PeopleTrackerOptions options)
    : state_(std::make_unique<State>(estimator, options)) {}
PeopleTracker::PeopleTracker(PeopleTracker&&) noexcept = default;
PeopleTracker& PeopleTracker::operator=(PeopleTracker&&) noexcept = default;
PeopleTracker::~PeopleTracker() = default;

void PeopleTracker::reset() {
    state_->tracks.clear();
    state_->lost.clear();
    state_->nextPerson = 1;
    state_->frame = 0;
    state_->lastDetection = -1;
}

Result<TrackedFrame> PeopleTracker::next(const RgbImageView& image, double seconds) {
    State& s = *state_;
    PoseEstimator& estimator = s.estimator;
    const PoseEstimatorOptions& options = estimator.options();
    TrackedFrame out;

    // 1. Each followed person, in the square its last pose fixed. The tracks change only once
    // every one has its pass: a failed pass leaves them as they were, for the next frame.
    std::vector<std::optional<LandmarkPass>> passes;
    for (const Track& track : s.tracks) {
        auto pass = estimator.landmarks(image, track.roi);
        if (!pass.ok()) return pass.takeError();
        if (pass->poseFlag >= options.minPresence) {
            passes.emplace_back(std::move(pass).value());
        } else {
            passes.emplace_back();
        }
    }
    bool lostOne = false;
    std::vector<Track> kept;
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
        Track& track = s.tracks[t];
        if (passes[t]) {
            track.pass = std::move(passes[t]);
            track.detection.reset();
            kept.push_back(std::move(track));
        } else {
            s.lose(track);
            lostOne = true;
        }
    }
    s.tracks = std::move(kept);
    // Two tracks that drifted onto one person: the younger one goes.
    for (std::size_t a = 0; a < s.tracks.size(); ++a)
        for (std::size_t b = a + 1; b < s.tracks.size();) {
            if (roiOverlap(PoseEstimator::roiFromAuxiliary(s.tracks[a].pass->landmarks),
                           PoseEstimator::roiFromAuxiliary(s.tracks[b].pass->landmarks)) > kSamePersonOverlap) {
                s.tracks.erase(s.tracks.begin() + static_cast<std::ptrdiff_t>(b));
            } else {
                ++b;
            }
        }

    // 2. The detector, for the first person, a lost one, or newcomers now and then.
    const int free = s.options.maxPeople - static_cast<int>(s.tracks.size());
    const bool due = s.lastDetection < 0 || s.frame - s.lastDetection >= s.options.detectionInterval;
    if (free > 0 && (s.tracks.empty() || lostOne || due)) {
        auto detections = estimator.detect(image);
        if (!detections.ok()) return detections.takeError();
        out.detectorRan = true;
        s.lastDetection = s.frame;
        std::vector<PoseRoi> taken;
        for (const Track& t : s.tracks) taken.push_back(PoseEstimator::roiFromAuxiliary(t.pass->landmarks));
        // The best detections, one per free place; those on a followed person do not count.
        int tried = 0;
        std::vector<std::pair<PoseRoi, Track>> found;
        for (const PoseDetection& detection : detections.value()) {
            if (tried >= free) break;
            const PoseRoi roi = PoseEstimator::roiFromDetection(detection, image.width, image.height);
            bool seen = false;
            for (const PoseRoi& other : taken) seen = seen || roiOverlap(roi, other) > kSamePersonOverlap;
            if (seen) continue;
            ++tried;
            taken.push_back(roi);
            auto pass = estimator.landmarks(image, roi);
            if (!pass.ok()) return pass.takeError();
            if (pass->poseFlag < options.minPresence) continue;  // a detection the landmark model does not confirm
            Track track;
            track.pass = std::move(pass).value();
            track.detection = detection;
            found.emplace_back(roi, std::move(track));
        }
        // People who appear together are numbered from left to right.
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first.cx < b.first.cx; });
        for (auto& [roi, track] : found) {
            track.person = s.numberFor(roi);
            s.tracks.push_back(std::move(track));
        }
    }

    // 3. The poses, smoothed per person; each track's next square.
    for (Track& track : s.tracks) {
        PersonPose person;
        person.person = track.person;
        person.estimate = estimateFromPass(*track.pass);
        person.estimate.detectorRan = out.detectorRan;
        person.estimate.detection = track.detection;
        if (options.smoothing) {
            person.estimate.landmarks = track.body.apply(seconds, person.estimate.landmarks);
            person.estimate.auxiliary = track.auxiliary.apply(seconds, person.estimate.auxiliary);
        }
        track.roi = PoseEstimator::roiFromAuxiliary(person.estimate.auxiliary);
        track.pass.reset();
        out.people.push_back(std::move(person));
    }
    std::sort(out.people.begin(), out.people.end(), [](const PersonPose& a, const PersonPose& b) { return a.person < b.person; });
    ++s.frame;
    return out;
}

}  // namespace actionlens::pose
