#include "core/train/ablation.h"
#include "core/train/json_text.h"

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
    const nlohmann::ordered_json json = ablationToJson(report.value());
    EXPECT_EQ(json.at("tasks").at("action").at("pairs").get<double>(), 4.0);
    EXPECT_EQ(json.at("runs").size(), 12u);
    // Each run keeps its tasks' confusion over the fold's test clips (which classes it mixes up).
    for (const AblationRun& r : report->runs) {
        ASSERT_EQ(r.confusion.size(), r.tasks.size()) << r.model;
        int counted = 0;
        for (const auto& row : r.confusion.back()) {
            EXPECT_EQ(row.size(), r.confusion.back().size());
            for (int c : row) counted += c;
        }
        EXPECT_EQ(counted, int(data.clips.size()) / 2) << "each of two folds tests half the clips";
    }

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
        Result<nlohmann::ordered_json> reread = parseJson(writeJson(ablationToJson(part)));
        ASSERT_TRUE(reread.ok()) << reread.error();
        Result<std::vector<AblationRun>> runs = ablationRunsFromJson(reread.value());
        ASSERT_TRUE(runs.ok()) << runs.error();
        merged.insert(merged.end(), runs->begin(), runs->end());
    }
    const AblationReport whole = summariseAblation(merged, 2, report->clips);
    for (size_t r = 0; r < merged.size(); ++r)
        EXPECT_EQ(merged[r].confusion.size(), merged[r].tasks.size()) << "the confusion reads back, run " << r;
    EXPECT_EQ(whole.seeds, 2);
    ASSERT_EQ(whole.tasks.size(), report->tasks.size());
    for (size_t t = 0; t < whole.tasks.size(); ++t) {
        EXPECT_EQ(whole.tasks[t].task, report->tasks[t].task);
        EXPECT_EQ(whole.tasks[t].single, report->tasks[t].single);
        EXPECT_EQ(whole.tasks[t].multi, report->tasks[t].multi);
        EXPECT_NEAR(whole.tasks[t].differenceLow, report->tasks[t].differenceLow, 1e-12);
    }
    EXPECT_FALSE(ablationRunsFromJson(nlohmann::ordered_json::object()).ok());

    request.config.tasks = {"action"};
    EXPECT_FALSE(runAblation(request).ok());
    request.config.tasks = {};
    request.items.push_back(int(data.clips.size()));
    Result<AblationReport> outside = runAblation(request);
    ASSERT_FALSE(outside.ok());
    EXPECT_NE(outside.error().find("is not a clip of the dataset"), std::string::npos) << outside.error();
}

