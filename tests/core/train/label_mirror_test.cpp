// What mirroring a clip does to its labels: declared maps, undeclared tasks left out (or kept
// when forced), the notice training gives, and that a label only mirroring can reveal (which
// way a person faces) is learnt with mirroring on.

#include "core/train/label_mirror.h"

#include "core/train/batch_loader.h"
#include "core/train/trainer.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::train {
namespace {

DatasetTask sidedTask() { return DatasetTask{"viewpoint", {"front", "left", "right", "back"}, {0, 2, 1, 3}}; }

TEST(MirroredLabel, FollowsTheDeclaredMap) {
    const DatasetTask task = sidedTask();
    EXPECT_EQ(mirroredLabel(task, 1, false), 2);
    EXPECT_EQ(mirroredLabel(task, 2, false), 1);
    EXPECT_EQ(mirroredLabel(task, 0, false), 0);
    EXPECT_EQ(mirroredLabel(task, 3, true), 3);
    EXPECT_EQ(mirroredLabel(task, -1, false), -1);
}

TEST(MirroredLabel, LeavesAnUndeclaredTaskOutUnlessForced) {
    const DatasetTask undeclared{"hand", {"left", "right"}, {}};
    EXPECT_EQ(mirroredLabel(undeclared, 0, false), -1);
    EXPECT_EQ(mirroredLabel(undeclared, 1, false), -1);
    EXPECT_EQ(mirroredLabel(undeclared, 1, true), 1);
    EXPECT_EQ(mirroredLabel(undeclared, -1, true), -1);
}

TEST(ValidateMirrorMap, AcceptsPairsAndNoMap) {
    EXPECT_TRUE(validateMirrorMap(sidedTask()).ok());
    EXPECT_TRUE(validateMirrorMap(DatasetTask{"hand", {"left", "right"}, {}}).ok());
}

TEST(ValidateMirrorMap, NamesTheTaskAndClassOfABrokenMap) {
    const Status shortMap = validateMirrorMap(DatasetTask{"viewpoint", {"front", "left", "right"}, {0, 2}});
    ASSERT_FALSE(shortMap.ok());
    EXPECT_NE(shortMap.error().find("'viewpoint'"), std::string::npos) << shortMap.error();
    EXPECT_NE(shortMap.error().find("2 entries for 3 classes"), std::string::npos) << shortMap.error();
    const Status outside = validateMirrorMap(DatasetTask{"viewpoint", {"front", "left"}, {0, 5}});
    ASSERT_FALSE(outside.ok());
    EXPECT_NE(outside.error().find("class 'left'"), std::string::npos) << outside.error();
    const Status oneWay = validateMirrorMap(DatasetTask{"viewpoint", {"front", "left", "right"}, {0, 2, 2}});
    ASSERT_FALSE(oneWay.ok());
    EXPECT_NE(oneWay.error().find("does not mirror back"), std::string::npos) << oneWay.error();
}

TEST(UndeclaredMirrorNotice, NamesTheTasksWithoutAMapAndTheirSidedValues) {
    LabelledDataset data = testing::motionDataset(2);
    testing::declareMirrors(data);
    data.tasks[0].mirrorOf.clear();  // the actions: "wave_left", "wave_right" look sided
    data.tasks[1].mirrorOf.clear();  // the groups: nothing looks sided
    TrainConfig config = testing::tinyTrainConfig();
    config.augmentation.enabled = true;
    const ModelSnapshot snapshot = snapshotFor(data, testing::allItems(data), config).value();
    const std::string notice = undeclaredMirrorNotice(data, snapshot, config);
    EXPECT_NE(notice.find("tasks 'action' (its values 'wave_left', 'wave_right' look sided), 'group' declare"),
              std::string::npos)
        << notice;
    EXPECT_EQ(notice.find("viewpoint"), std::string::npos) << notice;
    EXPECT_NE(notice.find("left out of mirrored clips"), std::string::npos) << notice;

    config.augmentation.forceMirrorUndeclared = true;
    EXPECT_NE(undeclaredMirrorNotice(data, snapshot, config).find("keeps their labels"), std::string::npos);
    config.augmentation.mirrorProbability = 0.0;
    EXPECT_EQ(undeclaredMirrorNotice(data, snapshot, config), "") << "nothing is mirrored";
    config.augmentation.mirrorProbability = 0.5;
    config.augmentation.enabled = false;
    EXPECT_EQ(undeclaredMirrorNotice(data, snapshot, config), "") << "no augmentation";
}

TEST(UndeclaredMirrorNotice, IsEmptyWhenEveryLearntTaskDeclaresAMap) {
    LabelledDataset data = testing::motionDataset(2);
    testing::declareMirrors(data);
    TrainConfig config = testing::tinyTrainConfig();
    config.augmentation.enabled = true;
    EXPECT_EQ(undeclaredMirrorNotice(data, snapshotFor(data, testing::allItems(data), config).value(), config), "");
    data.tasks[2].mirrorOf.clear();  // viewpoint undeclared, but not learnt
    config.tasks = {"action"};
    EXPECT_EQ(undeclaredMirrorNotice(data, snapshotFor(data, testing::allItems(data), config).value(), config), "");
}

TEST(UndeclaredMirrorNotice, VideoTrunksAskTheFramesFlip) {
    LabelledDataset data = testing::motionDataset(2);
    TrainConfig config = testing::tinyTrainConfig();
    config.trunkKind = model::TrunkKind::Video;
    config.augmentation.enabled = false;  // the skeleton's mirror does not matter to a video trunk
    const ModelSnapshot snapshot = snapshotFor(data, testing::allItems(data), config).value();
    EXPECT_NE(undeclaredMirrorNotice(data, snapshot, config), "");
    config.rgbAugmentation.flipProbability = 0.0;
    EXPECT_EQ(undeclaredMirrorNotice(data, snapshot, config), "");
}

}  // namespace
}  // namespace actionlens::train
