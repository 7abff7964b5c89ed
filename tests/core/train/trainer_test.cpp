// The training loop end to end on a tiny dataset: it fits, its checkpoints reproduce the model
// exactly, a resumed run continues exactly as the uninterrupted one, and a NaN loss stops it
// without touching the last good checkpoint.

#include "core/train/checkpoint.h"
#include "core/train/evaluation.h"
#include "core/train/trainer.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <limits>

namespace actionlens::train {
namespace {

class TempFolder {
public:
    TempFolder() {
        path_ = std::filesystem::temp_directory_path() / ("actionlens-train-test-" + std::to_string(::getpid()) + "-" +
                                                         std::to_string(counter_++));
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() { std::filesystem::remove_all(path_); }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    static inline int counter_ = 0;
    std::filesystem::path path_;
};

std::vector<float> outputs(model::MultiTaskModel& model, const ModelSnapshot& snapshot, const LabelledDataset& data) {
    Result<EvaluationReport> report = evaluateModel(model, snapshot, data, testing::allItems(data));
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error());
    std::vector<float> all;
    if (report.ok())
        for (const TaskEvaluation& t : report->tasks) all.insert(all.end(), t.probabilities.begin(), t.probabilities.end());
    return all;
}

TEST(Trainer, OverfitsATinyDatasetToFullAccuracyOnEveryTask) {
    const LabelledDataset data = testing::motionDataset();
    TrainConfig config = testing::tinyTrainConfig();
    config.epochs = 120;
    config.weighting.strategy = model::WeightingStrategy::Uncertainty;
    TrainingRequest request{&data, testing::allItems(data), {}, config, "", "", 0};
    int lastEpoch = 0;
    Result<TrainingOutcome> outcome = trainModel(request, {nullptr, [&](const EpochReport& r) { lastEpoch = r.epoch; }, nullptr});
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    EXPECT_EQ(lastEpoch, 120);
    EXPECT_TRUE(outcome->finished);
    EXPECT_EQ(outcome->snapshot.tasks.size(), 3u);
    ASSERT_TRUE(outcome->snapshot.hierarchy.has_value());
    Result<EvaluationReport> report = evaluateModel(*outcome->model, outcome->snapshot, data, testing::allItems(data));
    ASSERT_TRUE(report.ok()) << report.error();
    for (const TaskEvaluation& task : report->tasks) EXPECT_EQ(task.metrics.accuracy, 1.0) << task.task;
    ASSERT_TRUE(report->inconsistentRate.has_value());
    EXPECT_EQ(*report->inconsistentRate, 0.0);
    EXPECT_EQ(*report->consistentGroupAccuracy, 1.0);
    // The loss went down: the first epoch's loss is well above the last's.
    EXPECT_GT(outcome->history.front().trainLoss, 2.0 * outcome->history.back().trainLoss);
}

TEST(Trainer, CheckpointReloadGivesIdenticalOutputs) {
    const LabelledDataset data = testing::motionDataset(4);
    TempFolder folder;
    TrainConfig config = testing::tinyTrainConfig();
    config.augmentation.enabled = true;
    TrainingRequest request{&data, testing::allItems(data), {0, 1, 2, 3}, config, folder.file("m.alm"), "", 0};
    Result<TrainingOutcome> outcome = trainModel(request);
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    CheckpointInfo info;
    Result<std::unique_ptr<model::MultiTaskModel>> loaded = loadTrainedModel(folder.file("m.alm"), &info);
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    EXPECT_EQ(info.epochsDone, 4);
    EXPECT_EQ(info.bestEpoch, outcome->bestEpoch);
    EXPECT_TRUE(info.finished);
    EXPECT_EQ(info.snapshot.tasks[0].classNames, data.tasks[0].classNames);
    EXPECT_EQ(info.history.size(), 4u);
    EXPECT_EQ(writeJson(trainConfigToJson(info.config)), writeJson(trainConfigToJson(config)));
    const std::vector<float> before = outputs(*outcome->model, outcome->snapshot, data);
    const std::vector<float> after = outputs(*loaded.value(), info.snapshot, data);
    ASSERT_FALSE(before.empty());
    EXPECT_EQ(before, after);
    // No temporary file is left beside it.
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(folder.file("m.alm")).parent_path()))
        files += entry.is_regular_file();
    EXPECT_EQ(files, 1);
}

