#pragma once

// Pose estimation over a whole video (or image folder), frame by frame in display order, with
// progress and cancellation: the work behind `actionlens-cli pose` and a GUI job. Plain
// callbacks, no Qt: a ui/ adapter turns them into signals on a worker thread.

#include "core/common/result.h"
#include "core/pose/people_tracker.h"
#include "core/pose/pose_estimator.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace actionlens::pose {

struct FramePose {
    int frame = 0;        // 0-based, display order
    double seconds = 0;   // from the video's timestamps
    bool detectorRan = false;
    std::vector<PersonPose> people;  // the people found, by number
};

struct PoseVideoCallbacks {
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    std::function<bool()> shouldCancel;  // checked before every frame
};

struct PoseVideoResult {
    int width = 0, height = 0;
    std::vector<FramePose> frames;  // every frame, found or not
    int fleetingPeople = 0;         // people dropped for being found on too few frames (PeopleTrackerOptions)
    int framesWithPose() const;     // frames with at least one person
    std::vector<int> people() const;  // the person numbers found, ascending
};

// Drops the people found on fewer than `minFrames` frames and numbers the rest 1, 2, ... in
// order of first appearance; returns how many were dropped.
int dropFleetingPeople(std::vector<FramePose>& frames, int minFrames);

// The person numbers found in `frames`, ascending.
std::vector<int> peopleIn(const std::vector<FramePose>& frames);

// People tracked across the frames (PeopleTracker; `tracking.maxPeople` 1: BlazePose's single
// person); with several, fleeting people dropped and the rest renumbered (tracking.minTrackFrames). `imageFolderFps` is the rate given to a folder of images. A cancelled run is an
// error ("cancelled").
Result<PoseVideoResult> estimatePosesInVideo(PoseEstimator& estimator, const std::string& path, double imageFolderFps = 25.0,
                                             const PoseVideoCallbacks& callbacks = {}, const PeopleTrackerOptions& tracking = {});

// One still image file (PNG, JPEG, ...): frame 0, no tracking; up to `maxPeople` people.
Result<PoseVideoResult> estimatePosesInImage(PoseEstimator& estimator, const std::string& path, int maxPeople = 1);

}  // namespace actionlens::pose
