#include "core/pose/people_tracker.h"

#include "core/pose/landmark_smoothing.h"
#include "core/pose/pose_distance.h"
#include "core/pose/track_confirmation.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace actionlens::pose {

namespace {

// A box relative to the tracked square: centre offset and size in squares' sides, so that it
// moves and scales with the person.
struct RelativeBox {
    double dx = 0, dy = 0, width = 0, height = 0;
};

struct Track {
    int person = 1;
    PoseRoi roi;  // where to look on the next frame
    LandmarkSmoother body = LandmarkSmoother::forBody();
    LandmarkSmoother auxiliary = LandmarkSmoother::forAuxiliary();
    // This frame's pass, and the detection that started the track on this frame.
    std::optional<LandmarkPass> pass;
    std::optional<PoseDetection> detection;
    // A detector's box of the whole person on this frame (image pixels), and the last one, carried.
    std::optional<PersonBox> detectedBox;
    std::optional<RelativeBox> box;
    // Motion of the square's centre (pixels per second) and the clothes, for linking after a loss.
    double velocityX = 0, velocityY = 0;
    bool moved = false;   // seen on two frames: the velocity means something
    double seconds = 0;   // last seen
    PersonAppearance appearance;
    long long confirmedFrame = 0;  // the last frame a detection lay on this person
};

PersonBox absoluteBox(const RelativeBox& r, const PoseRoi& roi) {
    PersonBox box;
    box.width = r.width * roi.size;
    box.height = r.height * roi.size;
    box.x = roi.cx + r.dx * roi.size - 0.5 * box.width;
    box.y = roi.cy + r.dy * roi.size - 0.5 * box.height;
    return box;
}

RelativeBox relativeBox(const PersonBox& box, const PoseRoi& roi) {
    const double side = std::max(roi.size, 1e-6);
    return {(box.x + 0.5 * box.width - roi.cx) / side, (box.y + 0.5 * box.height - roi.cy) / side, box.width / side,
            box.height / side};
}

constexpr double kVelocitySmoothing = 0.3;   // weight of the newest frame's motion
constexpr double kAppearanceSmoothing = 0.2;  // weight of the newest frame's look

}  // namespace

struct PeopleTracker::State {
    PoseEstimator& estimator;
    PeopleTrackerOptions options;
    std::vector<Track> tracks;
    std::vector<LostPerson> lost;
    int nextPerson = 1;
    long long frame = 0;
    long long lastDetection = -1;

    State(PoseEstimator& e, PeopleTrackerOptions o) : estimator(e), options(o) {
        options.maxPeople = std::max(1, options.maxPeople);
        options.detectionInterval = std::max(1, options.detectionInterval);
    }

    void lose(const Track& track) {
        if (options.maxPeople == 1) return;  // one person is always 1
        lost.push_back({track.person, track.roi, track.moved ? track.velocityX : 0.0, track.moved ? track.velocityY : 0.0,
                        track.seconds, track.appearance});
    }

    void forgetOldLosses(double now) {
        lost.erase(std::remove_if(lost.begin(), lost.end(),
                                  [&](const LostPerson& l) { return now - l.seconds > options.linking.rememberSeconds; }),
                   lost.end());
    }

    // Numbers for people found now, in the given order: one person is always 1; otherwise the
    // lost person that track linking says each one is (taking over their motion), else a new number.
    void number(std::vector<Track*>& found, double now) {
        if (options.maxPeople == 1) {
            for (Track* t : found) t->person = 1;
            return;
        }
        std::vector<FoundPerson> candidates;
        for (const Track* t : found) candidates.push_back({t->roi, t->appearance});
        const std::vector<int> linked = linkToLostPeople(lost, candidates, now, options.linking);
        for (std::size_t i = 0; i < found.size(); ++i) {
            if (linked[i] == 0) {
                found[i]->person = nextPerson++;
                continue;
            }
            found[i]->person = linked[i];
            auto it = std::find_if(lost.begin(), lost.end(), [&](const LostPerson& l) { return l.person == linked[i]; });
            if (it == lost.end()) continue;
            found[i]->velocityX = it->velocityX;
            found[i]->velocityY = it->velocityY;
            found[i]->moved = it->velocityX != 0 || it->velocityY != 0;
            found[i]->appearance = blendAppearance(it->appearance, found[i]->appearance, kAppearanceSmoothing);
            lost.erase(it);
        }
    }
};

