#include "core/train/ablation.h"

#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::train {
namespace {

TEST(Ablation, StudentQuantiles) {
    EXPECT_DOUBLE_EQ(studentT975(1), 12.706);
    EXPECT_DOUBLE_EQ(studentT975(14), 2.145);
    EXPECT_NEAR(studentT975(40), 2.021, 0.001);
    EXPECT_NEAR(studentT975(120), 1.980, 0.001);
    EXPECT_TRUE(std::isnan(studentT975(0)));
}

TEST(Ablation, RunsSingleAndMultiTaskModelsOverSeedsAndGroupedFolds) {
    const LabelledDataset data = testing::motionDataset(4);
    AblationRequest request;
    request.dataset = &data;
    request.items = testing::allItems(data);
    request.config = testing::tinyTrainConfig();
    request.config.epochs = 2;
    request.config.validationFraction = 0.0;
    request.config.tasks = {"action", "viewpoint"};
    request.seeds = 2;
    request.folds = 2;
    int lastDone = -1, total = 0;
    Result<AblationReport> report = runAblation(request, {[&](int done, int all, const std::string&) {
                                                              lastDone = done;
                                                              total = all;
                                                          },
                                                          nullptr});
    ASSERT_TRUE(report.ok()) << report.error();
    EXPECT_EQ(total, 2 * 2 * 3);  // (2 single + 1 multi) per seed and fold
    EXPECT_EQ(lastDone, total);
    ASSERT_EQ(report->runs.size(), 12u);
    ASSERT_EQ(report->tasks.size(), 2u);
    for (const TaskAblation& t : report->tasks) {
        EXPECT_EQ(t.pairs, 4);
        ASSERT_EQ(t.single.size(), 4u);
        double differences = 0.0;
        for (size_t i = 0; i < 4; ++i) differences += t.multi[i] - t.single[i];
        EXPECT_NEAR(t.differenceMean, differences / 4, 1e-12);
        EXPECT_LE(t.differenceLow, t.differenceMean);
        EXPECT_GE(t.differenceHigh, t.differenceMean);
    }
    const std::string markdown = ablationToMarkdown(report.value());
    EXPECT_NE(markdown.find("| action | "), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("| viewpoint | "), std::string::npos) << markdown;
    const JsonValue json = ablationToJson(report.value());
    EXPECT_EQ(json.find("tasks")->find("action")->find("pairs")->asNumber(), 4.0);
    EXPECT_EQ(json.find("runs")->items().size(), 12u);

    // Ablations run in parallel, one seed each, merge into the same table: the second seed run
    // alone gives the second half of the runs, and the JSON reports of both halves summarise to
    // the report of the whole.
    AblationRequest second = request;
    second.config.seed = request.config.seed + 1;
    second.seeds = 1;
    Result<AblationReport> secondOnly = runAblation(second);
    ASSERT_TRUE(secondOnly.ok()) << secondOnly.error();
    std::vector<AblationRun> firstHalf, merged;
    for (const AblationRun& r : report->runs)
        if (r.seed == int(request.config.seed)) firstHalf.push_back(r);
    for (const AblationReport& part : {summariseAblation(firstHalf, 2, report->clips), secondOnly.value()}) {
        Result<JsonValue> reread = parseJson(ablationToJson(part).write());
        ASSERT_TRUE(reread.ok()) << reread.error();
        Result<std::vector<AblationRun>> runs = ablationRunsFromJson(reread.value());
        ASSERT_TRUE(runs.ok()) << runs.error();
        merged.insert(merged.end(), runs->begin(), runs->end());
    }
    const AblationReport whole = summariseAblation(merged, 2, report->clips);
    EXPECT_EQ(whole.seeds, 2);
    ASSERT_EQ(whole.tasks.size(), report->tasks.size());
    for (size_t t = 0; t < whole.tasks.size(); ++t) {
        EXPECT_EQ(whole.tasks[t].task, report->tasks[t].task);
        EXPECT_EQ(whole.tasks[t].single, report->tasks[t].single);
        EXPECT_EQ(whole.tasks[t].multi, report->tasks[t].multi);
        EXPECT_NEAR(whole.tasks[t].differenceLow, report->tasks[t].differenceLow, 1e-12);
    }
    EXPECT_FALSE(ablationRunsFromJson(JsonValue::object()).ok());

    request.config.tasks = {"action"};
    EXPECT_FALSE(runAblation(request).ok());
    request.config.tasks = {};
    request.items.push_back(int(data.clips.size()));
    Result<AblationReport> outside = runAblation(request);
    ASSERT_FALSE(outside.ok());
    EXPECT_NE(outside.error().find("is not a clip of the dataset"), std::string::npos) << outside.error();
}

}  // namespace
}  // namespace actionlens::train
