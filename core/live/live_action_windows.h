#pragma once

// LiveActionWindows: a trained model's answers for the people in front of a camera. Each person
// followed keeps their last N skeletons (N: the model's window, the time scale it was trained
// at); after each frame the model reads every person's window and the answers are its class
// probabilities per task. A person missing from a frame gets an empty skeleton there (as a gap
// in a stored track reads); one missing for a whole window is forgotten. A window not yet full
// is padded in front with empty frames.

#include "core/annotation/skeleton_frame.h"
#include "core/common/result.h"
#include "core/model/multi_task_model.h"
#include "core/train/model_snapshot.h"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace actionlens::live {

struct LiveTaskAnswer {
    std::string task;
    std::vector<std::string> classes;  // the model's classes, in its order
    std::vector<float> probabilities;  // of `classes`
};

struct LivePersonAnswer {
    int person = 0;
    int framesSeen = 0;  // frames of the window with this person's pose
    std::vector<LiveTaskAnswer> tasks;  // the model's tasks, in its order
};

class LiveActionWindows {
public:
    // `model` and `snapshot` must outlive the windows. windowFrames 0: the snapshot's.
    LiveActionWindows(model::MultiTaskModel& model, const train::ModelSnapshot& snapshot, int windowFrames = 0);

    int windowFrames() const { return window_; }
    // One frame: each person's skeleton on the model's layout (its joints in the model's order).
    void addFrame(const std::map<int, annotation::SkeletonFrame>& people);
    // The model over each person's window, by person number.
    Result<std::vector<LivePersonAnswer>> answers();
    int peopleFollowed() const { return int(people_.size()); }

private:
    using JointValues = std::vector<float>;  // x, y, confidence per joint; empty: no pose
    model::MultiTaskModel& model_;
    const train::ModelSnapshot& snapshot_;
    int window_ = 1;
    std::map<int, std::deque<JointValues>> people_;
};

}  // namespace actionlens::live
