// The BlazePose graphs run by TfliteGraph against the raw outputs in reference.json, each model
// fed its stored input (det_input.npy, the 256x256 crops of both passes), at the stage-wise
// tolerances the JSON suggests.

#include "core/pose/tflite_graph.h"
#include "tests/core/pose/pose_reference.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::pose {
namespace {

using testing::floats;
using testing::reference;

double tolerance(const char* name) {
    const double value = reference()["protocol"].toObject()["suggested_tolerances"].toObject()["stage_wise"].toObject()[name].toDouble();
    EXPECT_GT(value, 0.0) << name << " missing from reference.json";
    return value;
}

TEST(TfliteGraphConformance, DetectorRawOutputsOnStoredInput) {
    ACTIONLENS_REQUIRE_POSE_MODELS(LandmarkModel::Lite);
    auto graph = TfliteGraph::load(detectorModelPath(poseModelDirectory()));
    ASSERT_TRUE(graph.ok()) << graph.error();
    EXPECT_EQ(graph->operatorCount(), 291 - 144 - 38);  // DEQUANTIZE and DENSIFY folded
    const auto input = testing::readFloatNpy(testing::poseDataDir() + "/det_input.npy");
    ASSERT_EQ(input.shape, (std::vector<std::int64_t>{1, 224, 224, 3}));
    auto out = graph->run({FloatTensor{input.shape, input.values}});
    ASSERT_TRUE(out.ok()) << out.error();
    const auto& boxes = out.value()[0].values;
    const auto& scores = out.value()[1].values;
    ASSERT_EQ(boxes.size(), 2254u * 12);
    ASSERT_EQ(scores.size(), 2254u);

    const double tol = tolerance("detector_raw_values");
    const QJsonObject detector = reference()["detector"].toObject();
    int checked = 0;
    for (const char* list : {"candidates", "top5"}) {
        for (const QJsonValue& entry : detector[list].toArray()) {
            const int anchor = entry["anchor"].toInt();
            const auto raw = floats(entry["raw"]);
            ASSERT_EQ(raw.size(), 12u);
            for (int k = 0; k < 12; ++k) EXPECT_NEAR(boxes[anchor * 12 + k], raw[k], tol) << "anchor " << anchor << " value " << k;
            EXPECT_NEAR(scores[anchor], entry["raw_score"].toDouble(), tol) << "anchor " << anchor;
            ++checked;
        }
    }
    EXPECT_GE(checked, 13);
    // The best anchor is the same one.
    int best = 0;
    for (int a = 1; a < 2254; ++a) best = scores[a] > scores[best] ? a : best;
    EXPECT_EQ(best, detector["best_anchor"].toInt());
}

void checkLandmarkOutputs(const std::vector<FloatTensor>& out, const TfliteGraph& graph, const QJsonObject& expected, const std::string& what) {
    const auto identity = out[graph.outputIndex("Identity")].values;
    const auto reference195 = floats(expected["Identity"]);
    ASSERT_EQ(identity.size(), 195u);
    ASSERT_EQ(reference195.size(), 195u);
    const double xyzTol = tolerance("landmark_Identity_xyz"), logitTol = tolerance("landmark_Identity_logits");
    for (int row = 0; row < 39; ++row) {
        for (int k = 0; k < 5; ++k) {
            EXPECT_NEAR(identity[row * 5 + k], reference195[row * 5 + k], k < 3 ? xyzTol : logitTol) << what << " row " << row << " value " << k;
        }
    }
    EXPECT_NEAR(out[graph.outputIndex("Identity_1")].values.at(0), expected["Identity_1"].toDouble(), tolerance("landmark_Identity_1")) << what;
    const auto world = out[graph.outputIndex("Identity_4")].values;
    const auto referenceWorld = floats(expected["Identity_4"]);
    ASSERT_EQ(world.size(), 117u);
    ASSERT_EQ(referenceWorld.size(), 117u);
    const double worldTol = tolerance("landmark_Identity_4");
    for (std::size_t i = 0; i < world.size(); ++i) EXPECT_NEAR(world[i], referenceWorld[i], worldTol) << what << " world value " << i;
}

class LandmarkConformance : public ::testing::TestWithParam<LandmarkModel> {};

TEST_P(LandmarkConformance, RawOutputsOnBothStoredCrops) {
    const LandmarkModel model = GetParam();
    ACTIONLENS_REQUIRE_POSE_MODELS(model);
    auto graph = TfliteGraph::load(landmarkModelPath(poseModelDirectory(), model));
    ASSERT_TRUE(graph.ok()) << graph.error();
    const QJsonObject entry = reference()["landmark_models"].toObject()[landmarkModelName(model)].toObject();
    ASSERT_FALSE(entry.isEmpty());
    const std::vector<int> wanted = {graph->outputIndex("Identity"), graph->outputIndex("Identity_1"), graph->outputIndex("Identity_4")};
    for (int o : wanted) ASSERT_GE(o, 0);

    const std::vector<float> pass1 = testing::cropAsLandmarkInput(testing::poseDataDir() + "/" + entry["crop_file"].toString().toStdString());
    auto out1 = graph->run({FloatTensor{{1, 256, 256, 3}, pass1}}, wanted);
    ASSERT_TRUE(out1.ok()) << out1.error();
    EXPECT_TRUE(out1.value()[graph->outputIndex("Identity_2")].values.empty());  // segmentation not wanted, not computed
    checkLandmarkOutputs(out1.value(), *graph, entry["raw_outputs"].toObject(), "pass 1");

    const QJsonObject pass2Entry = entry["passes"].toArray()[1].toObject();
    const std::vector<float> pass2 = testing::cropAsLandmarkInput(testing::poseDataDir() + "/" + pass2Entry["crop_file"].toString().toStdString());
    auto out2 = graph->run({FloatTensor{{1, 256, 256, 3}, pass2}}, wanted);
    ASSERT_TRUE(out2.ok()) << out2.error();
    checkLandmarkOutputs(out2.value(), *graph, pass2Entry["raw_outputs"].toObject(), "pass 2");
}

INSTANTIATE_TEST_SUITE_P(Models, LandmarkConformance, ::testing::Values(LandmarkModel::Lite, LandmarkModel::Full),
                         [](const auto& info) { return std::string(landmarkModelName(info.param)); });

TEST(TfliteGraphConformance, HeavyModelLoadsAndRunsEveryOutput) {
    ACTIONLENS_REQUIRE_POSE_MODELS(LandmarkModel::Heavy);
    auto graph = TfliteGraph::load(landmarkModelPath(poseModelDirectory(), LandmarkModel::Heavy));
    ASSERT_TRUE(graph.ok()) << graph.error();
    ASSERT_EQ(graph->outputs().size(), 5u);
    // No reference values for heavy: the crop of the reference image must still give a
    // confident pose and landmarks inside the crop.
    const QJsonObject entry = reference()["landmark_models"].toObject()["full"].toObject();
    const auto crop = testing::cropAsLandmarkInput(testing::poseDataDir() + "/" + entry["crop_file"].toString().toStdString());
    auto out = graph->run({FloatTensor{{1, 256, 256, 3}, crop}});
    ASSERT_TRUE(out.ok()) << out.error();
    EXPECT_GT(out.value()[graph->outputIndex("Identity_1")].values.at(0), 0.5f);
    EXPECT_EQ(out.value()[graph->outputIndex("Identity_3")].values.size(), 64u * 64 * 39);
    const auto& rows = out.value()[graph->outputIndex("Identity")].values;
    for (int row = 0; row < 33; ++row) {
        EXPECT_GT(rows[row * 5], -64.0f);
        EXPECT_LT(rows[row * 5], 320.0f);
    }
}

}  // namespace
}  // namespace actionlens::pose
