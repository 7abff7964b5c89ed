#pragma once

// A tiny labelled skeleton dataset and configuration for the core/train tests: four motion
// patterns of a five-joint figure, seen from the front or mirrored (viewpoint), with segments
// of different lengths, so that the whole suite trains in seconds on one thread.

#include "core/train/labelled_dataset.h"
#include "core/train/train_config.h"

#include <cstdlib>
#include <cmath>
#include <random>

namespace actionlens::train::testing {

// Action 0: left hand waves; 1: right hand waves; 2: head nods sideways; 3: the body walks
// sideways. Group: arm motions (0, 1) vs whole-body/head motions (2, 3). Viewpoint 1 mirrors x.
inline LabelledDataset motionDataset(int clipsPerAction = 8, unsigned seed = 11) {
    LabelledDataset data;
    data.taxonomyName = "test motions";
    // No mirror maps (declareMirrors gives them).
    data.tasks = {{"action", {"wave_left", "wave_right", "nod", "walk"}, {}},
                  {"group", {"arms", "body"}, {}},
                  {"viewpoint", {"front", "back"}, {}}};
    data.hierarchy = model::TaskHierarchy{"action", "group", {0, 0, 1, 1}, 2};
    data.layoutName = "five joints";
    data.layout = model::SkeletonLayout{5, {{0, 1}, {1, 2}, {1, 3}, {1, 4}}, 1};
    data.mirrorPairs = {{3, 4}};
    const float baseX[5] = {0.0f, 0.0f, 0.0f, -0.7f, 0.7f};
    const float baseY[5] = {0.0f, -1.0f, -1.5f, -0.6f, -0.6f};
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> phase(0.0f, 6.283f), amplitude(0.3f, 0.5f);
    std::uniform_int_distribution<int> length(12, 20);
    std::normal_distribution<float> noise(0.0f, 0.02f);
    for (int n = 0; n < 4 * clipsPerAction; ++n) {
        const int action = n % 4, viewpoint = (n / 4) % 2;
        const int frames = length(random);
        const float p = phase(random), a = amplitude(random);
        LabelledClip clip;
        clip.skeleton = model::SkeletonClip{frames, 5, std::vector<float>(size_t(3) * frames * 5)};
        for (int t = 0; t < frames; ++t) {
            const float wave = a * std::sin(p + 6.283f * t / frames);
            for (int j = 0; j < 5; ++j) {
                float x = baseX[j] + noise(random), y = baseY[j] + noise(random);
                if (action == 0 && j == 3) y += wave;
                if (action == 1 && j == 4) y += wave;
                if (action == 2 && j == 2) x += wave;
                if (action == 3) x += a * t / frames;
                clip.skeleton.at(0, t, j) = 300.0f + 100.0f * (viewpoint ? -x : x);
                clip.skeleton.at(1, t, j) = 200.0f + 100.0f * y;
                clip.skeleton.at(2, t, j) = 1.0f;
            }
        }
        clip.labels = {action, action / 2, viewpoint};
        clip.segmentId = n + 1;
        clip.videoId = n / 2 + 1;  // two segments per video
        clip.videoName = std::to_string(clip.videoId);
        clip.subjectId = n / 4 + 1;
        clip.splits = {n % 5 == 4 ? "test" : "train"};
        data.clips.push_back(std::move(clip));
    }
    return data;
}

// The device the training tests run on: cpu, or what ACTIONLENS_TEST_DEVICE names (the GPU
// script runs them again with cuda).
inline std::string testDevice() {
    const char* device = std::getenv("ACTIONLENS_TEST_DEVICE");
    return device && *device ? device : "cpu";
}

inline TrainConfig tinyTrainConfig() {
    TrainConfig c;
    c.frames = 8;
    c.trunk.channels = {8, 16};
    c.trunk.temporalStrides = {1, 2};
    c.trunk.temporalKernel = 3;
    c.attentionHidden = 8;
    c.augmentation.enabled = false;
    c.batchSize = 16;
    c.epochs = 4;
    c.learningRate = 1e-2;
    c.warmupEpochs = 0;
    c.earlyStoppingPatience = 0;
    c.threads = 1;
    c.device = testDevice();
    c.loaderQueue = 2;
    return c;
}

inline std::vector<int> allItems(const LabelledDataset& data) {
    std::vector<int> items;
    for (size_t i = 0; i < data.clips.size(); ++i) items.push_back(int(i));
    return items;
}

}  // namespace actionlens::train::testing

#include "core/train/rgb_clip.h"

#include <atomic>
#include <map>

namespace actionlens::train::testing {

// Gives every clip of a dataset a video file name of its own, as a project reader would.
inline void giveVideoPaths(LabelledDataset& data) {
    for (LabelledClip& clip : data.clips) clip.videoPath = "video-" + std::to_string(clip.segmentId) + ".mp4";
}

// Frames for motionDataset clips without a video file: a square whose colour is the action
// (red, green, blue, white) on a grey background, on the left for viewpoint 0 and the right for
// viewpoint 1, moving down over the clip. Counts its decodes; can be told to fail.
class ColourCodedFrames final : public RgbClipDecoder {
public:
    explicit ColourCodedFrames(const LabelledDataset& data) {
        for (const LabelledClip& clip : data.clips) labels_[clip.videoPath] = clip.labels;
    }
    Result<RgbClip> decode(const RgbClipRequest& request) override {
        ++decodes;
        if (failOn == request.videoPath) return makeError("corrupt packet");
        auto it = labels_.find(request.videoPath);
        if (it == labels_.end()) return makeError("no such video '" + request.videoPath + "'");
        const int action = it->second[0], viewpoint = it->second[2];
        static const std::uint8_t colours[4][3] = {{230, 30, 30}, {30, 230, 30}, {30, 30, 230}, {240, 240, 240}};
        RgbClip clip{request.frames, request.height, request.width,
                     std::vector<std::uint8_t>(size_t(request.frames) * request.height * request.width * 3, 110)};
        const int side = request.width / 3;
        for (int f = 0; f < request.frames; ++f) {
            const int x0 = viewpoint ? request.width - side - 2 : 2;
            const int y0 = (request.height - side) * f / std::max(1, request.frames - 1);
            for (int y = y0; y < y0 + side && y < request.height; ++y)
                for (int x = x0; x < x0 + side; ++x)
                    for (int c = 0; c < 3; ++c)
                        clip.pixels[((size_t(f) * request.height + y) * request.width + x) * 3 + size_t(c)] =
                            colours[action][c];
        }
        return clip;
    }
    std::atomic<int> decodes{0};
    std::string failOn;

private:
    std::map<std::string, std::vector<int>> labels_;
};

// A tiny video trunk for tests: 4 frames of 32 x 32, blocks of 8 and 16 channels.
inline TrainConfig tinyVideoTrainConfig(model::TrunkKind kind = model::TrunkKind::Video) {
    TrainConfig c = tinyTrainConfig();
    c.trunkKind = kind;
    c.video.channels = {8, 16};
    c.video.frames = 4;
    c.video.size = 32;
    c.rgbAugmentation.enabled = false;
    return c;
}

}  // namespace actionlens::train::testing

namespace actionlens::train::testing {

// motionDataset's mirror maps: a mirrored left-hand wave is a right-hand wave, and the fixture's
// second viewpoint is the first one mirrored; nodding, walking and the groups have no side.
inline void declareMirrors(LabelledDataset& data) {
    data.tasks[0].mirrorOf = {1, 0, 2, 3};
    data.tasks[1].mirrorOf = {0, 1};
    data.tasks[2].mirrorOf = {1, 0};
}

}  // namespace actionlens::train::testing
