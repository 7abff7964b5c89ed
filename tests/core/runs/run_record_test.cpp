// The records of model runs: what a training, an evaluation and an ablation leave in the project,
// read back with plain nlohmann-json as any reader of the store would; how a run ends; and a run
// rebuilt from its model file agrees with the record its training kept.

#include "core/runs/run_record.h"
#include "core/train/checkpoint.h"
#include "tests/core/train/train_fixtures.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

namespace actionlens::runs {
namespace {

using annotation::RunKind;
using annotation::RunStatus;
using annotation::TrainingRun;
using Json = nlohmann::json;

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

TrainingRun named(const std::string& name) {
    TrainingRun run;
    run.name = name;
    return run;
}

train::EpochReport epoch(int number, double loss) {
    train::EpochReport r;
    r.epoch = number;
    r.learningRate = 0.01;
    r.trainLoss = loss;
    r.trainTaskLoss = {loss / 2, loss / 2};
    r.taskWeights = {1.0, 1.0};
    r.validationAccuracy = {0.5, std::numeric_limits<double>::quiet_NaN()};
    r.score = 0.5;
    r.seconds = 1.5;
    return r;
}

const std::vector<std::string> kTasks{"action", "group"};

TEST(RunRecord, NextRunNameCountsOnFromTheHighestRunN) {
    EXPECT_EQ(nextRunName({}), "run 1");
    EXPECT_EQ(nextRunName({named("run 2"), named("run 10"), named("my run 40"), named("run x"), named("run 3b"),
                           named("run "), named("run 99999999999999999999")}),
              "run 11");
    EXPECT_EQ(nextRunName({named("baseline")}), "run 1");
}

TEST(RunRecord, AStartedTrainingRunCarriesItsConfigSplitAndClips) {
    train::TrainConfig config = train::testing::tinyTrainConfig();
    config.seed = 42;
    train::TrainingItems items;
    items.train = {0, 1, 2, 5};
    items.validation = {3, 4};
    const TrainingRun run = startedTrainingRun("run 3", "cli", config, "train", items, "/models/m.alm", 1700000000000);
    EXPECT_EQ(run.id, 0);
    EXPECT_EQ(run.name, "run 3");
    EXPECT_EQ(run.kind, RunKind::Training);
    EXPECT_EQ(run.status, RunStatus::Running);
    EXPECT_EQ(run.origin, "cli");
    EXPECT_EQ(run.checkpointPath, "/models/m.alm");
    EXPECT_EQ(run.startedMs, 1700000000000);
    EXPECT_EQ(run.endedMs, 0);
    EXPECT_EQ(run.historyJson, "[]");
    EXPECT_EQ(run.configJson.find('\n'), std::string::npos) << "written compactly";
    const Json data = Json::parse(run.dataJson);
    EXPECT_EQ(data, Json({{"split", "train"}, {"train_clips", 4}, {"validation_clips", 2}}));
    // The config reads back as the same config.
    const Json plain = Json::parse(run.configJson);
    EXPECT_EQ(plain["seed"], 42);
    Result<train::TrainConfig> back = train::trainConfigFromJson(train::parseJson(run.configJson).value());
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(train::writeJson(train::trainConfigToJson(back.value())), train::writeJson(train::trainConfigToJson(config)));
}

TEST(RunRecord, EpochsAppendAsTheyEndAndTheFinishedRunKeepsEachOnce) {
    TrainingRun run = startedTrainingRun("run 1", "window", train::TrainConfig(), "all", {}, "m.alm", 1000);
    appendEpoch(run, epoch(1, 2.0), kTasks);
    appendEpoch(run, epoch(2, 1.0), kTasks);
    Json history = Json::parse(run.historyJson);
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1]["epoch"], 2);
    EXPECT_EQ(history[1]["train_loss"], 1.0);
    EXPECT_EQ(history[0]["tasks"]["action"]["validation_accuracy"], 0.5);
    EXPECT_TRUE(history[0]["tasks"]["group"]["validation_accuracy"].is_null()) << "NaN: no labelled validation clip";

    train::TrainingOutcome outcome;
    outcome.history = {epoch(1, 2.0), epoch(2, 1.0)};
    outcome.epochsDone = 2;
    outcome.bestEpoch = 2;
    outcome.finished = true;
    outcome.device = "cpu";
    run.message = "no validation part (...)";
    finishTrainingRun(run, outcome, kTasks, false, 5000);
    EXPECT_EQ(run.status, RunStatus::Finished);
    EXPECT_EQ(run.device, "cpu");
    EXPECT_EQ(run.endedMs, 5000);
    EXPECT_EQ(run.message, "no validation part (...)") << "the caller's note stays";
    history = Json::parse(run.historyJson);
    ASSERT_EQ(history.size(), 2u) << run.historyJson;
    EXPECT_EQ(history[0]["epoch"], 1);
    EXPECT_EQ(history[1]["epoch"], 2);
    EXPECT_EQ(Json::parse(run.metricsJson), Json({{"best_epoch", 2}, {"epochs_done", 2}}));
}