TEST(Trainer, ResumeContinuesExactlyAsTheUninterruptedRun) {
    const LabelledDataset data = testing::motionDataset(4);
    TempFolder folder;
    for (auto strategy : {model::WeightingStrategy::DynamicWeightAverage, model::WeightingStrategy::GradNorm}) {
        TrainConfig config = testing::tinyTrainConfig();
        config.augmentation.enabled = true;
        config.trunk.dropout = 0.2;
        config.warmupEpochs = 1;
        config.weighting.strategy = strategy;
        const std::vector<int> validation{1, 6};
        TrainingRequest whole{&data, testing::allItems(data), validation, config, folder.file("whole.alm"), "", 0};
        Result<TrainingOutcome> uninterrupted = trainModel(whole);
        ASSERT_TRUE(uninterrupted.ok()) << uninterrupted.error();

        TrainingRequest firstPart = whole;
        firstPart.checkpointPath = folder.file("part.alm");
        firstPart.stopAfterEpochs = 2;
        Result<TrainingOutcome> interrupted = trainModel(firstPart);
        ASSERT_TRUE(interrupted.ok()) << interrupted.error();
        EXPECT_TRUE(interrupted->cancelled);
        EXPECT_EQ(interrupted->epochsDone, 2);
        EXPECT_FALSE(readCheckpointInfo(folder.file("part.alm"))->finished);

        TrainingRequest rest = whole;
        rest.checkpointPath = folder.file("part.alm");
        rest.resumeFrom = folder.file("part.alm");
        Result<TrainingOutcome> resumed = trainModel(rest);
        ASSERT_TRUE(resumed.ok()) << resumed.error();
        ASSERT_EQ(resumed->history.size(), 2u);
        EXPECT_EQ(resumed->history.front().epoch, 3);
        // The same next steps: losses, weights of the tasks, and the final model.
        for (size_t e = 0; e < 2; ++e) {
            EXPECT_EQ(resumed->history[e].trainLoss, uninterrupted->history[e + 2].trainLoss) << "epoch " << e + 3;
            EXPECT_EQ(resumed->history[e].taskWeights, uninterrupted->history[e + 2].taskWeights);
        }
        EXPECT_EQ(resumed->bestEpoch, uninterrupted->bestEpoch);
        EXPECT_EQ(outputs(*resumed->model, resumed->snapshot, data), outputs(*uninterrupted->model, uninterrupted->snapshot, data));
        EXPECT_EQ(readCheckpointInfo(folder.file("part.alm"))->history.size(), 4u);
        // A finished run cannot be resumed.
        Result<TrainingOutcome> again = trainModel(rest);
        ASSERT_FALSE(again.ok());
        EXPECT_NE(again.error().find("finished"), std::string::npos);
    }
}

TEST(Trainer, NanLossStopsWithAClearMessageAndKeepsTheLastGoodCheckpoint) {
    const LabelledDataset data = testing::motionDataset(4);
    TempFolder folder;
    TrainConfig config = testing::tinyTrainConfig();
    TrainingRequest request{&data, testing::allItems(data), {}, config, folder.file("m.alm"), "", 1};
    ASSERT_TRUE(trainModel(request).ok());

    LabelledDataset broken = data;
    for (LabelledClip& clip : broken.clips) clip.skeleton.at(0, 0, 0) = std::numeric_limits<float>::quiet_NaN();
    TrainingRequest resume{&broken, testing::allItems(broken), {}, config, folder.file("m.alm"), folder.file("m.alm"), 0};
    Result<TrainingOutcome> failed = trainModel(resume);
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.error().find("the loss became NaN at epoch 2, step 1"), std::string::npos) << failed.error();
    EXPECT_NE(failed.error().find("keeps epoch 1"), std::string::npos) << failed.error();
    Result<CheckpointInfo> kept = readCheckpointInfo(folder.file("m.alm"));
    ASSERT_TRUE(kept.ok()) << kept.error();
    EXPECT_EQ(kept->epochsDone, 1);
    EXPECT_TRUE(loadTrainedModel(folder.file("m.alm")).ok());
}

