#pragma once

// Active learning: which clips an annotator should label next, and a simulation that measures
// whether asking the model helps. The model's uncertainty about a clip (the normalised entropy
// of its answer, or one minus the margin between its two likeliest classes; one task's, or the
// mean over tasks) ranks the candidates; with diversity, the first picks of a batch come from
// different groups (videos), so a batch is not ten near-identical clips of one video.
//
// simulateActiveLearning: from a few labelled clips of the pool, each round trains a model on
// the labelled clips, measures it on held-out clips, and labels a batch more (the simulated
// annotator answers with the true label), once by uncertainty and once at random, from the same
// start: accuracy against labelled clips for both.

#include "core/common/result.h"
#include "core/train/json_text.h"
#include "core/train/labelled_dataset.h"
#include "core/train/train_config.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace actionlens::train {

enum class UncertaintyMeasure { Entropy, Margin };
const char* uncertaintyMeasureName(UncertaintyMeasure measure);  // "entropy", "margin"
bool uncertaintyMeasureFromName(const std::string& name, UncertaintyMeasure* measure);

// Uncertainty in [0, 1] of one answer (probabilities summing to 1): entropy / log(classes), or
// 1 - (p_first - p_second). 0 for fewer than two classes.
double answerUncertainty(const std::vector<float>& probabilities, UncertaintyMeasure measure);

// `count` of `candidates` by decreasing uncertainty (ties: candidate order). With `groups` (one
// per candidate; empty: none), each group gives one clip before any gives a second.
std::vector<int> chooseForLabelling(const std::vector<int>& candidates, const std::vector<double>& uncertainty, int count,
                                    const std::vector<std::string>& groups = {});

struct ActiveLearningOptions {
    TrainConfig config;          // each round's training
    int task = -1;               // the dataset task whose uncertainty ranks clips; -1: the mean over tasks
    UncertaintyMeasure measure = UncertaintyMeasure::Entropy;
    bool diversity = true;       // one clip per video before a second
    // Share of each uncertainty batch drawn at random instead (exploration: small starts rank
    // clips they cannot learn from yet first); 0: all by uncertainty.
    double randomShare = 0.0;
    int startClips = 50;         // labelled at the start (random, the same for both strategies)
    int batchClips = 50;         // labelled per round
    int rounds = 5;              // rounds after the start (models trained: rounds + 1 per strategy)
    double heldOutFraction = 0.2;  // of the items, never labelled: where accuracy is measured
    std::uint32_t seed = 1;
};

struct ActiveLearningPoint {
    int labelledClips = 0;
    std::vector<double> accuracy;  // per dataset task, on the held-out clips
};

struct ActiveLearningCurve {
    std::string strategy;  // "uncertainty" or "random"
    std::vector<ActiveLearningPoint> points;
};

struct ActiveLearningReport {
    std::vector<std::string> tasks;
    int heldOutClips = 0;
    int poolClips = 0;
    std::vector<ActiveLearningCurve> curves;  // uncertainty, then random
    bool cancelled = false;
};

struct ActiveLearningCallbacks {
    std::function<void(int, int)> progress;  // (models trained, models to train)
    std::function<bool()> shouldCancel;      // checked between and during trainings
};

// Fails when the items are too few for the held-out part, the start and one batch.
Result<ActiveLearningReport> simulateActiveLearning(const LabelledDataset& dataset, const std::vector<int>& items,
                                                    const ActiveLearningOptions& options,
                                                    const ActiveLearningCallbacks& callbacks = {});

nlohmann::ordered_json activeLearningToJson(const ActiveLearningReport& report, const ActiveLearningOptions& options);

}  // namespace actionlens::train
