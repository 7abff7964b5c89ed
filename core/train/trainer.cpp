#include "core/train/trainer.h"

#include "core/model/compute_device.h"
#include "core/model/internal/gradient_surgery.h"
#include "core/model/internal/multi_task_losses.h"
#include "core/model/internal/multi_task_network.h"
#include "core/model/internal/multi_task_objective.h"
#include "core/model/skeleton_graph.h"
#include "core/train/batch_loader.h"
#include "core/train/checkpoint.h"
#include "core/train/distributed_sampler.h"
#include "core/train/label_mirror.h"
#include "core/train/mirror_inference.h"
#include "core/train/internal/autocast_scope.h"
#include "core/train/internal/data_parallel.h"
#include "core/train/internal/phase_clock.h"
#include "core/train/internal/training_checkpoint.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <optional>
#include <sstream>

namespace actionlens::train {

namespace mi = model::internal;

nlohmann::ordered_json epochReportToJson(const EpochReport& r, const std::vector<std::string>& taskNames) {
    using Json = nlohmann::ordered_json;
    Json out = Json::object();
    out["epoch"] = r.epoch;
    out["learning_rate"] = r.learningRate;
    out["train_loss"] = r.trainLoss;
    out["validation_loss"] = r.validationLoss;
    out["score"] = r.score;
    out["best"] = r.best;
    out["seconds"] = r.seconds;
    out["clips_per_second"] = r.clipsPerSecond;
    Json tasks = Json::object();
    for (size_t t = 0; t < taskNames.size(); ++t) {
        Json task = Json::object();
        if (t < r.trainTaskLoss.size()) task["train_loss"] = r.trainTaskLoss[t];
        if (t < r.taskWeights.size()) task["weight"] = r.taskWeights[t];
        if (t < r.validationAccuracy.size()) task["validation_accuracy"] = r.validationAccuracy[t];
        tasks[taskNames[t]] = task;
    }
    out["tasks"] = tasks;
    return out;
}

Result<ModelSnapshot> snapshotFor(const LabelledDataset& dataset, const std::vector<int>& trainItems,
                                  const TrainConfig& config) {
    ModelSnapshot s;
    s.taxonomyName = dataset.taxonomyName;
    s.layoutName = dataset.layoutName;
    s.mirrorPairs = dataset.mirrorPairs;
    s.frames = config.frames;
    s.windowFrames = medianClipFrames(dataset, trainItems);
    s.testTimeMirror = config.testTimeMirror;
    s.model.layout = dataset.layout;
    s.model.trunkKind = config.trunkKind;
    s.model.video = config.video;
    s.model.trunk = config.trunk;
    s.model.attentionHidden = config.attentionHidden;
    auto labelledCount = [&](int column) {
        int n = 0;
        for (int i : trainItems) n += dataset.clips[size_t(i)].labels[size_t(column)] >= 0;
        return n;
    };
    std::vector<int> columns;
    if (config.tasks.empty()) {
        for (size_t t = 0; t < dataset.tasks.size(); ++t)
            if (labelledCount(int(t)) > 0) columns.push_back(int(t));
    } else {
        for (const std::string& name : config.tasks) {
            const int column = dataset.taskIndex(name);
            if (column < 0) {
                std::string known;
                for (const DatasetTask& t : dataset.tasks) known += (known.empty() ? "" : ", ") + t.name;
                return makeError("config asks for task '" + name + "', which the project lacks (tasks: " + known + ")");
            }
            if (labelledCount(column) == 0)
                return makeError("config asks for task '" + name + "', but no training item has a label for it");
            columns.push_back(column);
        }
    }
    if (columns.empty()) return makeError("no task has a label on any training item");
    for (int column : columns) {
        s.tasks.push_back(dataset.tasks[size_t(column)]);
        s.model.tasks.push_back(model::TaskSpec{dataset.tasks[size_t(column)].name,
                                                int(dataset.tasks[size_t(column)].classNames.size())});
    }
    if (config.mirrorPriorCorrection) {
        const double chance = trainingMirrorChance(config.trunkKind, config);
        bool any = false;
        for (int column : columns) {
            std::vector<int> labels;
            for (int i : trainItems) labels.push_back(dataset.clips[size_t(i)].labels[size_t(column)]);
            s.priorCorrection.push_back(mirroredPriorCorrection(dataset.tasks[size_t(column)], labels, chance));
            any = any || !s.priorCorrection.back().empty();
        }
        if (!any) s.priorCorrection.clear();
    }
    if (dataset.hierarchy) {
        bool action = false, group = false;
        for (const DatasetTask& t : s.tasks) {
            action = action || t.name == dataset.hierarchy->actionTask;
            group = group || t.name == dataset.hierarchy->groupTask;
        }
        if (action && group) s.hierarchy = dataset.hierarchy;
    }
    if (Status v = model::validateModelConfig(s.model); !v) return v.takeError();
    return s;
}

namespace {

Result<torch::Device> chooseDevice(const std::string& name) {
    Result<std::string> device = model::resolveComputeDevice(name);
    if (!device) return device.takeError();
    return torch::Device(device.value());
}

// Linear warm-up to the peak rate, then a cosine down to minFraction of it.
double learningRateAt(const TrainConfig& c, std::int64_t step, std::int64_t stepsPerEpoch) {
    const std::int64_t total = std::int64_t(c.epochs) * stepsPerEpoch;
    const std::int64_t warmup = std::min<std::int64_t>(std::int64_t(c.warmupEpochs) * stepsPerEpoch, total - 1);
    if (step < warmup) return c.learningRate * double(step + 1) / double(warmup);
    const double progress = double(step - warmup) / double(std::max<std::int64_t>(1, total - warmup - 1));
    const double cosine = 0.5 * (1.0 + std::cos(3.141592653589793 * std::min(1.0, progress)));
    return c.learningRate * (c.minLearningRateFraction + (1.0 - c.minLearningRateFraction) * cosine);
}

void copyWeights(mi::MultiTaskNetworkImpl& from, mi::MultiTaskNetworkImpl& to) {
    torch::NoGradGuard noGrad;
    auto source = from.named_parameters();
    for (auto& item : to.named_parameters()) item.value().copy_(source[item.key()]);
    auto sourceBuffers = from.named_buffers();
    for (auto& item : to.named_buffers()) item.value().copy_(sourceBuffers[item.key()]);
}

// What the network reads of a prepared batch, on the training device: the skeleton tensor, the
// video tensor, or both.
struct BatchInputs {
    torch::Tensor skeleton, video;
};

BatchInputs uploadBatch(const mi::MultiTaskNetworkImpl& network, const PreparedBatch& b, const torch::Device& device) {
    BatchInputs in;
    if (model::readsSkeleton(network.trunkKind()))
        in.skeleton = mi::batchTensor(b.batch.clips, model::kSkeletonChannels, b.batch.frames, b.batch.joints, b.batch.values)
                          .to(device);
    if (model::readsVideo(network.trunkKind()))
        in.video = mi::videoTensor(b.video.clips, b.video.frames, b.video.height, b.video.width, b.video.values).to(device);
    return in;
}

mi::NetworkOutput forwardBatch(mi::MultiTaskNetworkImpl& network, const PreparedBatch& b, const torch::Device& device) {
    const BatchInputs in = uploadBatch(network, b, device);
    return network.forward(in.skeleton, in.video);
}

// Per model task: does the batch hold any label for it (known on the host, so no read-back).
std::vector<bool> labelledTasks(const PreparedBatch& b) {
    std::vector<bool> out;
    for (const auto& l : b.labels)
        out.push_back(std::any_of(l.begin(), l.end(), [](std::int64_t v) { return v != mi::kMissingLabel; }));
    return out;
}

std::vector<torch::Tensor> labelsOf(const PreparedBatch& b, const torch::Device& device) {
    std::vector<torch::Tensor> out;
    for (const auto& l : b.labels) out.push_back(torch::tensor(l, torch::kInt64).to(device));
    return out;
}

struct Validation {
    double loss = 0.0;
    std::vector<double> accuracy;
};

// Accuracy is scored as evaluation will answer (the snapshot's class-prior correction applied,
// mirror_inference.h; not the test-time mirror, which would double its cost), so that the best
// epoch is the best by the figure the user will see.
Result<Validation> validate(mi::MultiTaskNetworkImpl& network, const LabelledDataset& dataset, const std::vector<int>& items,
                            const std::vector<int>& columns, int frames, int batchSize, const torch::Device& device,
                            const VideoViews* video, const std::vector<std::vector<double>>& priorCorrection,
                            internal::DataParallel& parallel) {
    Validation v;
    std::vector<torch::Tensor> logPrior(columns.size());
    for (size_t t = 0; t < columns.size() && t < priorCorrection.size(); ++t)
        if (!priorCorrection[t].empty())
            logPrior[t] = torch::tensor(priorCorrection[t], torch::kDouble).log().to(torch::kFloat).to(device);
    std::vector<double> correct(columns.size(), 0.0), labelled(columns.size(), 0.0), lossSum(columns.size(), 0.0);
    if (items.empty()) {
        v.accuracy.assign(columns.size(), std::nan(""));
        return v;
    }
    torch::NoGradGuard noGrad;
    network.eval();
    // Each rank scores its share of the slices; the counts are summed over the ranks.
    const int slices = int((items.size() + size_t(batchSize) - 1) / size_t(batchSize));
    for (int s : slicesOfRank(slices, BatchShard{parallel.ranks(), parallel.rank(), 1})) {
        const size_t start = size_t(s) * size_t(batchSize);
        const std::vector<int> slice(items.begin() + long(start),
                                     items.begin() + long(std::min(items.size(), start + size_t(batchSize))));
        const PreparedBatch batch = assembleBatch(dataset, slice, frames, columns, nullptr, 0, video);
        if (!batch.error.empty()) return makeError(batch.error);
        const mi::NetworkOutput out = forwardBatch(network, batch, device);
        const std::vector<torch::Tensor> labels = labelsOf(batch, device);
        for (size_t t = 0; t < columns.size(); ++t) {
            const torch::Tensor mask = labels[t].ne(mi::kMissingLabel);
            const double n = mask.sum().item<double>();
            if (n == 0) continue;
            labelled[t] += n;
            lossSum[t] += mi::maskedCrossEntropy(out.logits[t], labels[t]).item<double>() * n;
            const torch::Tensor scores = logPrior[t].defined() ? out.logits[t] + logPrior[t] : out.logits[t];
            correct[t] += (scores.argmax(1).eq(labels[t]) & mask).sum().item<double>();
        }
    }
    if (parallel.distributed()) {
        std::vector<double> sums = correct;
        sums.insert(sums.end(), labelled.begin(), labelled.end());
        sums.insert(sums.end(), lossSum.begin(), lossSum.end());
        if (Status s = parallel.sum(sums, "summing the validation scores"); !s) return s.takeError();
        const size_t n = columns.size();
        for (size_t t = 0; t < n; ++t) correct[t] = sums[t], labelled[t] = sums[n + t], lossSum[t] = sums[2 * n + t];
    }
    for (size_t t = 0; t < columns.size(); ++t) {
        v.accuracy.push_back(labelled[t] > 0 ? correct[t] / labelled[t] : std::nan(""));
        if (labelled[t] > 0) v.loss += lossSum[t] / labelled[t];
    }
    return v;
}

std::string describeLosses(const mi::ObjectiveTerms& terms, const ModelSnapshot& snapshot) {
    std::ostringstream out;
    for (size_t t = 0; t < terms.taskLosses.size(); ++t)
        out << (t ? ", " : "") << snapshot.tasks[t].name << " " << terms.taskLosses[t].item<double>();
    return out.str();
}

}  // namespace

Result<TrainingOutcome> trainModel(const TrainingRequest& request, const TrainingCallbacks& callbacks) {
    if (!request.dataset) return makeError("no dataset to train on");
    const LabelledDataset& dataset = *request.dataset;
    if (request.trainItems.empty()) return makeError("no training items");
    for (const std::vector<int>* items : {&request.trainItems, &request.validationItems})
        for (int i : *items)
            if (i < 0 || size_t(i) >= dataset.clips.size())
                return makeError("item " + std::to_string(i) + " is not a clip of the dataset (" +
                                 std::to_string(dataset.clips.size()) + " clips)");

    CheckpointInfo info;
    if (!request.resumeFrom.empty()) {
        Result<CheckpointInfo> resumed = readCheckpointInfo(request.resumeFrom);
        if (!resumed) return resumed.takeError();
        info = std::move(resumed).value();
        if (info.finished) return makeError("'" + request.resumeFrom + "' finished training already; nothing to resume");
    } else {
        info.config = request.config;
        if (Status s = validateTrainConfig(info.config); !s) return s.takeError();
        Result<ModelSnapshot> snapshot = snapshotFor(dataset, request.trainItems, info.config);
        if (!snapshot) return snapshot.takeError();
        info.snapshot = std::move(snapshot).value();
        info.history = nlohmann::ordered_json::array();
    }
    const TrainConfig& config = info.config;
    const ModelSnapshot& snapshot = info.snapshot;
    Result<std::vector<int>> matched = matchDatasetTasks(snapshot, dataset);
    if (!matched) return matched.takeError();
    const std::vector<int> columns = matched.value();
    for (size_t t = 0; t < columns.size(); ++t)
        if (columns[t] < 0) return makeError("the project has no task '" + snapshot.tasks[t].name + "' that the model learns");

    model::ObjectiveConfig objectiveConfig;
    objectiveConfig.weighting = config.weighting;
    if (config.useHierarchy && snapshot.hierarchy) {
        objectiveConfig.hierarchy = snapshot.hierarchy;
        objectiveConfig.consistencyWeight = config.consistencyWeight;
        objectiveConfig.graphRegularisationWeight = config.graphRegularisationWeight;
    }
    if (Status s = model::validateObjectiveConfig(objectiveConfig, snapshot.model); !s) return s.takeError();
    const bool readsVideo = model::readsVideo(snapshot.model.trunkKind);
    if (readsVideo) {
        if (!request.videoClips)
            return makeError(std::string("the ") + model::trunkKindName(snapshot.model.trunkKind) +
                             " trunk reads video frames, but no video decoder was given");
        for (const std::vector<int>* items : {&request.trainItems, &request.validationItems})
            for (int i : *items)
                if (dataset.clips[size_t(i)].videoPath.empty())
                    return makeError("video " + dataset.clips[size_t(i)].videoName +
                                     " has no video file (a skeleton-only record); the " +
                                     model::trunkKindName(snapshot.model.trunkKind) + " trunk needs its frames");
    }
    // Training views of the frames (fusion: over the skeleton view's time); validation reads the
    // same decoded clips unaugmented.
    VideoViews trainingFrames{request.videoClips, snapshot.model.video.frames, snapshot.model.video.size,
                              &config.rgbAugmentation, snapshot.model.trunkKind == model::TrunkKind::Fusion};
    VideoViews validationFrames = trainingFrames;
    validationFrames.augmentation = nullptr;
    Result<torch::Device> chosen = chooseDevice(config.device);
    if (!chosen) return chosen.takeError();
    const torch::Device device = chosen.value();
    if (config.threads > 0) torch::set_num_threads(config.threads);

    torch::manual_seed(config.seed);
    Result<model::MultiTaskModel> created = model::MultiTaskModel::create(snapshot.model);
    if (!created) return created.takeError();
    model::MultiTaskModel trained = std::move(created).value();
    mi::MultiTaskNetwork& network = mi::networkOf(trained);
    std::optional<model::SkeletonGraph> graph;
    if (model::readsSkeleton(snapshot.model.trunkKind)) {
        Result<model::SkeletonGraph> built = model::SkeletonGraph::build(snapshot.model.layout);
        if (!built) return built.takeError();
        graph = std::move(built).value();
    }
    mi::MultiTaskNetwork best(snapshot.model, graph ? &*graph : nullptr);
    mi::MultiTaskObjective objective(snapshot.model, objectiveConfig);
    network->to(device);
    best->to(device);
    objective->to(device);
    copyWeights(*network, *best);
    std::vector<torch::Tensor> parameters = network->parameters();
    for (const torch::Tensor& p : objective->parameters()) parameters.push_back(p);
    torch::optim::AdamW optimiser(parameters,
                                  torch::optim::AdamWOptions(config.learningRate).weight_decay(config.weightDecay));

    internal::TrainingCounters counters;
    if (!request.resumeFrom.empty())
        if (Status s = internal::readTrainingState(request.resumeFrom, device, counters, *best, *network, optimiser, *objective); !s)
            return s.takeError();

    // One process, or this rank's part of a data-parallel run (distributed_sampler.h).
    internal::DataParallel parallel(request.processGroup);
    const BatchShard shard{parallel.ranks(), parallel.rank(), config.accumulateBatches};
    const bool writes = parallel.rank() == 0;  // only rank 0 writes the model file
    if (Status s = parallel.broadcastModules({network.get(), objective.get()}); !s) return s.takeError();

    TrainingOutcome outcome;
    outcome.device = device.is_cuda() ? "cuda" : "cpu";
    std::vector<std::string> taskNames;
    for (const DatasetTask& t : snapshot.tasks) taskNames.push_back(t.name);
    const std::int64_t batchesPerEpoch = (std::int64_t(request.trainItems.size()) + config.batchSize - 1) / config.batchSize;
    const std::int64_t stepsPerEpoch = train::stepsPerEpoch(batchesPerEpoch, shard);
    // Checkpoints are written at an epoch's end, so the schedule's position follows from the
    // epochs done, whatever the number of processes the earlier part of the run had.
    counters.stepsDone = std::int64_t(counters.epochsDone) * stepsPerEpoch;
    const bool severalBatchesPerStep = shard.batchesPerStep() > 1;
    const std::vector<int> balanceLabels = labelsOfTask(dataset, columns.front());
    std::vector<torch::Tensor> shared = network->sharedParameters();
    int epochsThisCall = 0;
    bool objectiveStateShared = false;

    for (int epoch = counters.epochsDone + 1; epoch <= config.epochs; ++epoch) {
        const auto epochStart = std::chrono::steady_clock::now();
        torch::manual_seed(batchSeed(config.seed, epoch, -2));  // dropout's stream for this epoch
        const std::vector<int> order =
            epochOrder(request.trainItems, balanceLabels, config.classBalancedSampling, config.seed, epoch);
        const std::vector<int> myBatches = batchesOfRank(batchesPerEpoch, shard);
        internal::PhaseClock clock(request.profile, device);
        std::atomic<std::int64_t> prepareNanoseconds{0};  // the loader thread's share of the profile
        BatchLoader loader(
            [&](int i) {
                const auto prepareStart = std::chrono::steady_clock::now();
                const int b = myBatches[size_t(i)];
                const size_t from = size_t(b) * size_t(config.batchSize);
                const std::vector<int> slice(order.begin() + long(from),
                                             order.begin() + long(std::min(order.size(), from + size_t(config.batchSize))));
                PreparedBatch prepared = assembleBatch(dataset, slice, config.frames, columns, &config.augmentation,
                                                       batchSeed(config.seed, epoch, b), readsVideo ? &trainingFrames : nullptr);
                prepared.index = b;
                if (clock.active())
                    prepareNanoseconds += std::chrono::duration_cast<std::chrono::nanoseconds>(
                                              std::chrono::steady_clock::now() - prepareStart)
                                              .count();
                return prepared;
            },
            int(myBatches.size()), config.loaderQueue);

        network->train();
        double lossSum = 0.0, learningRate = 0.0, batchesTrained = 0.0;
        std::vector<double> taskLossSum(columns.size(), 0.0), taskLossCount(columns.size(), 0.0);
        // The epoch's task-loss sums stay on the device until its end: reading each task's loss
        // back every step would synchronise a GPU once per task and step. Double precision, so
        // the sums are those of the host's doubles.
        torch::Tensor taskLossTotals = torch::zeros({std::int64_t(columns.size())}, torch::dtype(torch::kFloat64).device(device));
        int step = 0;
        std::int64_t clips = 0;
        for (std::int64_t s = 0; s < stepsPerEpoch; ++s) {
            bool cancel = callbacks.shouldCancel && callbacks.shouldCancel();
            if (cancel && !parallel.distributed()) {
                outcome.cancelled = true;
                break;
            }
            clock.restart();
            ++step;
            learningRate = learningRateAt(config, counters.stepsDone, stepsPerEpoch);
            for (auto& group : optimiser.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(learningRate);
            optimiser.zero_grad();
            clock.charge(StepPhase::Optimiser);
            const size_t myBatchesThisStep = batchesOfStep(s, batchesPerEpoch, shard).size();
            double stepLoss = 0.0;
            std::string nonFinite;  // this rank's NaN/inf message
            for (size_t k = 0; k < myBatchesThisStep && nonFinite.empty() && !cancel; ++k) {
                std::optional<PreparedBatch> batch = loader.next();
                clock.charge(StepPhase::Wait);
                if (!batch->error.empty()) return makeError("training stopped: " + batch->error);
                // Several batches per step: each its own dropout stream, so a batch's masks do not
                // depend on which process or round takes it.
                if (severalBatchesPerStep) torch::manual_seed(batchSeed(config.seed, epoch, -3 - batch->index));
                const std::vector<torch::Tensor> labels = labelsOf(*batch, device);
                const std::vector<bool> labelled = labelledTasks(*batch);
                const BatchInputs inputs = uploadBatch(*network, *batch, device);
                clock.charge(StepPhase::Upload);
                const mi::ObjectiveTerms terms = [&] {
                    internal::AutocastScope mixedPrecision(config.mixedPrecision == "bf16", device);
                    const mi::NetworkOutput output = network->forward(inputs.skeleton, inputs.video);
                    clock.charge(StepPhase::Forward);
                    return objective->forward(output, labels, *network, &labelled);
                }();
                clock.charge(StepPhase::Loss);
                const double loss = terms.total.item<double>();
                clock.charge(StepPhase::ReadBack);
                if (!std::isfinite(loss)) {
                    nonFinite = "the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite") + " at epoch " +
                                std::to_string(epoch) + ", step " + std::to_string(step) +
                                (parallel.distributed() ? " on rank " + std::to_string(parallel.rank()) : std::string()) +
                                " (task losses: " + describeLosses(terms, snapshot) + ")";
                    break;
                }
                if (config.pcGrad) {
                    const std::vector<double> weights = objective->taskWeights();
                    std::vector<torch::Tensor> losses;
                    for (size_t t = 0; t < terms.taskLosses.size(); ++t)
                        if (terms.labelled[t]) losses.push_back(weights[t] * terms.taskLosses[t]);
                    // The hierarchy terms act as one more task in the surgery.
                    const torch::Tensor extra = terms.total - [&] {
                        torch::Tensor sum = torch::zeros({}, terms.total.options());
                        for (size_t t = 0; t < terms.taskLosses.size(); ++t)
                            if (terms.labelled[t]) sum = sum + weights[t] * terms.taskLosses[t];
                        return sum;
                    }();
                    if (objectiveConfig.hierarchy) losses.push_back(extra);
                    mi::pcGradBackward(losses, shared, batchSeed(config.seed, epoch, batch->index + 1));
                } else {
                    objective->backward(terms, *network);
                }
                clock.charge(StepPhase::Backward);
                clips += batch->batch.clips;
                lossSum += loss;
                stepLoss += loss;
                batchesTrained += 1.0;
                {
                    torch::NoGradGuard noGrad;
                    for (size_t t = 0; t < columns.size(); ++t)
                        if (terms.labelled[t]) {
                            taskLossTotals[std::int64_t(t)] += terms.taskLosses[t].detach().to(torch::kFloat64);
                            taskLossCount[t] += 1.0;
                        }
                }
                clock.charge(StepPhase::Other);
            }
            // Every rank learns of a NaN or a cancel on any rank in the gradients' all-reduce, so
            // all stop at the same step.
            std::vector<double> stops{nonFinite.empty() ? 0.0 : 1.0, cancel ? 1.0 : 0.0};
            if (nonFinite.empty() || parallel.distributed())
                if (Status st = parallel.averageGradients(parameters, batchesInStep(s, batchesPerEpoch, shard), stops); !st)
                    return st.takeError();
            if (stops[0] > 0.0) {
                std::string kept = request.checkpointPath.empty()
                                       ? "no model file was asked for"
                                       : counters.epochsDone > 0 ? "'" + request.checkpointPath + "' keeps epoch " +
                                                                       std::to_string(counters.epochsDone) + ", the last good one"
                                                                 : "no epoch finished, so no model file was written";
                return makeError("training stopped: " +
                                 (nonFinite.empty() ? "the loss became NaN or infinite on another process at epoch " +
                                                          std::to_string(epoch) + ", step " + std::to_string(step)
                                                    : nonFinite) +
                                 "; " + kept + ". Try a lower learning_rate or gradient_clip_norm.");
            }
            if (stops[1] > 0.0) {
                outcome.cancelled = true;
                break;
            }
            if (config.gradientClipNorm > 0.0) torch::nn::utils::clip_grad_norm_(network->parameters(), config.gradientClipNorm);
            optimiser.step();
            objective->afterOptimiserStep();
            clock.charge(StepPhase::Optimiser);
            // GradNorm records each task's first loss on each rank; rank 0's count for all.
            if (parallel.distributed() && !objectiveStateShared) {
                std::vector<double> state = objective->extraState();
                if (Status st = parallel.broadcast(state, "sharing the loss weighting's state"); !st) return st.takeError();
                objective->restoreExtraState(state);
                objectiveStateShared = true;
            }
            ++counters.stepsDone;
            if (callbacks.progress)
                callbacks.progress(TrainingProgress{epoch, config.epochs, step, int(stepsPerEpoch),
                                                    myBatchesThisStep ? stepLoss / double(myBatchesThisStep) : 0.0});
            clock.charge(StepPhase::Other);
            if (request.profile) ++request.profile->steps, request.profile->batches += std::int64_t(myBatchesThisStep);
        }
        if (request.profile) (*request.profile)[StepPhase::Prepare] += 1e-9 * double(prepareNanoseconds.load());
        if (outcome.cancelled) break;
        {
            const torch::Tensor totals = taskLossTotals.to(torch::kCPU);
            for (size_t t = 0; t < columns.size(); ++t) taskLossSum[t] = totals[std::int64_t(t)].item<double>();
        }
        const double trainSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart).count();
        if (parallel.distributed()) {
            // The epoch's figures over every rank's batches; the loss weighting (DWA) reads them,
            // so it stays the same on every rank. The batch-norm statistics become one.
            std::vector<double> sums{lossSum, batchesTrained, double(clips)};
            sums.insert(sums.end(), taskLossSum.begin(), taskLossSum.end());
            sums.insert(sums.end(), taskLossCount.begin(), taskLossCount.end());
            if (Status st = parallel.sum(sums, "summing the epoch's losses"); !st) return st.takeError();
            lossSum = sums[0], batchesTrained = sums[1], clips = std::int64_t(sums[2]);
            for (size_t t = 0; t < columns.size(); ++t)
                taskLossSum[t] = sums[3 + t], taskLossCount[t] = sums[3 + columns.size() + t];
            if (Status st = parallel.averageBuffers(*network); !st) return st.takeError();
            std::vector<double> state = objective->extraState();
            if (Status st = parallel.broadcast(state, "sharing the loss weighting's state"); !st) return st.takeError();
            objective->restoreExtraState(state);
        }
        EpochReport report;
        report.epoch = epoch;
        report.learningRate = learningRate;
        report.trainLoss = batchesTrained > 0 ? lossSum / batchesTrained : 0.0;
        for (size_t t = 0; t < columns.size(); ++t)
            report.trainTaskLoss.push_back(taskLossCount[t] > 0 ? taskLossSum[t] / taskLossCount[t] : 0.0);
        objective->recordEpoch(report.trainTaskLoss);
        report.taskWeights = objective->taskWeights();
        const Result<Validation> validated = validate(*network, dataset, request.validationItems, columns, config.frames,
                                                      config.batchSize, device, readsVideo ? &validationFrames : nullptr,
                                                      snapshot.priorCorrection, parallel);
        if (!validated) return makeError("validation stopped: " + validated.error());
        const Validation& validation = validated.value();
        report.validationLoss = validation.loss;
        report.validationAccuracy = validation.accuracy;
        double sum = 0.0;
        int counted = 0;
        for (double a : validation.accuracy)
            if (std::isfinite(a)) sum += a, ++counted;
        report.score = counted ? sum / counted : -report.trainLoss;
        if (counters.bestEpoch == 0 || report.score > counters.bestScore) {
            counters.bestEpoch = epoch;
            counters.bestScore = report.score;
            counters.epochsWithoutGain = 0;
            copyWeights(*network, *best);
            report.best = true;
        } else {
            ++counters.epochsWithoutGain;
        }
        report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart).count();
        report.clipsPerSecond = trainSeconds > 0 ? double(clips) / trainSeconds : 0.0;
        counters.epochsDone = epoch;
        ++epochsThisCall;
        outcome.stoppedEarly = config.earlyStoppingPatience > 0 && counters.epochsWithoutGain >= config.earlyStoppingPatience;
        counters.finished = epoch == config.epochs || outcome.stoppedEarly;
        info.history.push_back(epochReportToJson(report, taskNames));
        outcome.history.push_back(report);
        if (callbacks.epochEnd) callbacks.epochEnd(report);
        if (writes && !request.checkpointPath.empty()) {
            info.epochsDone = counters.epochsDone;
            info.bestEpoch = counters.bestEpoch;
            info.bestScore = counters.bestScore;
            info.finished = counters.finished;
            if (Status s = internal::writeCheckpoint(request.checkpointPath, info, counters, *best, *network, optimiser,
                                                     *objective);
                !s)
                return s.takeError();
        }
        if (counters.finished) break;
        if (request.stopAfterEpochs > 0 && epochsThisCall >= request.stopAfterEpochs) {
            outcome.cancelled = true;
            break;
        }
    }

    outcome.snapshot = snapshot;
    outcome.epochsDone = counters.epochsDone;
    outcome.bestEpoch = counters.bestEpoch;
    outcome.finished = counters.finished;
    Result<model::MultiTaskModel> result = model::MultiTaskModel::create(snapshot.model);
    if (!result) return result.takeError();
    outcome.model = std::make_unique<model::MultiTaskModel>(std::move(result).value());
    best->to(torch::kCPU);
    copyWeights(*best, *mi::networkOf(*outcome.model));
    return outcome;
}

}  // namespace actionlens::train