TEST(Trainer, RefusesBadRequestsWithTheReason) {
    const LabelledDataset data = testing::motionDataset(2);
    TrainConfig config = testing::tinyTrainConfig();
    config.tasks = {"mood"};
    Result<TrainingOutcome> unknownTask = trainModel(TrainingRequest{&data, {0, 1}, {}, config, "", "", 0});
    ASSERT_FALSE(unknownTask.ok());
    EXPECT_NE(unknownTask.error().find("task 'mood', which the project lacks (tasks: action, group, viewpoint)"),
              std::string::npos)
        << unknownTask.error();
    EXPECT_FALSE(trainModel(TrainingRequest{&data, {}, {}, testing::tinyTrainConfig(), "", "", 0}).ok());
    EXPECT_FALSE(trainModel(TrainingRequest{&data, {0, 99}, {}, testing::tinyTrainConfig(), "", "", 0}).ok());
    Result<CheckpointInfo> missing = readCheckpointInfo("/nonexistent/model.alm");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("does not exist"), std::string::npos);
    // A model file in a folder that is not there: said plainly, without LibTorch's stack trace.
    TempFolder folder;
    Result<TrainingOutcome> nowhere =
        trainModel(TrainingRequest{&data, {0, 1}, {}, testing::tinyTrainConfig(), folder.file("no/such/model.alm"), "", 0});
    ASSERT_FALSE(nowhere.ok());
    EXPECT_NE(nowhere.error().find("the folder '" + folder.file("no/such") + "' does not exist"), std::string::npos) << nowhere.error();
    EXPECT_EQ(nowhere.error().find("frame #"), std::string::npos) << nowhere.error();
}

TEST(Trainer, PcGradWithClassBalancedSamplingLearns) {
    const LabelledDataset data = testing::motionDataset(4);
    TrainConfig config = testing::tinyTrainConfig();
    config.pcGrad = true;
    config.classBalancedSampling = true;
    // Evaluation-mode accuracy lags the training loss on this tiny set until batch norm's running
    // statistics settle (about 60 steps); 60 epochs are 120 steps.
    config.epochs = 60;
    Result<TrainingOutcome> outcome = trainModel(TrainingRequest{&data, testing::allItems(data), {}, config, "", "", 0});
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    EXPECT_LT(outcome->history.back().trainLoss, 0.5 * outcome->history.front().trainLoss);
    Result<EvaluationReport> report = evaluateModel(*outcome->model, outcome->snapshot, data, testing::allItems(data));
    ASSERT_TRUE(report.ok()) << report.error();
    EXPECT_GT(report->tasks[0].metrics.accuracy, 0.5);  // four actions: chance is 0.25
}

TEST(Trainer, SingleTaskModelsLearnOnlyTheirTaskAndDropTheHierarchy) {
    const LabelledDataset data = testing::motionDataset(2);
    TrainConfig config = testing::tinyTrainConfig();
    config.tasks = {"viewpoint"};
    config.epochs = 1;
    Result<TrainingOutcome> outcome = trainModel(TrainingRequest{&data, testing::allItems(data), {}, config, "", "", 0});
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    ASSERT_EQ(outcome->snapshot.tasks.size(), 1u);
    EXPECT_EQ(outcome->snapshot.tasks[0].name, "viewpoint");
    EXPECT_FALSE(outcome->snapshot.hierarchy.has_value());
}

