#pragma once

// The live pipeline: camera frames -> people's poses (core/pose's PeopleTracker, the estimator
// `actionlens-cli pose` uses) -> each person's skeleton on a layout -> a trained model's answers
// over each person's last frames (LiveActionWindows). The camera is read on a thread of its own
// (CameraCapture): when the pipeline is slower than the camera, frames are dropped rather than
// queued, so what is shown is never late by more than one frame's work. Runs on the caller's
// thread until the camera stops or the caller cancels; plain callbacks, no Qt (the GUI's job
// adapter turns them into deliveries on its thread).

#include "core/annotation/skeleton_frame.h"
#include "core/annotation/skeleton_layout.h"
#include "core/live/camera_capture.h"
#include "core/live/live_action_windows.h"
#include "core/media/camera_source.h"
#include "core/pose/people_tracker.h"
#include "core/pose/pose_estimator.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace actionlens::live {

struct LivePerson {
    int person = 0;                      // the tracker's number, from 1
    annotation::SkeletonFrame skeleton;  // on the pipeline's layout, image pixels
};

struct LiveFrame {
    media::FramePtr picture;  // as the camera gave it (its index counts the camera's frames)
    std::int64_t processed = 0;  // frames through the pipeline before this one
    std::vector<LivePerson> people;
    std::vector<LivePersonAnswer> answers;  // by person; empty without a model
    CaptureCounts counts;                   // the camera's frames read and dropped so far
    double framesPerSecond = 0.0;           // through the pipeline, over about the last second
    double cameraFramesPerSecond = 0.0;     // given by the camera, over about the last second
    double poseSeconds = 0.0;               // this frame's pose estimation (tracker, skeletons)
    double modelSeconds = 0.0;              // this frame's model answers (0 without a model)
};

struct LivePipelineOptions {
    annotation::SkeletonLayout layout;  // the skeletons' joints (the model's layout when there is one)
    pose::PeopleTrackerOptions tracking;
    LiveActionWindows* windows = nullptr;  // the model's; null: poses only
};

struct LiveCallbacks {
    std::function<void(LiveFrame)> frame;  // each frame processed, on the pipeline's thread
    std::function<bool()> shouldCancel;    // asked before each frame
};

struct LiveOutcome {
    std::string stopped;  // why it ended: the camera's message, or the pose / model error
    bool cancelled = false;
    CaptureCounts counts;
    std::int64_t processed = 0;
    double seconds = 0.0;  // from the first frame processed to the end
};

LiveOutcome runLivePipeline(media::CameraSource& camera, pose::PoseEstimator& estimator, const LivePipelineOptions& options,
                            const LiveCallbacks& callbacks);

}  // namespace actionlens::live
