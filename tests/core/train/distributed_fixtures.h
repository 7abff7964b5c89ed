#pragma once

// What the distributed-training tests and their worker process (distributed_train_worker) share:
// the dataset, the items and the config, so that the test's single-process reference trains on
// exactly the batches the ranks train on.

#include "core/train/train_config.h"
#include "train_fixtures.h"

#include <vector>

namespace actionlens::train::testing {

// 28 training clips in batches of 4: 7 batches an epoch, so 2 and 3 ranks both end an epoch
// with a step that some rank has no batch in.
inline std::vector<int> distributedTrainItems() {
    std::vector<int> items;
    for (int i = 0; i < 28; ++i) items.push_back(i);
    return items;
}
inline std::vector<int> distributedValidationItems() { return {28, 29, 30, 31}; }

// Everything that could make ranks drift apart is on: augmentation, class-balanced sampling,
// dropout, learnt (uncertainty) task weights, gradient clipping.
inline TrainConfig distributedTestConfig() {
    TrainConfig c = tinyTrainConfig();
    c.batchSize = 4;
    c.epochs = 1;
    c.device = "cpu";
    c.augmentation.enabled = true;
    c.classBalancedSampling = true;
    c.trunk.dropout = 0.1;
    c.weighting.strategy = model::WeightingStrategy::Uncertainty;
    c.gradientClipNorm = 1.0;
    c.learningRate = 3e-3;
    return c;
}

}  // namespace actionlens::train::testing
