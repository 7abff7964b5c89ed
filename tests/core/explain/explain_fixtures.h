#pragma once

// Models trained on core/train's motion fixture for the explanation tests: each action moves one
// known joint (wave_left: joint 3, wave_right: joint 4, nod: joint 2; walk moves them all), and
// the video fixture shows a coloured square on a known side. Trained once per test binary.

#include "core/explain/clip_input.h"
#include "core/train/trainer.h"
#include "tests/core/train/train_fixtures.h"

#include <gtest/gtest.h>

#include <memory>

namespace actionlens::explain::testing {

struct TrainedMotionModel {
    train::LabelledDataset data;
    train::ModelSnapshot snapshot;
    std::unique_ptr<model::MultiTaskModel> model;
    std::unique_ptr<train::testing::ColourCodedFrames> frames;  // video and fusion models
};

inline std::unique_ptr<TrainedMotionModel> trainMotionModel(model::TrunkKind kind = model::TrunkKind::Skeleton) {
    auto out = std::make_unique<TrainedMotionModel>();
    out->data = train::testing::motionDataset(10, 5);
    train::TrainConfig config = kind == model::TrunkKind::Skeleton ? train::testing::tinyTrainConfig()
                                                                   : train::testing::tinyVideoTrainConfig(kind);
    config.epochs = kind == model::TrunkKind::Skeleton ? 12 : 8;
    config.device = "cpu";
    if (kind != model::TrunkKind::Skeleton) {
        train::testing::giveVideoPaths(out->data);
        out->frames = std::make_unique<train::testing::ColourCodedFrames>(out->data);
    }
    Result<train::TrainingOutcome> trained = train::trainModel(
        train::TrainingRequest{&out->data, train::testing::allItems(out->data), {}, config, "", "", 0, out->frames.get()});
    EXPECT_TRUE(trained.ok()) << trained.error();
    if (!trained) return out;
    out->snapshot = trained->snapshot;
    out->model = std::move(trained->model);
    return out;
}

// The joint an action of the motion fixture moves; -1 for walking (all of them).
inline int movingJoint(int action) {
    switch (action) {
    case 0: return 3;
    case 1: return 4;
    case 2: return 2;
    default: return -1;
    }
}

}  // namespace actionlens::explain::testing
