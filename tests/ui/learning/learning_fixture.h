#pragma once

// Tiny training runs for the learning widgets' tests: a model small enough to train on the
// rendered fixture project in a second or two.

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"
#include "ui/learning/training_session.h"
#include "ui_test_wait.h"

#include <gtest/gtest.h>

namespace actionlens::uitest {

inline ui::TrainingSettings tinyTrainingSettings(int epochs) {
    ui::TrainingSettings s;
    s.split = QStringLiteral("all");
    s.config.frames = 16;
    s.config.trunk.channels = {8, 16};
    s.config.trunk.temporalStrides = {1, 2};
    s.config.trunk.temporalKernel = 3;
    s.config.attentionHidden = 8;
    s.config.epochs = epochs;
    s.config.batchSize = 4;
    s.config.threads = 1;
    s.config.device = "cpu";
    s.config.warmupEpochs = 1;
    s.config.validationFraction = 0.2;
    s.config.earlyStoppingPatience = 0;
    return s;
}

// One finished training run of `epochs` epochs in `document`, as the project recorded it.
inline annotation::TrainingRun trainOnce(ui::ProjectDocument& document, int epochs = 2) {
    ui::TrainingSession session(document);
    bool done = false;
    QObject::connect(&session, &ui::TrainingSession::finished, [&] { done = true; });
    EXPECT_EQ(session.start(tinyTrainingSettings(epochs)), QString());
    EXPECT_TRUE(waitUntil([&] { return done; }, 120000));
    auto run = document.store().run(session.runId());
    EXPECT_TRUE(run.ok());
    return run.ok() ? run.value() : annotation::TrainingRun{};
}

}  // namespace actionlens::uitest