// Mirroring with declared maps trains a balanced prior; the validation that picks the best epoch
// scores as evaluation answers (prior corrected), so the best epoch's validation accuracy is
// what evaluating the kept model on the same clips gives.
TEST(Trainer, ValidationScoresAsEvaluationAnswers) {
    LabelledDataset data = testing::motionDataset(10);
    testing::declareMirrors(data);
    std::vector<int> train, validation;
    for (size_t i = 0; i < data.clips.size(); ++i) {
        // Training: every front view, few back views: the mirror balances what it saw.
        if (i % 3 == 0) validation.push_back(int(i));
        else if (data.clips[i].labels[2] == 0 || i % 10 == 0) train.push_back(int(i));
    }
    TrainConfig config = testing::tinyTrainConfig();
    config.augmentation.enabled = true;
    config.testTimeMirror = false;  // validation does not ask about the mirror image
    config.epochs = 20;  // far enough that the corrected and raw answers part on some clips
    Result<TrainingOutcome> outcome = trainModel(TrainingRequest{&data, train, validation, config, "", "", 0});
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    ASSERT_EQ(outcome->snapshot.priorCorrection.size(), 3u);
    ASSERT_FALSE(outcome->snapshot.priorCorrection[2].empty());
    EXPECT_NE(outcome->snapshot.priorCorrection[2][0], outcome->snapshot.priorCorrection[2][1]);
    Result<EvaluationReport> report = evaluateModel(*outcome->model, outcome->snapshot, data, validation);
    ASSERT_TRUE(report.ok()) << report.error();
    const EpochReport& best = outcome->history[size_t(outcome->bestEpoch - 1)];
    for (size_t t = 0; t < report->tasks.size(); ++t)
        EXPECT_NEAR(best.validationAccuracy[t], report->tasks[t].metrics.accuracy, 1e-9) << report->tasks[t].task;
}

TEST(Trainer, AStepProfileTimesEveryStepWithoutChangingTheTraining) {
    // Timing is observation only: the profiled run trains to the very same weights, and the
    // profile counts each step once, with time in the phases that every step has.
    const LabelledDataset data = testing::motionDataset();
    TrainConfig config = testing::tinyTrainConfig();
    config.epochs = 3;
    config.augmentation.enabled = true;
    Result<TrainingOutcome> plain = trainModel(TrainingRequest{&data, testing::allItems(data), {}, config, "", "", 0});
    TrainingRequest request{&data, testing::allItems(data), {}, config, "", "", 0};
    StepProfile profile;
    request.profile = &profile;
    Result<TrainingOutcome> timed = trainModel(request);
    ASSERT_TRUE(plain.ok()) << plain.error();
    ASSERT_TRUE(timed.ok()) << timed.error();
    EXPECT_EQ(outputs(*plain->model, plain->snapshot, data), outputs(*timed->model, timed->snapshot, data));
    const std::int64_t stepsPerEpoch = (std::int64_t(data.clips.size()) + config.batchSize - 1) / config.batchSize;
    EXPECT_EQ(profile.steps, 3 * stepsPerEpoch);
    EXPECT_EQ(profile.batches, profile.steps);
    EXPECT_FALSE(profile.synchronised);  // CPU
    for (StepPhase phase : {StepPhase::Forward, StepPhase::Backward, StepPhase::Optimiser, StepPhase::Prepare})
        EXPECT_GT(profile[phase], 0.0) << stepPhaseName(phase);
    for (double seconds : profile.seconds) EXPECT_GE(seconds, 0.0);
    const std::string table = stepProfileTable(profile);
    EXPECT_NE(table.find("| backward |"), std::string::npos) << table;
    EXPECT_NE(table.find("whole step"), std::string::npos) << table;
}

}  // namespace
}  // namespace actionlens::train