TEST(RunRecord, TheEndChoosesFinishedStoppedOrCancelled) {
    struct Case {
        bool finished, cancelled, stopRequested;
        RunStatus expected;
    };
    for (const Case& c : {Case{true, false, false, RunStatus::Finished},   // all epochs, or early stopping
                          Case{true, false, true, RunStatus::Finished},    // stop asked during the last epoch
                          Case{false, true, true, RunStatus::Stopped},     // the user stopped it after an epoch
                          Case{false, true, false, RunStatus::Cancelled}}) {
        TrainingRun run = startedTrainingRun("run 1", "window", train::TrainConfig(), "all", {}, "m.alm", 1000);
        train::TrainingOutcome outcome;
        outcome.history = {epoch(1, 2.0)};
        outcome.epochsDone = 1;
        outcome.bestEpoch = 1;
        outcome.finished = c.finished;
        outcome.stoppedEarly = c.finished;
        outcome.cancelled = c.cancelled;
        finishTrainingRun(run, outcome, kTasks, c.stopRequested, 2000);
        EXPECT_EQ(run.status, c.expected) << c.finished << c.cancelled << c.stopRequested;
    }
    TrainingRun failed = startedTrainingRun("run 1", "cli", train::TrainConfig(), "all", {}, "m.alm", 1000);
    failTrainingRun(failed, "epoch 3, step 2: the loss is NaN", 3000);
    EXPECT_EQ(failed.status, RunStatus::Failed);
    EXPECT_EQ(failed.message, "epoch 3, step 2: the loss is NaN");
    EXPECT_EQ(failed.endedMs, 3000);
}

TEST(RunRecord, AResumedRunKeepsItsEarlierEpochsAndTakesTheNewOnes) {
    TrainingRun run = startedTrainingRun("run 1", "cli", train::TrainConfig(), "all", {}, "m.alm", 1000);
    appendEpoch(run, epoch(1, 3.0), kTasks);
    appendEpoch(run, epoch(2, 2.0), kTasks);
    appendEpoch(run, epoch(3, 9.0), kTasks);  // recorded, then lost: the model file kept epoch 2
    train::TrainingOutcome outcome;           // what trainModel reports: this call's epochs only
    outcome.history = {epoch(3, 1.5), epoch(4, 1.0)};
    outcome.epochsDone = 4;
    outcome.bestEpoch = 4;
    outcome.finished = true;
    finishTrainingRun(run, outcome, kTasks, false, 2000);
    const Json history = Json::parse(run.historyJson);
    ASSERT_EQ(history.size(), 4u) << run.historyJson;
    for (int e = 0; e < 4; ++e) EXPECT_EQ(history[size_t(e)]["epoch"], e + 1);
    EXPECT_EQ(history[2]["train_loss"], 1.5);
    // Cancelled before an epoch ended: the record's history stays.
    TrainingRun early = run;
    train::TrainingOutcome none;
    none.cancelled = true;
    finishTrainingRun(early, none, kTasks, false, 3000);
    EXPECT_EQ(Json::parse(early.historyJson).size(), 4u);
    EXPECT_EQ(early.status, RunStatus::Cancelled);
}

