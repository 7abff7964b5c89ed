#include "core/live/live_action_windows.h"

#include "core/train/sliding_window_prediction.h"

#include <algorithm>

namespace actionlens::live {

LiveActionWindows::LiveActionWindows(model::MultiTaskModel& model, const train::ModelSnapshot& snapshot, int windowFrames)
    : model_(model), snapshot_(snapshot),
      window_(std::max(1, windowFrames > 0 ? windowFrames : snapshot.windowFrames > 0 ? snapshot.windowFrames : snapshot.frames)) {}

void LiveActionWindows::addFrame(const std::map<int, annotation::SkeletonFrame>& people) {
    for (const auto& [person, skeleton] : people) people_.try_emplace(person);
    for (auto it = people_.begin(); it != people_.end();) {
        JointValues values;
        if (const auto found = people.find(it->first); found != people.end()) {
            // As readSkeletonTrack reads a stored pose: a hidden joint is (0, 0, 0), a visible one
            // keeps a confidence above 0 so that "visible" survives.
            for (const annotation::Joint& joint : found->second.joints) {
                values.push_back(joint.visible ? joint.x : 0.0f);
                values.push_back(joint.visible ? joint.y : 0.0f);
                values.push_back(joint.visible ? std::max(joint.confidence, 1e-3f) : 0.0f);
            }
        }
        std::deque<JointValues>& frames = it->second;
        frames.push_back(std::move(values));
        while (int(frames.size()) > window_) frames.pop_front();
        const bool seen = std::any_of(frames.begin(), frames.end(), [](const JointValues& v) { return !v.empty(); });
        it = seen ? std::next(it) : people_.erase(it);
    }
}

Result<std::vector<LivePersonAnswer>> LiveActionWindows::answers() {
    std::vector<LivePersonAnswer> out;
    const int joints = snapshot_.model.layout.jointCount;
    for (const auto& [person, frames] : people_) {
        model::SkeletonClip track;
        track.frames = window_;
        track.joints = joints;
        track.values.assign(size_t(3) * window_ * joints, 0.0f);
        const int offset = window_ - int(frames.size());  // empty frames in front of a young window
        LivePersonAnswer answer;
        answer.person = person;
        for (int t = 0; t < int(frames.size()); ++t) {
            const JointValues& v = frames[size_t(t)];
            if (v.empty()) continue;
            if (int(v.size()) != 3 * joints)
                return makeError("person " + std::to_string(person) + "'s skeleton has " + std::to_string(v.size() / 3) +
                                 " joints, the model reads " + std::to_string(joints));
            ++answer.framesSeen;
            for (int j = 0; j < joints; ++j)
                for (int c = 0; c < 3; ++c) track.at(c, offset + t, j) = v[size_t(3 * j + c)];
        }
        train::SlidingWindowOptions options;
        options.windowFrames = window_;
        auto prediction = train::predictTrack(model_, snapshot_, track, options);
        if (!prediction) return prediction.takeError();
        if (!prediction->covered.back()) continue;  // no visible joint in the window
        for (size_t k = 0; k < prediction->tasks.size(); ++k) {
            const train::TaskFrameProbabilities& p = prediction->tasks[k];
            LiveTaskAnswer task;
            task.task = p.task;
            const auto last = p.probabilities.begin() + std::ptrdiff_t(size_t(window_ - 1) * p.classCount);
            task.probabilities.assign(last, last + p.classCount);
            task.classes = k < snapshot_.tasks.size() ? snapshot_.tasks[k].classNames : std::vector<std::string>{};
            task.classes.resize(size_t(p.classCount));
            for (int c = 0; c < p.classCount; ++c)
                if (task.classes[size_t(c)].empty()) task.classes[size_t(c)] = std::to_string(c);
            answer.tasks.push_back(std::move(task));
        }
        out.push_back(std::move(answer));
    }
    return out;
}

}  // namespace actionlens::live
