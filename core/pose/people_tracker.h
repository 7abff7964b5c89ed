#pragma once

// PeopleTracker: BlazePose over video frames, for one person (BlazePose's own graph) or several.
// Each person is a track: the landmark model reads the square that the person's auxiliary
// points fixed on the previous frame, and the pose is smoothed over time (One Euro). The
// detector runs when a track is lost (pose presence below the threshold) or none is followed,
// and, while fewer people are followed than asked for, every `detectionInterval` frames to
// pick up newcomers; a detection whose square mostly covers a followed person's is that person.
// With every place taken the detector still runs every `detectionInterval` frames: a track no
// detection has lain on for two of them gives its place to a person the detector finds
// (track_confirmation.h), so a pose held on a shadow cannot keep a real person out.
// A person lost and found again keeps their number where track linking (track_linking.h:
// place, motion, size and clothes) says it is them. With one person this is MediaPipe's pose
// graph exactly: the detector runs only when tracking is lost.

#include "core/common/result.h"
#include "core/pose/pose_estimator.h"
#include "core/pose/rgb_image.h"
#include "core/pose/track_linking.h"

#include <memory>
#include <optional>
#include <vector>

namespace actionlens::pose {

// A person's box in image pixels where the person detector gives one that holds the whole body
// (OpenCV's HOG detector: PoseDetection::wholePerson; BlazePose's own boxes the face only, so
// none there): the detector's box
// on the frames it ran and found the person, in between the last one carried along with the pose
// (moved and scaled as the tracked square).
struct PersonBox {
    double x = 0, y = 0, width = 0, height = 0;
    bool detected = false;  // the detector's own box on this frame
};

// A detection's box (normalised) in image pixels, as the detector's own box of this frame.
PersonBox personBoxFromDetection(const PoseDetection& detection, int width, int height);

struct PersonPose {
    int person = 1;  // from 1 in order of appearance (left to right among those appearing together); always 1 with one person
    PoseEstimate estimate;
    std::optional<PersonBox> box;
};

struct TrackedFrame {
    bool detectorRan = false;
    std::vector<PersonPose> people;  // the people found, by number
};

struct PeopleTrackerOptions {
    int maxPeople = 1;
    int detectionInterval = 10;  // frames between detector runs while fewer people are followed
    // When a person lost and found again keeps their number (one subject in a project rather
    // than one per gap).
    TrackLinkingOptions linking;
    // A whole video (estimatePosesInVideo, which sees it all): people found on fewer frames than
    // this are dropped as fleeting (a shadow or a sign the landmark model took for a person for a
    // moment) and the rest numbered 1, 2, ... in order of appearance. 1 keeps everyone.
    int minTrackFrames = 3;
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