TEST(RunRecord, ARunRebuiltFromItsModelFileAgreesWithTheRecordItsTrainingKept) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::string model = QDir(dir.path()).filePath(QStringLiteral("tiny.alm")).toStdString();
    const train::LabelledDataset data = train::testing::motionDataset(4);
    train::TrainConfig config = train::testing::tinyTrainConfig();
    config.epochs = 2;
    train::TrainingItems items;
    items.train = train::testing::allItems(data);
    items.validation = {0, 5, 10};
    const std::int64_t before = nowMs();
    TrainingRun recorded = startedTrainingRun("run 1", "window", config, "all", items, model, before);
    std::vector<std::string> tasks;
    for (const train::DatasetTask& t : data.tasks) tasks.push_back(t.name);
    train::TrainingCallbacks callbacks;
    callbacks.epochEnd = [&](const train::EpochReport& r) { appendEpoch(recorded, r, tasks); };
    Result<train::TrainingOutcome> outcome =
        train::trainModel({&data, items.train, items.validation, config, model, "", 0}, callbacks);
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    ASSERT_EQ(outcome->snapshot.tasks.size(), tasks.size());
    finishTrainingRun(recorded, outcome.value(), tasks, false, nowMs());
    EXPECT_EQ(Json::parse(recorded.historyJson).size(), 2u);

    Result<TrainingRun> rebuilt = trainingRunFromCheckpoint(model);
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.error();
    EXPECT_EQ(rebuilt->origin, "file");
    EXPECT_EQ(rebuilt->name, "tiny");
    EXPECT_EQ(rebuilt->kind, RunKind::Training);
    EXPECT_EQ(rebuilt->status, RunStatus::Finished);
    EXPECT_EQ(rebuilt->configJson, recorded.configJson);
    EXPECT_EQ(rebuilt->historyJson, recorded.historyJson);
    EXPECT_EQ(rebuilt->metricsJson, recorded.metricsJson);
    EXPECT_EQ(Json::parse(rebuilt->dataJson), Json::object());
    EXPECT_EQ(rebuilt->checkpointPath, model);
    EXPECT_TRUE(std::filesystem::path(rebuilt->checkpointPath).is_absolute());
    // When: the file's last write, after the last epoch; started that much earlier.
    EXPECT_GE(rebuilt->endedMs, before - 2000);
    EXPECT_LE(rebuilt->endedMs, nowMs() + 2000);
    EXPECT_LE(rebuilt->startedMs, rebuilt->endedMs);

    // An interrupted training is a stopped run that can be resumed; once resumed, the record that
    // started from the file's history holds every epoch, as the file does.
    const std::string part = QDir(dir.path()).filePath(QStringLiteral("part.alm")).toStdString();
    config.epochs = 3;
    train::TrainingRequest request{&data, items.train, items.validation, config, part, "", 1};
    ASSERT_TRUE(train::trainModel(request).ok());
    Result<TrainingRun> stopped = trainingRunFromCheckpoint(part);
    ASSERT_TRUE(stopped.ok()) << stopped.error();
    EXPECT_EQ(stopped->status, RunStatus::Stopped);
    EXPECT_EQ(Json::parse(stopped->metricsJson)["epochs_done"], 1);
    TrainingRun resumed = stopped.value();
    resumed.status = RunStatus::Running;
    request.resumeFrom = part;
    request.stopAfterEpochs = 0;
    Result<train::TrainingOutcome> rest = train::trainModel(request);
    ASSERT_TRUE(rest.ok()) << rest.error();
    ASSERT_EQ(rest->history.size(), 2u);
    finishTrainingRun(resumed, rest.value(), tasks, false, nowMs());
    EXPECT_EQ(resumed.status, RunStatus::Finished);
    EXPECT_EQ(resumed.historyJson, train::writeJson(train::readCheckpointInfo(part)->history, -1));
    EXPECT_EQ(Json::parse(resumed.historyJson).size(), 3u);

    // Errors name the file.
    const std::string missing = QDir(dir.path()).filePath(QStringLiteral("none.alm")).toStdString();
    Result<TrainingRun> none = trainingRunFromCheckpoint(missing);
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().find(missing), std::string::npos) << none.error();
    const std::string garbage = QDir(dir.path()).filePath(QStringLiteral("garbage.alm")).toStdString();
    { std::ofstream(garbage) << "not a model"; }
    Result<TrainingRun> unreadable = trainingRunFromCheckpoint(garbage);
    ASSERT_FALSE(unreadable.ok());
    EXPECT_NE(unreadable.error().find(garbage), std::string::npos) << unreadable.error();
}

TEST(RunRecord, EvaluationsAndAblationsAreRecordedWithTheirReports) {
    nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
    metrics["clips"] = 12;
    metrics["tasks"] = {{"action", {{"accuracy", 0.75}}}};
    const TrainingRun evaluation = evaluationRun("run 2", "cli", 1, "/m.alm", "test", metrics, "cpu", 100, 200);
    EXPECT_EQ(evaluation.kind, RunKind::Evaluation);
    EXPECT_EQ(evaluation.status, RunStatus::Finished);
    EXPECT_EQ(evaluation.parentId, 1);
    EXPECT_EQ(evaluation.device, "cpu");
    EXPECT_EQ(Json::parse(evaluation.metricsJson)["tasks"]["action"]["accuracy"], 0.75);
    EXPECT_EQ(Json::parse(evaluation.dataJson), Json({{"split", "test"}, {"clips", 12}}));
    EXPECT_EQ(evaluation.startedMs, 100);
    EXPECT_EQ(evaluation.endedMs, 200);

    train::AblationRequest request;
    request.items = {1, 2, 3};
    request.seeds = 2;
    request.folds = 3;
    request.groupBy = train::GroupBy::Subject;
    TrainingRun ablation = startedAblationRun("run 3", "cli", request, "all", 100);
    EXPECT_EQ(ablation.kind, RunKind::Ablation);
    EXPECT_EQ(ablation.status, RunStatus::Running);
    EXPECT_EQ(Json::parse(ablation.dataJson),
              Json({{"split", "all"}, {"clips", 3}, {"seeds", 2}, {"folds", 3}, {"group_by", "subject"}}));
    train::AblationReport report;
    report.seeds = 2;
    report.folds = 3;
    report.clips = 3;
    finishAblationRun(ablation, report, 900);
    EXPECT_EQ(ablation.status, RunStatus::Finished);
    EXPECT_EQ(ablation.endedMs, 900);
    EXPECT_EQ(Json::parse(ablation.metricsJson)["folds"], 3);
}

}  // namespace
}  // namespace actionlens::runs
