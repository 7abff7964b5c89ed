// The clips a training run learns from and validates on: the dataset's own split, then a seeded
// validation part that keeps each video's clips together.

#include "core/train/training_items.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace actionlens::train {
namespace {

TEST(TrainingItems, ItemsOfSplitFollowTheDatasetsSplitsAndAllTakesEveryClip) {
    const LabelledDataset data = testing::motionDataset(5);  // 20 clips, every fifth one in "test"
    const std::vector<int> all = itemsOfSplit(data, "all").value();
    EXPECT_EQ(all, testing::allItems(data));
    const std::vector<int> test = itemsOfSplit(data, "test").value();
    EXPECT_EQ(test, (std::vector<int>{4, 9, 14, 19}));
    EXPECT_EQ(itemsOfSplit(data, "train")->size(), 16u);
    Result<std::vector<int>> missing = itemsOfSplit(data, "validation");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("'validation'"), std::string::npos) << missing.error();
    EXPECT_NE(missing.error().find("train"), std::string::npos) << "names the splits there are: " << missing.error();
}

TEST(TrainingItems, ValidationIsASeededPartOfTheSplitWithWholeVideos) {
    const LabelledDataset data = testing::motionDataset(8);  // 32 clips, two per video
    TrainConfig config;
    config.validationFraction = 0.25;
    config.seed = 7;
    const TrainingItems items = chooseTrainingItems(data, "train", config).value();
    EXPECT_TRUE(items.warning.empty()) << items.warning;
    EXPECT_FALSE(items.validation.empty());
    // Together exactly the split's clips, none on both sides.
    std::vector<int> together = items.train;
    together.insert(together.end(), items.validation.begin(), items.validation.end());
    std::sort(together.begin(), together.end());
    EXPECT_EQ(together, itemsOfSplit(data, "train").value());
    // A video's clips stay on one side.
    std::map<std::int64_t, std::set<bool>> sides;
    for (int i : items.train) sides[data.clips[size_t(i)].videoId].insert(false);
    for (int i : items.validation) sides[data.clips[size_t(i)].videoId].insert(true);
    for (const auto& [video, side] : sides) EXPECT_EQ(side.size(), 1u) << "video " << video;
    // The seed fixes the choice.
    const TrainingItems again = chooseTrainingItems(data, "train", config).value();
    EXPECT_EQ(again.train, items.train);
    EXPECT_EQ(again.validation, items.validation);
    config.seed = 8;
    EXPECT_NE(chooseTrainingItems(data, "train", config)->validation, items.validation);
}

TEST(TrainingItems, NoValidationWhenNotAskedOrWhenTheSplitCannotBeDivided) {
    LabelledDataset data = testing::motionDataset(2);
    TrainConfig config;
    config.validationFraction = 0.0;
    const TrainingItems none = chooseTrainingItems(data, "all", config).value();
    EXPECT_EQ(none.train, testing::allItems(data));
    EXPECT_TRUE(none.validation.empty());
    EXPECT_TRUE(none.warning.empty());

    // One video holding every clip: no whole video is left to validate on.
    for (LabelledClip& clip : data.clips) clip.videoId = 1, clip.subjectId = 1;
    config.validationFraction = 0.2;
    const TrainingItems undivided = chooseTrainingItems(data, "all", config).value();
    EXPECT_EQ(undivided.train, testing::allItems(data));
    EXPECT_TRUE(undivided.validation.empty());
    EXPECT_NE(undivided.warning.find("no validation part"), std::string::npos) << undivided.warning;
    EXPECT_FALSE(chooseTrainingItems(data, "nowhere", config).ok());
}

}  // namespace
}  // namespace actionlens::train
