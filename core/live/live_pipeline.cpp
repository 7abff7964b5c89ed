#include "core/live/live_pipeline.h"

#include "core/pose/pose_skeleton_frames.h"

#include <chrono>
#include <deque>
#include <map>

namespace actionlens::live {

namespace {

using Clock = std::chrono::steady_clock;

// A count's rate per second over about the last second.
class RateMeter {
public:
    double add(Clock::time_point now, std::int64_t count) {
        samples_.push_back({now, count});
        while (samples_.size() > 2 && now - samples_[1].first >= std::chrono::seconds(1)) samples_.pop_front();
        const double seconds = std::chrono::duration<double>(now - samples_.front().first).count();
        return seconds > 0 ? double(count - samples_.front().second) / seconds : 0.0;
    }

private:
    std::deque<std::pair<Clock::time_point, std::int64_t>> samples_;
};

}  // namespace

LiveOutcome runLivePipeline(media::CameraSource& camera, pose::PoseEstimator& estimator, const LivePipelineOptions& options,
                            const LiveCallbacks& callbacks) {
    LiveOutcome outcome;
    CameraCapture capture(camera);
    pose::PeopleTracker tracker(estimator, options.tracking);
    RateMeter processedRate, cameraRate;
    const Clock::time_point start = Clock::now();
    auto finish = [&](std::string why) {
        capture.stop();
        outcome.stopped = std::move(why);
        outcome.counts = capture.counts();
        outcome.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        return outcome;
    };
    for (;;) {
        if (callbacks.shouldCancel && callbacks.shouldCancel()) {
            outcome.cancelled = true;
            return finish("cancelled");
        }
        media::FramePtr picture = capture.next();
        if (!picture) return finish(capture.stopped());
        if (callbacks.shouldCancel && callbacks.shouldCancel()) {
            outcome.cancelled = true;
            return finish("cancelled");
        }
        const Clock::time_point poseStart = Clock::now();
        const pose::RgbImageView view{picture->rgb.data(), picture->width, picture->height, picture->stride};
        auto tracked = tracker.next(view, picture->seconds);
        if (!tracked) return finish("pose estimation failed: " + tracked.error());

        LiveFrame frame;
        const pose::FramePose poses{picture->index, picture->seconds, tracked->detectorRan, std::move(tracked->people)};
        std::map<int, annotation::SkeletonFrame> skeletons;
        for (const pose::PersonPose& p : poses.people) {
            std::vector<annotation::SkeletonFrame> mapped = pose::skeletonFramesFromPoses({poses}, p.person, 0, p.person, options.layout);
            if (mapped.empty()) continue;
            skeletons.emplace(p.person, mapped.front());
            frame.people.push_back({p.person, std::move(mapped.front())});
        }
        const Clock::time_point modelStart = Clock::now();
        frame.poseSeconds = std::chrono::duration<double>(modelStart - poseStart).count();
        if (options.windows) {
            options.windows->addFrame(skeletons);
            auto answers = options.windows->answers();
            if (!answers) return finish("the model failed: " + answers.error());
            frame.answers = std::move(answers).value();
        }
        const Clock::time_point now = Clock::now();
        if (options.windows) frame.modelSeconds = std::chrono::duration<double>(now - modelStart).count();
        frame.counts = capture.counts();
        frame.framesPerSecond = processedRate.add(now, outcome.processed + 1);
        frame.cameraFramesPerSecond = cameraRate.add(now, frame.counts.read);  // every frame it gave, taken or dropped
        frame.processed = outcome.processed++;
        frame.picture = std::move(picture);
        if (callbacks.frame) callbacks.frame(std::move(frame));
    }
}

}  // namespace actionlens::live