TEST(Ablation, CsvTableHoldsTheSummaryAtFullPrecision) {
    // Two (seed, fold) pairs by hand: single 0.5 and 0.7, multi 0.6 and 0.9 -> differences 0.1
    // and 0.2, mean 0.15, sd 0.0707..., half width t(1) 12.706 * sd / sqrt(2) = 0.6353.
    const auto run = [](int seed, const std::string& model, std::vector<std::string> tasks, std::vector<double> accuracy) {
        AblationRun r;
        r.seed = seed;
        r.fold = 1;
        r.model = model;
        r.tasks = std::move(tasks);
        r.accuracy = accuracy;
        r.macroF1 = accuracy;
        return r;
    };
    const AblationReport report = summariseAblation({run(1, "multi-task", {"act,ion \"x\""}, {0.6}), run(1, "act,ion \"x\"", {"act,ion \"x\""}, {0.5}),
                                                     run(2, "multi-task", {"act,ion \"x\""}, {0.9}), run(2, "act,ion \"x\"", {"act,ion \"x\""}, {0.7})},
                                                    1, 10);
    const std::string csv = ablationToCsv(report);
    const std::string header = "task,pairs,single_mean,single_std,multi_mean,multi_std,difference,ci_low,ci_high\r\n";
    ASSERT_EQ(csv.substr(0, header.size()), header) << csv;
    const std::string row = csv.substr(header.size());
    // The task's comma and quotes are quoted; then pairs, means and deviations.
    EXPECT_EQ(row.rfind("\"act,ion \"\"x\"\"\",2,0.6,", 0), 0u) << row;
    double values[7];
    const size_t fieldsAt = row.find(",2,") + 3;
    ASSERT_EQ(std::sscanf(row.c_str() + fieldsAt, "%lf,%lf,%lf,%lf,%lf,%lf,%lf", &values[0], &values[1], &values[2], &values[3],
                          &values[4], &values[5], &values[6]),
              7)
        << row;
    EXPECT_NEAR(values[0], 0.6, 1e-9);
    EXPECT_NEAR(values[1], std::sqrt(0.02), 1e-9);
    EXPECT_NEAR(values[2], 0.75, 1e-9);
    EXPECT_NEAR(values[3], std::sqrt(0.045), 1e-9);
    EXPECT_NEAR(values[4], 0.15, 1e-9);
    EXPECT_NEAR(values[5], 0.15 - 12.706 * std::sqrt(0.005) / std::sqrt(2.0), 1e-9);
    EXPECT_NEAR(values[6], 0.15 + 12.706 * std::sqrt(0.005) / std::sqrt(2.0), 1e-9);
    EXPECT_EQ(row.substr(row.size() - 2), "\r\n");
    // One pair has no interval: its cells stay empty.
    const AblationReport single = summariseAblation({run(1, "multi-task", {"a"}, {0.6}), run(1, "a", {"a"}, {0.5})}, 1, 10);
    const std::string one = ablationToCsv(single);
    EXPECT_EQ(one.substr(one.size() - 4), ",,\r\n") << one;
}

TEST(Ablation, AReportReadsBackFromItsJson) {
    const auto run = [](int seed, int fold, const std::string& model, std::vector<double> accuracy) {
        AblationRun r;
        r.seed = seed;
        r.fold = fold;
        r.model = model;
        r.tasks = model == "multi-task" ? std::vector<std::string>{"action", "group"} : std::vector<std::string>{model};
        r.accuracy = accuracy;
        r.macroF1 = accuracy;
        return r;
    };
    std::vector<AblationRun> runs;
    for (int fold = 1; fold <= 2; ++fold) {
        runs.push_back(run(1, fold, "multi-task", {0.6 + 0.1 * fold, 0.9}));
        runs.push_back(run(1, fold, "action", {0.5 + 0.1 * fold}));
        runs.push_back(run(1, fold, "group", {0.85}));
    }
    const AblationReport report = summariseAblation(runs, 2, 40);
    Result<AblationReport> back = ablationReportFromJson(writeJson(ablationToJson(report)));
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back->folds, 2);
    EXPECT_EQ(back->clips, 40);
    ASSERT_EQ(back->tasks.size(), report.tasks.size());
    for (size_t t = 0; t < report.tasks.size(); ++t) {
        EXPECT_EQ(back->tasks[t].task, report.tasks[t].task);
        EXPECT_DOUBLE_EQ(back->tasks[t].multiMean, report.tasks[t].multiMean);
        EXPECT_DOUBLE_EQ(back->tasks[t].differenceMean, report.tasks[t].differenceMean);
    }
    EXPECT_EQ(ablationToCsv(back.value()), ablationToCsv(report));
    nlohmann::ordered_json damaged = ablationToJson(report);
    damaged["runs"][0]["confusion"] = {{"action", {{1, -2}, {0, 3}}}};
    Result<std::vector<AblationRun>> badCount = ablationRunsFromJson(damaged);
    ASSERT_FALSE(badCount.ok());
    EXPECT_NE(badCount.error().find("run 0: the confusion of 'action' holds -2, not a count"), std::string::npos)
        << badCount.error();
    Result<AblationReport> noFolds = ablationReportFromJson(R"({"clips": 4, "runs": []})");
    ASSERT_FALSE(noFolds.ok());
    EXPECT_NE(noFolds.error().find("folds"), std::string::npos) << noFolds.error();
    EXPECT_FALSE(ablationReportFromJson("{").ok());
}

}  // namespace
}  // namespace actionlens::train
