// A run as JSON: every field, the documents the store keeps as text embedded as JSON.

#include "core/runs/run_json.h"

#include <gtest/gtest.h>

namespace actionlens::runs {
namespace {

TEST(RunJson, EveryFieldWithItsDocumentsEmbedded) {
    annotation::TrainingRun run;
    run.id = 4;
    run.name = "run 4";
    run.kind = annotation::RunKind::Evaluation;
    run.status = annotation::RunStatus::Finished;
    run.origin = "cli";
    run.parentId = 3;
    run.configJson = R"({"epochs":3,"seed":1})";
    run.historyJson = R"([{"epoch":1,"train_loss":0.5}])";
    run.metricsJson = "";
    run.dataJson = "not json";
    run.checkpointPath = "/data/m.alm";
    run.device = "cuda:0";
    run.startedMs = 1700000000000;
    run.endedMs = 1700000005000;
    run.message = "";
    // Read back as any client would, with plain nlohmann-json.
    const nlohmann::json json = nlohmann::json::parse(train::writeJson(runsToJson({run})));
    ASSERT_TRUE(json.is_array());
    ASSERT_EQ(json.size(), 1u);
    const nlohmann::json& r = json[0];
    EXPECT_EQ(r["id"], 4);
    EXPECT_EQ(r["name"], "run 4");
    EXPECT_EQ(r["kind"], "evaluation");
    EXPECT_EQ(r["status"], "finished");
    EXPECT_EQ(r["origin"], "cli");
    EXPECT_EQ(r["parent_id"], 3);
    EXPECT_EQ(r["config"]["epochs"], 3);
    EXPECT_EQ(r["history"][0]["train_loss"], 0.5);
    EXPECT_TRUE(r["metrics"].is_null()) << "an empty document";
    EXPECT_EQ(r["data"], "not json") << "text that does not parse is kept as it is";
    EXPECT_EQ(r["checkpoint"], "/data/m.alm");
    EXPECT_EQ(r["device"], "cuda:0");
    EXPECT_EQ(r["started_ms"], 1700000000000);
    EXPECT_EQ(r["ended_ms"], 1700000005000);
    EXPECT_EQ(r["message"], "");
    EXPECT_EQ(r.size(), 15u);
    EXPECT_TRUE(runsToJson({}).is_array());
}

}  // namespace
}  // namespace actionlens::runs