PersonBox personBoxFromDetection(const PoseDetection& d, int width, int height) {
    PersonBox box;
    box.width = double(d.width) * width;
    box.height = double(d.height) * height;
    box.x = double(d.cx) * width - 0.5 * box.width;
    box.y = double(d.cy) * height - 0.5 * box.height;
    box.detected = true;
    return box;
}

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
    s.forgetOldLosses(seconds);

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
            kept.push_back(std::move(track));
        } else {
            s.lose(track);
            lostOne = true;
        }
    }
    s.tracks = std::move(kept);
    // Two tracks that drifted onto one person (their squares overlap, or their joints lie on
    // top of each other: pose_distance.h): the younger one goes.
    for (std::size_t a = 0; a < s.tracks.size(); ++a)
        for (std::size_t b = a + 1; b < s.tracks.size();) {
            const std::vector<PoseLandmark>& first = s.tracks[a].pass->landmarks;
            const std::vector<PoseLandmark>& second = s.tracks[b].pass->landmarks;
            const double apart = poseDistance(first, second);
            if (roiOverlap(PoseEstimator::roiFromAuxiliary(first), PoseEstimator::roiFromAuxiliary(second)) > kSamePersonOverlap ||
                (apart >= 0 && apart < kSamePersonPoseDistance)) {
                s.tracks.erase(s.tracks.begin() + static_cast<std::ptrdiff_t>(b));
            } else {
                ++b;
            }
        }

    // 2. The detector, for the first person, a lost one, or newcomers now and then; with every
    // place taken, now and then too, so that a track no detection has lain on for a while (a
    // pose the landmark model keeps finding in a shadow or a sign) gives its place to a person
    // the detector finds.
    const int free = s.options.maxPeople - static_cast<int>(s.tracks.size());
    const bool due = s.lastDetection < 0 || s.frame - s.lastDetection >= s.options.detectionInterval;
    const bool checkFull = s.options.maxPeople > 1 && free <= 0 && due;
    if ((free > 0 && (s.tracks.empty() || lostOne || due)) || checkFull) {
        auto detections = estimator.detect(image);
        if (!detections.ok()) return detections.takeError();
        out.detectorRan = true;
        s.lastDetection = s.frame;
        std::vector<PoseRoi> taken;
        for (const Track& t : s.tracks) taken.push_back(PoseEstimator::roiFromAuxiliary(t.pass->landmarks));
        const std::size_t followed = taken.size();
        const auto onTaken = [&](const PoseRoi& roi) -> std::optional<std::size_t> {
            for (std::size_t k = 0; k < taken.size(); ++k)
                if (roiOverlap(roi, taken[k]) > kSamePersonOverlap) return k;
            return std::nullopt;
        };
        // Detections on people followed already confirm them (and give them a people detector's box).
        for (const PoseDetection& detection : detections.value()) {
            const auto on = onTaken(PoseEstimator::roiFromDetection(detection, image.width, image.height));
            if (!on) continue;
            Track& person = s.tracks[*on];
            person.confirmedFrame = s.frame;
            if (detection.wholePerson && !person.detectedBox)
                person.detectedBox = personBoxFromDetection(detection, image.width, image.height);
        }
        std::vector<long long> confirmedFrames;
        for (const Track& t : s.tracks) confirmedFrames.push_back(t.confirmedFrame);
        const std::vector<std::size_t> unconfirmed = unconfirmedTracks(confirmedFrames, s.frame, s.options.detectionInterval);
        const int places = std::max(0, free) + static_cast<int>(unconfirmed.size());
        // The best other detections, one per place, those the landmark model confirms; one on a
        // person found already this frame does not count (but gives that person a people
        // detector's box). A detection the landmark model does not confirm leaves the place to
        // the next one on that person (the other detector's, with another square), up to a few
        // tries more than there are places.
        int confirmed = 0, attempts = 0;
        const int maxAttempts = 2 * places + 4;
        std::vector<Track> found;
        for (const PoseDetection& detection : detections.value()) {
            const PoseRoi roi = PoseEstimator::roiFromDetection(detection, image.width, image.height);
            if (const auto on = onTaken(roi)) {
                if (*on >= followed) {
                    Track& person = found[*on - followed];
                    if (detection.wholePerson && !person.detectedBox)
                        person.detectedBox = personBoxFromDetection(detection, image.width, image.height);
                }
                continue;
            }
            if (confirmed >= places || attempts >= maxAttempts) continue;
            ++attempts;
            auto pass = estimator.landmarks(image, roi);
            if (!pass.ok()) return pass.takeError();
            if (pass->poseFlag < options.minPresence) continue;  // a detection the landmark model does not confirm
            // The pose's own square, compared like with like: a detection's square (a HOG box
            // made square) can miss a followed person's while the pose found in it is theirs.
            const PoseRoi poseRoi = PoseEstimator::roiFromAuxiliary(pass->landmarks);
            std::optional<std::size_t> same = onTaken(poseRoi);
            for (std::size_t k = 0; k < taken.size() && !same; ++k) {
                const LandmarkPass& other = k < followed ? *s.tracks[k].pass : *found[k - followed].pass;
                const double apart = poseDistance(pass->landmarks, other.landmarks);
                if (apart >= 0 && apart < kSamePersonPoseDistance) same = k;
            }
            if (same) {
                if (*same < followed) s.tracks[*same].confirmedFrame = s.frame;
                continue;
            }
            ++confirmed;
            taken.push_back(poseRoi);
            Track track;
            track.roi = poseRoi;
            track.appearance = appearanceOf(image, pass->landmarks);
            track.pass = std::move(pass).value();
            track.detection = detection;
            track.confirmedFrame = s.frame;
            if (detection.wholePerson) track.detectedBox = personBoxFromDetection(detection, image.width, image.height);
            found.push_back(std::move(track));
        }
        // Newcomers beyond the free places take those of the longest unconfirmed tracks, which
        // are lost (and may be found again under their number).
        const int displaced = std::max(0, confirmed - std::max(0, free));
        if (displaced > 0) {
            std::vector<std::size_t> gone(unconfirmed.begin(), unconfirmed.begin() + displaced);
            std::sort(gone.rbegin(), gone.rend());
            for (std::size_t k : gone) {
                s.lose(s.tracks[k]);
                s.tracks.erase(s.tracks.begin() + static_cast<std::ptrdiff_t>(k));
            }
        }
        // People who appear together are numbered from left to right.
        std::sort(found.begin(), found.end(), [](const Track& a, const Track& b) { return a.roi.cx < b.roi.cx; });
        std::vector<Track*> newcomers;
        for (Track& t : found) newcomers.push_back(&t);
        s.number(newcomers, seconds);
        for (Track& track : found) s.tracks.push_back(std::move(track));
    }

    // 3. The poses, smoothed per person; each track's next square, motion, look and box.
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
        const PoseRoi next = PoseEstimator::roiFromAuxiliary(person.estimate.auxiliary);
        const double elapsed = seconds - track.seconds;
        if (track.pass && !track.detection && elapsed > 0) {  // followed from the previous frame
            const double weight = track.moved ? kVelocitySmoothing : 1.0;
            track.velocityX += weight * ((next.cx - track.roi.cx) / elapsed - track.velocityX);
            track.velocityY += weight * ((next.cy - track.roi.cy) / elapsed - track.velocityY);
            track.moved = true;
        }
        if (s.options.maxPeople > 1 && !track.detection)  // a newcomer's look is taken already
            track.appearance = blendAppearance(track.appearance, appearanceOf(image, person.estimate.landmarks), kAppearanceSmoothing);
        track.roi = next;
        track.seconds = seconds;
        if (track.detectedBox) {
            person.box = track.detectedBox;
            track.box = relativeBox(*track.detectedBox, next);
        } else if (track.box) {
            person.box = absoluteBox(*track.box, next);
        }
        track.detectedBox.reset();
        track.pass.reset();
        track.detection.reset();
        out.people.push_back(std::move(person));
    }
    std::sort(out.people.begin(), out.people.end(), [](const PersonPose& a, const PersonPose& b) { return a.person < b.person; });
    ++s.frame;
    return out;
}

}  // namespace actionlens::pose
