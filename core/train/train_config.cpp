#include "core/train/train_config.h"

#include "core/train/file_replacement.h"

#include <cmath>
#include <functional>

namespace actionlens::train {

using Json = nlohmann::ordered_json;

namespace {

using model::WeightingStrategy;

const std::vector<std::pair<WeightingStrategy, const char*>>& strategyNames() {
    static const std::vector<std::pair<WeightingStrategy, const char*>> names{
        {WeightingStrategy::Equal, "equal"},
        {WeightingStrategy::Fixed, "fixed"},
        {WeightingStrategy::Uncertainty, "uncertainty"},
        {WeightingStrategy::DynamicWeightAverage, "dwa"},
        {WeightingStrategy::GradNorm, "gradnorm"}};
    return names;
}

// One JSON key bound to a field: how to write it, how to read it, and its documentation.
struct Binding {
    std::string key;
    std::string help;
    std::function<Json(const TrainConfig&)> get;
    std::function<Status(TrainConfig&, const Json&)> set;
};

Error typeError(const std::string& key, const char* expected) {
    return makeError("config key '" + key + "': expected " + expected);
}

Binding number(std::string key, std::string help, double TrainConfig::*field) {
    return {key, help, [field](const TrainConfig& c) { return Json(c.*field); },
            [field, key](TrainConfig& c, const Json& v) -> Status {
                if (!v.is_number()) return typeError(key, "a number");
                c.*field = v.get<double>();
                return Status::success();
            }};
}

template <typename Get, typename Set>
Binding custom(std::string key, std::string help, Get get, Set set) {
    return {std::move(key), std::move(help), get, set};
}

Status readInteger(const std::string& key, const Json& v, double minimum, double maximum, double* out) {
    if (!v.is_number() || v.get<double>() != std::floor(v.get<double>()) || v.get<double>() < minimum || v.get<double>() > maximum)
        return makeError("config key '" + key + "': expected a whole number from " + writeJson(Json(minimum)) +
                         " to " + writeJson(Json(maximum)));
    *out = v.get<double>();
    return Status::success();
}

Binding integer(std::string key, std::string help, int TrainConfig::*field, int minimum = 0) {
    return {key, help, [field](const TrainConfig& c) { return Json(c.*field); },
            [field, key, minimum](TrainConfig& c, const Json& v) -> Status {
                double d = 0;
                if (Status s = readInteger(key, v, minimum, 1e9, &d); !s) return s;
                c.*field = int(d);
                return Status::success();
            }};
}

Binding boolean(std::string key, std::string help, bool TrainConfig::*field) {
    return {key, help, [field](const TrainConfig& c) { return Json(c.*field); },
            [field, key](TrainConfig& c, const Json& v) -> Status {
                if (!v.is_boolean()) return typeError(key, "true or false");
                c.*field = v.get<bool>();
                return Status::success();
            }};
}

Binding trunkFlag(std::string key, std::string help, bool model::TrunkConfig::*field) {
    return {key, help, [field](const TrainConfig& c) { return Json(c.trunk.*field); },
            [field, key](TrainConfig& c, const Json& v) -> Status {
                if (!v.is_boolean()) return typeError(key, "true or false");
                c.trunk.*field = v.get<bool>();
                return Status::success();
            }};
}

template <typename T>
Binding augmentation(std::string key, std::string help, T AugmentationConfig::*field) {
    return {key, help, [field](const TrainConfig& c) { return Json(c.augmentation.*field); },
            [field, key](TrainConfig& c, const Json& v) -> Status {
                if constexpr (std::is_same_v<T, bool>) {
                    if (!v.is_boolean()) return typeError(key, "true or false");
                    c.augmentation.*field = v.get<bool>();
                } else {
                    if (!v.is_number()) return typeError(key, "a number");
                    c.augmentation.*field = v.get<double>();
                }
                return Status::success();
            }};
}

Binding rgb(std::string key, std::string help, double RgbAugmentationConfig::*field) {
    return {key, help, [field](const TrainConfig& c) { return Json(c.rgbAugmentation.*field); },
            [field, key](TrainConfig& c, const Json& v) -> Status {
                if (!v.is_number()) return typeError(key, "a number");
                c.rgbAugmentation.*field = v.get<double>();
                return Status::success();
            }};
}

Result<std::vector<int>> intList(const std::string& key, const Json& v) {
    if (!v.is_array()) return typeError(key, "a list of whole numbers");
    std::vector<int> out;
    for (const Json& item : v) {
        double d = 0;
        if (Status s = readInteger(key, item, 1, 1e6, &d); !s) return s.takeError();
        out.push_back(int(d));
    }
    return out;
}

Json listOf(const std::vector<int>& values) {
    Json a = Json::array();
    for (int v : values) a.push_back(v);
    return a;
}

std::string defaultText(const Json& v) { return writeJson(v, -1); }

const std::vector<Binding>& bindings() {
    static const std::vector<Binding> all{
        integer("frames", "frames every clip is resampled to (the network's time axis)", &TrainConfig::frames, 4),
        custom("tasks", "task names to learn; [] learns every task the training items label",
               [](const TrainConfig& c) {
                   Json a = Json::array();
                   for (const std::string& t : c.tasks) a.push_back(t);
                   return a;
               },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (!v.is_array()) return typeError("tasks", "a list of task names");
                   c.tasks.clear();
                   for (const Json& item : v) {
                       if (!item.is_string()) return typeError("tasks", "a list of task names");
                       c.tasks.push_back(item.get<std::string>());
                   }
                   return Status::success();
               }),
        number("validation_fraction", "part of the training items held out to validate (early stopping, best epoch)",
               &TrainConfig::validationFraction),
        boolean("class_balanced_sampling",
                "draw training items with probability inversely proportional to their first task's class frequency",
                &TrainConfig::classBalancedSampling),
        augmentation("augment", "skeleton augmentation on training clips", &AugmentationConfig::enabled),
        augmentation("mirror_probability", "chance of mirroring a clip (x flipped, left/right joints swapped)",
                     &AugmentationConfig::mirrorProbability),
        augmentation("force_mirror_undeclared",
                     "keep the labels of tasks whose taxonomy declares no mirror map as they are in mirrored clips "
                     "(by default they are left out of mirrored clips: 'left' must not stay 'left')",
                     &AugmentationConfig::forceMirrorUndeclared),
        augmentation("rotation_degrees", "random in-plane rotation in [-r, r] degrees", &AugmentationConfig::rotationDegrees),
        augmentation("scale_range", "random scale factor in [1 - s, 1 + s]", &AugmentationConfig::scaleRange),
        augmentation("crop_min_fraction", "temporal crop keeps a random fraction [f, 1] of the segment",
                     &AugmentationConfig::cropMinFraction),
        augmentation("speed_range", "crop length (playback speed) changes by a factor in [1 - s, 1 + s]",
                     &AugmentationConfig::speedRange),
        augmentation("joint_dropout", "chance that a joint is hidden for a whole clip (occlusion)",
                     &AugmentationConfig::jointDropout),
        augmentation("noise_std", "Gaussian noise on normalised x, y", &AugmentationConfig::noiseStd),
        custom("trunk_channels", "output channels of each ST-GCN block",
               [](const TrainConfig& c) { return listOf(c.trunk.channels); },
               [](TrainConfig& c, const Json& v) -> Status {
                   auto l = intList("trunk_channels", v);
                   if (!l) return l.takeError();
                   c.trunk.channels = l.value();
                   return Status::success();
               }),
        custom("trunk_strides", "temporal stride of each ST-GCN block (one per channel entry)",
               [](const TrainConfig& c) { return listOf(c.trunk.temporalStrides); },
               [](TrainConfig& c, const Json& v) -> Status {
                   auto l = intList("trunk_strides", v);
                   if (!l) return l.takeError();
                   c.trunk.temporalStrides = l.value();
                   return Status::success();
               }),
        custom("temporal_kernel", "temporal convolution size (odd)",
               [](const TrainConfig& c) { return Json(c.trunk.temporalKernel); },
               [](TrainConfig& c, const Json& v) -> Status {
                   double d = 0;
                   if (Status s = readInteger("temporal_kernel", v, 1, 99, &d); !s) return s;
                   c.trunk.temporalKernel = int(d);
                   return Status::success();
               }),
        custom("dropout", "dropout in the trunk blocks",
               [](const TrainConfig& c) { return Json(c.trunk.dropout); },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (!v.is_number()) return typeError("dropout", "a number");
                   c.trunk.dropout = v.get<double>();
                   return Status::success();
               }),
        trunkFlag("bone_features",
                  "the skeleton trunk also reads each joint's bone (its offset from the joint one hop nearer the centre)",
                  &model::TrunkConfig::boneFeatures),
        trunkFlag("motion_features",
                  "the skeleton trunk also reads each joint's motion (its offset to the same joint in the next frame)",
                  &model::TrunkConfig::motionFeatures),
        integer("attention_hidden", "width of each task head's attention scorer", &TrainConfig::attentionHidden, 1),
        custom("trunk", "shared trunk: skeleton (ST-GCN), video ((2+1)D CNN on RGB clips) or fusion (both, late-fused)",
               [](const TrainConfig& c) { return Json(model::trunkKindName(c.trunkKind)); },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (v.is_string() && model::trunkKindFromName(v.get<std::string>(), &c.trunkKind)) return Status::success();
                   return typeError("trunk", "one of skeleton, video, fusion");
               }),
        custom("video_channels", "output channels of each residual (2+1)D block of the video trunk",
               [](const TrainConfig& c) { return listOf(c.video.channels); },
               [](TrainConfig& c, const Json& v) -> Status {
                   auto l = intList("video_channels", v);
                   if (!l) return l.takeError();
                   c.video.channels = l.value();
                   return Status::success();
               }),
        custom("video_frames", "frames of each RGB clip, sampled evenly over the segment",
               [](const TrainConfig& c) { return Json(c.video.frames); },
               [](TrainConfig& c, const Json& v) -> Status {
                   double d = 0;
                   if (Status s = readInteger("video_frames", v, 1, 256, &d); !s) return s;
                   c.video.frames = int(d);
                   return Status::success();
               }),
        custom("video_size", "RGB clips are resized (whole frame) to this many pixels square",
               [](const TrainConfig& c) { return Json(c.video.size); },
               [](TrainConfig& c, const Json& v) -> Status {
                   double d = 0;
                   if (Status s = readInteger("video_size", v, 16, 1024, &d); !s) return s;
                   c.video.size = int(d);
                   return Status::success();
               }),
        integer("video_cache_mib", "decoded RGB clips kept in memory between epochs, in MiB (0: decode every time)",
                &TrainConfig::videoCacheMiB),
        custom("rgb_augment", "RGB augmentation on training clips",
               [](const TrainConfig& c) { return Json(c.rgbAugmentation.enabled); },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (!v.is_boolean()) return typeError("rgb_augment", "true or false");
                   c.rgbAugmentation.enabled = v.get<bool>();
                   return Status::success();
               }),
        rgb("rgb_crop_min_area", "random resized crop keeps a part of [a, 1] of the frame's area",
            &RgbAugmentationConfig::cropMinArea),
        rgb("rgb_crop_max_aspect", "crop aspect ratio in [1 / r, r]", &RgbAugmentationConfig::cropMaxAspect),
        rgb("rgb_flip_probability", "chance of a horizontal flip (fusion: the skeleton is mirrored with it)",
            &RgbAugmentationConfig::flipProbability),
        rgb("rgb_rotation_degrees", "random rotation of the frames in [-r, r] degrees", &RgbAugmentationConfig::rotationDegrees),
        rgb("rgb_brightness", "brightness factor in [1 - j, 1 + j]", &RgbAugmentationConfig::brightness),
        rgb("rgb_contrast", "contrast factor in [1 - j, 1 + j]", &RgbAugmentationConfig::contrast),
        rgb("rgb_saturation", "saturation factor in [1 - j, 1 + j]", &RgbAugmentationConfig::saturation),
        rgb("rgb_temporal_crop_min_fraction",
            "video trunk: training clips show a random part [f, 1] of the segment's time (1: none; below 1, twice the "
            "frames are decoded); fusion samples the frames over the skeleton's temporal crop instead",
            &RgbAugmentationConfig::temporalCropMinFraction),
        custom("weighting", "loss weighting: equal, fixed, uncertainty, dwa or gradnorm",
               [](const TrainConfig& c) { return Json(weightingStrategyName(c.weighting.strategy)); },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (v.is_string())
                       for (const auto& [strategy, name] : strategyNames())
                           if (v.get<std::string>() == name) {
                               c.weighting.strategy = strategy;
                               return Status::success();
                           }
                   return typeError("weighting", "one of equal, fixed, uncertainty, dwa, gradnorm");
               }),
        custom("fixed_weights", "per-task loss weights for weighting 'fixed', in the order of 'tasks'",
               [](const TrainConfig& c) {
                   Json a = Json::array();
                   for (double w : c.weighting.fixedWeights) a.push_back(w);
                   return a;
               },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (!v.is_array()) return typeError("fixed_weights", "a list of numbers");
                   c.weighting.fixedWeights.clear();
                   for (const Json& item : v) {
                       if (!item.is_number()) return typeError("fixed_weights", "a list of numbers");
                       c.weighting.fixedWeights.push_back(item.get<double>());
                   }
                   return Status::success();
               }),
        custom("dwa_temperature", "dynamic weight average temperature (larger: closer to equal)",
               [](const TrainConfig& c) { return Json(c.weighting.dwaTemperature); },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (!v.is_number()) return typeError("dwa_temperature", "a number");
                   c.weighting.dwaTemperature = v.get<double>();
                   return Status::success();
               }),
        custom("gradnorm_alpha", "GradNorm asymmetry (0: equal gradient norms)",
               [](const TrainConfig& c) { return Json(c.weighting.gradNormAlpha); },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (!v.is_number()) return typeError("gradnorm_alpha", "a number");
                   c.weighting.gradNormAlpha = v.get<double>();
                   return Status::success();
               }),
        boolean("pcgrad", "PCGrad gradient surgery on the shared trunk (with equal, fixed or dwa weighting)",
                &TrainConfig::pcGrad),
        boolean("use_hierarchy", "tie the action and group heads (consistency and graph terms) when both are learnt",
                &TrainConfig::useHierarchy),
        number("consistency_weight", "weight of the action -> group consistency loss", &TrainConfig::consistencyWeight),
        number("graph_regularisation_weight", "weight of the head graph regulariser (Evgeniou et al. 2005)",
               &TrainConfig::graphRegularisationWeight),
        integer("epochs", "passes over the training items", &TrainConfig::epochs, 1),
        integer("batch_size", "clips per batch (per process when distributed)", &TrainConfig::batchSize, 1),
        integer("accumulate_batches",
                "batches whose gradients are averaged into one optimiser step (distributed: per process); one process "
                "with N reproduces the steps of N processes",
                &TrainConfig::accumulateBatches, 1),
        number("learning_rate", "AdamW peak learning rate", &TrainConfig::learningRate),
        number("weight_decay", "AdamW decoupled weight decay", &TrainConfig::weightDecay),
        integer("warmup_epochs", "linear warm-up epochs before the cosine decay", &TrainConfig::warmupEpochs),
        number("min_learning_rate_fraction", "the cosine schedule ends at this fraction of learning_rate",
               &TrainConfig::minLearningRateFraction),
        number("gradient_clip_norm", "clip the global gradient norm to this (0: no clipping)", &TrainConfig::gradientClipNorm),
        integer("early_stopping_patience", "stop after this many epochs without a better validation score (0: never)",
                &TrainConfig::earlyStoppingPatience),
        boolean("test_time_mirror",
                "evaluation and prediction also ask about each clip's mirror image and average the two answers "
                "(each class read as its mirror image: 'left' mirrored is 'right'); twice the inference time",
                &TrainConfig::testTimeMirror),
        boolean("mirror_prior_correction",
                "correct the answers from the class balance that label-aware mirroring trains with (each class as often "
                "as its mirror image) back to the training data's (83 % right-handers stay the likelier guess)",
                &TrainConfig::mirrorPriorCorrection),
        custom("seed", "seed of every random choice (splits, sampling, augmentation, initial weights)",
               [](const TrainConfig& c) { return Json(std::int64_t(c.seed)); },
               [](TrainConfig& c, const Json& v) -> Status {
                   double d = 0;
                   if (Status s = readInteger("seed", v, 0, 4294967295.0, &d); !s) return s;
                   c.seed = std::uint32_t(d);
                   return Status::success();
               }),
        custom("device", "auto (CUDA when available), cpu or cuda",
               [](const TrainConfig& c) { return Json(c.device); },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (!v.is_string()) return typeError("device", "\"auto\", \"cpu\" or \"cuda\"");
                   c.device = v.get<std::string>();
                   return Status::success();
               }),
        integer("threads", "LibTorch CPU threads (0: LibTorch's default)", &TrainConfig::threads),
        custom("mixed_precision",
               "off (float32) or bf16 (training forward passes in bfloat16 autocast: faster on recent CUDA GPUs, no "
               "loss scaling needed; evaluation stays float32)",
               [](const TrainConfig& c) { return Json(c.mixedPrecision); },
               [](TrainConfig& c, const Json& v) -> Status {
                   if (!v.is_string()) return typeError("mixed_precision", "\"off\" or \"bf16\"");
                   c.mixedPrecision = v.get<std::string>();
                   return Status::success();
               }),
        integer("loader_queue", "batches the loader thread prepares ahead of the training step", &TrainConfig::loaderQueue, 1),
    };
    return all;
}

}  // namespace

