#include "core/train/model_snapshot.h"

#include "train_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::train {
namespace {

ModelSnapshot sample() {
    LabelledDataset data = testing::motionDataset(1);
    testing::declareMirrors(data);
    ModelSnapshot s;
    s.taxonomyName = data.taxonomyName;
    s.layoutName = data.layoutName;
    s.mirrorPairs = data.mirrorPairs;
    s.model.layout = data.layout;
    s.model.trunk.channels = {8, 16};
    s.model.trunk.temporalStrides = {1, 2};
    s.model.trunk.dropout = 0.25;
    s.model.trunk.motionFeatures = true;
    s.testTimeMirror = true;
    s.priorCorrection = {{1.5, 0.5, 1.0, 1.0}, {}};
    s.tasks = {data.tasks[0], data.tasks[2]};
    s.model.tasks = {{"action", 4}, {"viewpoint", 2}};
    s.hierarchy = data.hierarchy;
    s.frames = 8;
    s.windowFrames = 17;
    return s;
}

TEST(ModelSnapshot, JsonRoundTripKeepsEverything) {
    const ModelSnapshot s = sample();
    Result<ModelSnapshot> back = modelSnapshotFromJson(parseJson(writeJson(modelSnapshotToJson(s))).value());
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(writeJson(modelSnapshotToJson(back.value())), writeJson(modelSnapshotToJson(s)));
    EXPECT_EQ(back->model.layout.edges, s.model.layout.edges);
    EXPECT_EQ(back->model.layout.centreJoint, 1);
    EXPECT_EQ(back->model.trunk.dropout, 0.25);
    EXPECT_EQ(back->tasks[1].classNames, (std::vector<std::string>{"front", "back"}));
    EXPECT_EQ(back->model.tasks[1].classCount, 2);
    ASSERT_TRUE(back->hierarchy.has_value());
    EXPECT_EQ(back->hierarchy->groupOfAction, (std::vector<int>{0, 0, 1, 1}));
    EXPECT_EQ(back->windowFrames, 17);
    EXPECT_TRUE(back->model.trunk.motionFeatures);
    EXPECT_TRUE(back->testTimeMirror);
    EXPECT_EQ(back->priorCorrection, s.priorCorrection);
    EXPECT_FALSE(back->model.trunk.boneFeatures);
    EXPECT_EQ(back->tasks[0].mirrorOf, (std::vector<int>{1, 0, 2, 3}));
    EXPECT_EQ(back->tasks[1].mirrorOf, (std::vector<int>{1, 0}));

    // A model trained before labels were mirrored (and before derived features): no map, the
    // task undeclared; the joints alone.
    nlohmann::ordered_json old = modelSnapshotToJson(s);
    old.erase("bone_features");
    old.erase("motion_features");
    old.erase("test_time_mirror");
    old.erase("prior_correction");
    for (auto& task : old["tasks"]) task.erase("mirror");
    Result<ModelSnapshot> before = modelSnapshotFromJson(old);
    ASSERT_TRUE(before.ok()) << before.error();
    EXPECT_TRUE(before->tasks[0].mirrorOf.empty());
    EXPECT_FALSE(before->model.trunk.motionFeatures);
    EXPECT_FALSE(before->testTimeMirror);
    old["tasks"][0]["mirror"] = {1, 1, 2, 3};
    Result<ModelSnapshot> broken = modelSnapshotFromJson(old);
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().find("does not mirror back"), std::string::npos) << broken.error();

    nlohmann::ordered_json without = modelSnapshotToJson(s);
    without.erase("trunk_channels");
    Result<ModelSnapshot> missing = modelSnapshotFromJson(without);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error(), "model description lacks 'trunk_channels'");
}

TEST(ModelSnapshot, KeepsTheTrunkAndReadsFilesFromBeforeVideoAsSkeletonModels) {
    ModelSnapshot s = sample();
    s.model.trunkKind = model::TrunkKind::Fusion;
    s.model.video.channels = {8, 24};
    s.model.video.frames = 6;
    s.model.video.size = 48;
    Result<ModelSnapshot> back = modelSnapshotFromJson(modelSnapshotToJson(s));
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back->model.trunkKind, model::TrunkKind::Fusion);
    EXPECT_EQ(back->model.video.channels, (std::vector<int>{8, 24}));
    EXPECT_EQ(back->model.video.frames, 6);
    EXPECT_EQ(back->model.video.size, 48);

    // A skeleton snapshot as written before the video trunk existed: no "trunk", no "video".
    nlohmann::ordered_json stripped = modelSnapshotToJson(sample());
    stripped.erase("trunk");
    stripped.erase("video");
    back = modelSnapshotFromJson(stripped);
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back->model.trunkKind, model::TrunkKind::Skeleton);

    stripped["trunk"] = "rgb";
    back = modelSnapshotFromJson(stripped);
    ASSERT_FALSE(back.ok());
    EXPECT_NE(back.error().find("expected skeleton, video or fusion"), std::string::npos) << back.error();
}

TEST(ModelSnapshot, MatchesDatasetTasksByNameAndRefusesOtherClasses) {
    LabelledDataset data = testing::motionDataset(1);
    const ModelSnapshot s = sample();
    Result<std::vector<int>> columns = matchDatasetTasks(s, data);
    ASSERT_TRUE(columns.ok()) << columns.error();
    EXPECT_EQ(columns.value(), (std::vector<int>{0, 2}));
    data.tasks.erase(data.tasks.begin() + 2);  // no viewpoint any more
    EXPECT_EQ(matchDatasetTasks(s, data).value(), (std::vector<int>{0, -1}));
    std::swap(data.tasks[0].classNames[0], data.tasks[0].classNames[1]);
    Result<std::vector<int>> reordered = matchDatasetTasks(s, data);
    ASSERT_FALSE(reordered.ok());
    EXPECT_NE(reordered.error().find("task 'action' has other classes"), std::string::npos) << reordered.error();
}

}  // namespace
}  // namespace actionlens::train
