#pragma once

// Everything a training run is configured by, as one plain struct that a JSON file fills.
// Every option has a default (the values below) and a line of documentation in
// trainConfigOptions(); a written config carries that documentation along in "_doc", so a file
// made by `actionlens-cli train --write-config` explains itself.

#include "core/common/result.h"
#include "core/model/loss_weighting.h"
#include "core/model/model_config.h"
#include "core/train/json_text.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::train {

struct AugmentationConfig {
    bool enabled = true;
    double mirrorProbability = 0.5;  // mirror x and swap left/right joints
    // A mirrored clip's labels become their declared mirror images; a task without a declared
    // mirror map has its labels left out of mirrored clips, unless this forces them kept as they are.
    bool forceMirrorUndeclared = false;
    double rotationDegrees = 10.0;   // uniform in [-r, r], about the clip's centre
    double scaleRange = 0.1;         // uniform factor in [1 - s, 1 + s]
    double cropMinFraction = 0.8;    // temporal crop keeps a random [f, 1] of the segment
    double speedRange = 0.2;         // crop length changes by a factor in [1 - s, 1 + s]
    double jointDropout = 0.05;      // each joint hidden for the whole clip with this chance
    double noiseStd = 0.01;          // Gaussian noise on x, y in normalised units
};

// RGB augmentation of training clips (video and fusion trunks).
struct RgbAugmentationConfig {
    bool enabled = true;
    double cropMinArea = 0.5;       // random resized crop keeps a part of [a, 1] of the frame's area
    double cropMaxAspect = 1.33;    // with an aspect ratio in [1 / r, r] (log-uniform)
    double flipProbability = 0.5;   // horizontal flip; in fusion the skeleton is mirrored with it
    double rotationDegrees = 8.0;   // uniform in [-r, r] about the crop's centre
    double brightness = 0.25;       // factors in [1 - j, 1 + j]
    double contrast = 0.25;
    double saturation = 0.25;
    // Training clips show a random part [f, 1] of their segment's time (a temporal crop, which
    // also changes the apparent speed): twice the clip's frames are decoded (once, then cached)
    // and the view samples its frames from a random window of them. 1: no temporal crop.
    double temporalCropMinFraction = 0.7;
};

// The skeleton trunk training builds when the config says nothing: the model library's, with the
// bone and motion features on (on Penn Action they lift action accuracy by 8-14 points at no
// measurable cost in time; README, "what each change does").
inline model::TrunkConfig defaultTrainingTrunk() {
    model::TrunkConfig trunk;
    trunk.boneFeatures = true;
    trunk.motionFeatures = true;
    return trunk;
}

struct TrainConfig {
    // Data
    int frames = 32;                  // every clip is resampled to this many frames
    std::vector<std::string> tasks;   // tasks to learn; empty: every task with labels
    double validationFraction = 0.15; // part of the training items kept for validation
    bool classBalancedSampling = false;  // sample items inversely to their first task's class frequency
    AugmentationConfig augmentation;

    // Model
    model::TrunkKind trunkKind = model::TrunkKind::Skeleton;
    model::TrunkConfig trunk = defaultTrainingTrunk();
    model::VideoTrunkConfig video;      // clip size and blocks of the video trunk
    RgbAugmentationConfig rgbAugmentation;
    int videoCacheMiB = 1024;           // decoded clips kept in memory (DecodedClipCache)
    int attentionHidden = 32;

    // Objective
    model::WeightingConfig weighting;
    bool pcGrad = false;
    bool useHierarchy = true;         // consistency + graph terms when action and group are both learnt
    double consistencyWeight = 0.1;
    double graphRegularisationWeight = 1e-3;

    // Optimisation
    // 45: on the demo, 4 seeds of 4 better than 30 (action 0.950 -> 0.972, viewpoint 0.906 -> 0.934
    // on average), about 2 minutes on one CPU thread.
    int epochs = 45;
    int batchSize = 32;
    // Batches whose gradients are averaged into one optimiser step (gradient accumulation). With
    // N processes (distributed training) a step averages N x this many batches, one per process
    // and round; one process with accumulate_batches = N takes the very steps N processes take.
    int accumulateBatches = 1;
    double learningRate = 3e-3;
    double weightDecay = 1e-2;
    int warmupEpochs = 2;
    double minLearningRateFraction = 0.01;  // cosine decays to this fraction of the rate
    double gradientClipNorm = 1.0;          // 0: no clipping
    // Epochs without validation gain before stopping; 0: never stop early (the default: on the
    // demo, stopping after 8 such epochs cut one seed of four at action 0.865 where its full 30
    // epochs reach 0.965; the best epoch is kept either way).
    int earlyStoppingPatience = 0;

    // Evaluation and prediction of the trained model also run each clip mirrored and average the
    // two answers, label-aware (mirror_inference.h). On: on Penn Action it adds 0.7-1.9 points of
    // action accuracy for twice the inference time (README, "what each change does").
    bool testTimeMirror = true;
    // Answers are corrected from the class prior that label-aware mirroring trains with (each
    // class as often as its mirror image) back to the training data's (mirror_inference.h).
    bool mirrorPriorCorrection = true;

    // Runtime
    std::uint32_t seed = 1;
    std::string device = "auto";  // auto, cpu, cuda
    int threads = 0;              // LibTorch intra-op threads; 0 keeps LibTorch's default
    // "off" (float32) or "bf16": training forward passes under bfloat16 autocast (fast on
    // CUDA GPUs from Ampere on; on CPU usually slower, but allowed). Evaluation stays float32.
    std::string mixedPrecision = "off";
    int loaderQueue = 4;          // batches prepared ahead by the loader thread
};

Status validateTrainConfig(const TrainConfig& config);

struct TrainConfigOption {
    std::string key;
    std::string help;
};
// One entry per JSON key, in file order.
const std::vector<TrainConfigOption>& trainConfigOptions();

// withDocumentation adds "_doc": {key: help (default ...)} for every option.
nlohmann::ordered_json trainConfigToJson(const TrainConfig& config, bool withDocumentation = false);
// Missing keys keep their defaults; an unknown key or a wrong type is an error naming the key.
Result<TrainConfig> trainConfigFromJson(const nlohmann::ordered_json& json);
Result<TrainConfig> loadTrainConfig(const std::string& path);
Status saveTrainConfig(const TrainConfig& config, const std::string& path, bool withDocumentation = true);

const char* weightingStrategyName(model::WeightingStrategy strategy);

}  // namespace actionlens::train