const char* weightingStrategyName(model::WeightingStrategy strategy) {
    for (const auto& [s, name] : strategyNames())
        if (s == strategy) return name;
    return "equal";
}

Status validateTrainConfig(const TrainConfig& c) {
    auto fraction = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
    if (c.frames < 4) return makeError("frames is " + std::to_string(c.frames) + ", expected at least 4");
    if (!fraction(c.validationFraction, 0.0, 0.9))
        return makeError("validation_fraction must be from 0 to 0.9");
    const AugmentationConfig& a = c.augmentation;
    if (!fraction(a.mirrorProbability, 0, 1)) return makeError("mirror_probability must be from 0 to 1");
    if (!fraction(a.rotationDegrees, 0, 180)) return makeError("rotation_degrees must be from 0 to 180");
    if (!fraction(a.scaleRange, 0, 0.9)) return makeError("scale_range must be from 0 to 0.9");
    if (!fraction(a.cropMinFraction, 0.05, 1)) return makeError("crop_min_fraction must be from 0.05 to 1");
    if (!fraction(a.speedRange, 0, 0.9)) return makeError("speed_range must be from 0 to 0.9");
    if (!fraction(a.jointDropout, 0, 0.9)) return makeError("joint_dropout must be from 0 to 0.9");
    if (!fraction(a.noiseStd, 0, 1)) return makeError("noise_std must be from 0 to 1");
    const RgbAugmentationConfig& r = c.rgbAugmentation;
    if (!fraction(r.cropMinArea, 0.05, 1)) return makeError("rgb_crop_min_area must be from 0.05 to 1");
    if (!fraction(r.cropMaxAspect, 1, 4)) return makeError("rgb_crop_max_aspect must be from 1 to 4");
    if (!fraction(r.flipProbability, 0, 1)) return makeError("rgb_flip_probability must be from 0 to 1");
    if (!fraction(r.rotationDegrees, 0, 45)) return makeError("rgb_rotation_degrees must be from 0 to 45");
    if (!fraction(r.brightness, 0, 0.9) || !fraction(r.contrast, 0, 0.9) || !fraction(r.saturation, 0, 1))
        return makeError("rgb_brightness and rgb_contrast must be from 0 to 0.9, rgb_saturation from 0 to 1");
    if (!fraction(r.temporalCropMinFraction, 0.1, 1)) return makeError("rgb_temporal_crop_min_fraction must be from 0.1 to 1");
    if (c.videoCacheMiB < 0) return makeError("video_cache_mib must be >= 0");
    if (!fraction(c.consistencyWeight, 0, 1e6)) return makeError("consistency_weight must be a finite value >= 0");
    if (!fraction(c.graphRegularisationWeight, 0, 1e6))
        return makeError("graph_regularisation_weight must be a finite value >= 0");
    if (!(std::isfinite(c.learningRate) && c.learningRate > 0)) return makeError("learning_rate must be > 0");
    if (!fraction(c.weightDecay, 0, 10)) return makeError("weight_decay must be from 0 to 10");
    if (!fraction(c.minLearningRateFraction, 0, 1)) return makeError("min_learning_rate_fraction must be from 0 to 1");
    if (!fraction(c.gradientClipNorm, 0, 1e9)) return makeError("gradient_clip_norm must be a finite value >= 0");
    if (c.epochs < 1) return makeError("epochs must be at least 1");
    if (c.batchSize < 1) return makeError("batch_size must be at least 1");
    if (c.accumulateBatches < 1 || c.accumulateBatches > 4096) return makeError("accumulate_batches must be from 1 to 4096");
    if (c.warmupEpochs < 0 || c.earlyStoppingPatience < 0 || c.threads < 0)
        return makeError("warmup_epochs, early_stopping_patience and threads must be >= 0");
    if (c.loaderQueue < 1) return makeError("loader_queue must be at least 1");
    if (c.mixedPrecision != "off" && c.mixedPrecision != "bf16")
        return makeError("mixed_precision is '" + c.mixedPrecision + "', expected off or bf16");
    if (c.device != "auto" && c.device != "cpu" && c.device != "cuda")
        return makeError("device is '" + c.device + "', expected auto, cpu or cuda");
    if (c.pcGrad && (c.weighting.strategy == WeightingStrategy::Uncertainty ||
                     c.weighting.strategy == WeightingStrategy::GradNorm))
        return makeError("pcgrad combines per-task gradients itself; use it with weighting equal, fixed or dwa");
    return Status::success();
}

