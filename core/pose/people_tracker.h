#pragma once

// PeopleTracker: BlazePose over video frames, for one person (BlazePose's own graph) or several.
// Each person is a track: the landmark model reads the square that the person's auxiliary
// points fixed on the previous frame, and the pose is smoothed over time (One Euro). The
// detector runs when a track is lost (pose presence below the threshold) or none is followed,
// and, while fewer people are followed than asked for, every `detectionInterval` frames to
// pick up newcomers; a detection whose square mostly covers a followed person's is that person.
// With one person this is MediaPipe's pose graph exactly: the detector runs only when tracking
// is lost.

#include "core/common/result.h"
#include "core/pose/pose_estimator.h"
#include "core/pose/rgb_image.h"

#include <memory>
#include <vector>

namespace actionlens::pose {

struct PersonPose {
    int person = 1;  // from 1 in order of appearance (left to right among those appearing together); always 1 with one person
    PoseEstimate estimate;
};

struct TrackedFrame {
    bool detectorRan = false;
    std::vector<PersonPose> people;  // the people found, by number
};

struct PeopleTrackerOptions {
    int maxPeople = 1;
    int detectionInterval = 10;  // frames between detector runs while fewer people are followed
    // A person lost and found again within this many frames, near where it was lost, keeps its
    // number (one subject in a project rather than one per gap).
    int rememberLostFrames = 25;
};

class PeopleTracker {
public:
    // `estimator` must outlive the tracker; its options say whether to smooth.
    explicit PeopleTracker(PoseEstimator& estimator, PeopleTrackerOptions options = {});
    PeopleTracker(PeopleTracker&&) noexcept;
    PeopleTracker& operator=(PeopleTracker&&) noexcept;
    ~PeopleTracker();

    // The next video frame, in order; `seconds` from the video's timestamps (for the smoothing).
    Result<TrackedFrame> next(const RgbImageView& image, double seconds);
    // Forgets every track (a new video).
    void reset();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace actionlens::pose