const std::vector<TrainConfigOption>& trainConfigOptions() {
    static const std::vector<TrainConfigOption> options = [] {
        std::vector<TrainConfigOption> out;
        const TrainConfig defaults;
        for (const Binding& b : bindings())
            out.push_back({b.key, b.help + " (default " + defaultText(b.get(defaults)) + ")"});
        return out;
    }();
    return options;
}

Json trainConfigToJson(const TrainConfig& config, bool withDocumentation) {
    Json root = Json::object();
    for (const Binding& b : bindings()) root[b.key] = b.get(config);
    if (withDocumentation) {
        Json doc = Json::object();
        for (const TrainConfigOption& o : trainConfigOptions()) doc[o.key] = o.help;
        root["_doc"] = doc;
    }
    return root;
}

Result<TrainConfig> trainConfigFromJson(const Json& json) {
    if (!json.is_object()) return makeError("a training config must be a JSON object");
    TrainConfig config;
    for (const auto& [key, value] : json.items()) {
        if (key == "_doc") continue;
        const Binding* binding = nullptr;
        for (const Binding& b : bindings())
            if (b.key == key) binding = &b;
        if (!binding) return makeError("unknown config key '" + key + "' (see the _doc of a config written by --write-config)");
        if (Status s = binding->set(config, value); !s) return s.takeError();
    }
    if (Status s = validateTrainConfig(config); !s) return s.takeError();
    return config;
}

Result<TrainConfig> loadTrainConfig(const std::string& path) {
    Result<Json> json = readJsonFile(path);
    if (!json) return json.takeError();
    Result<TrainConfig> config = trainConfigFromJson(json.value());
    if (!config) return makeError(path + ": " + config.error());
    return config;
}

Status saveTrainConfig(const TrainConfig& config, const std::string& path, bool withDocumentation) {
    return writeTextFileAtomically(path, writeJson(trainConfigToJson(config, withDocumentation)) + "\n");
}

}  // namespace actionlens::train
