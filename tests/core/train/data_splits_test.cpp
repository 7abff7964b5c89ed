#include "core/train/data_splits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

using namespace actionlens::train;

namespace {

// 3 classes of unequal sizes (23, 11, 7) plus 4 unlabelled items, interleaved.
std::vector<int> unevenLabels() {
    std::vector<int> labels;
    for (int i = 0; i < 23; ++i) labels.push_back(0);
    for (int i = 0; i < 11; ++i) labels.push_back(1);
    for (int i = 0; i < 7; ++i) labels.push_back(2);
    for (int i = 0; i < 4; ++i) labels.push_back(-1);
    // A fixed interleaving so that item order does not follow the classes.
    std::vector<int> mixed(labels.size());
    for (size_t i = 0; i < labels.size(); ++i) mixed[(i * 7) % labels.size()] = labels[i];
    return mixed;
}

std::map<int, int> countByLabel(const std::vector<int>& items, const std::vector<int>& labels) {
    std::map<int, int> counts;
    for (const int item : items) ++counts[labels[item]];
    return counts;
}

// Each item in exactly one test fold, train the complement of test, lists ascending.
void expectPartition(const std::vector<Fold>& folds, size_t itemCount) {
    std::vector<int> timesTested(itemCount, 0);
    for (const Fold& fold : folds) {
        EXPECT_TRUE(std::is_sorted(fold.test.begin(), fold.test.end()));
        EXPECT_TRUE(std::is_sorted(fold.train.begin(), fold.train.end()));
        EXPECT_EQ(fold.train.size() + fold.test.size(), itemCount);
        std::vector<int> all;
        std::merge(fold.train.begin(), fold.train.end(), fold.test.begin(), fold.test.end(),
                   std::back_inserter(all));
        for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], static_cast<int>(i));
        for (const int item : fold.test) ++timesTested[item];
    }
    for (size_t i = 0; i < itemCount; ++i) EXPECT_EQ(timesTested[i], 1) << "item " << i;
}

}  // namespace

TEST(DataSplits, UniformBelowStaysInRangeAndCoversIt) {
    std::mt19937 rng(7);
    std::vector<int> hits(5, 0);
    for (int i = 0; i < 5000; ++i) {
        const uint32_t value = uniformBelow(rng, 5);
        ASSERT_LT(value, 5u);
        ++hits[value];
    }
    for (const int count : hits) EXPECT_GT(count, 800);  // expected 1000 each
    EXPECT_EQ(uniformBelow(rng, 1), 0u);
}

TEST(DataSplits, ShuffleIsAPermutationFixedBySeed) {
    std::vector<int> a(50), b(50), c(50);
    for (int i = 0; i < 50; ++i) a[i] = b[i] = c[i] = i;
    std::mt19937 rngA(3), rngB(3), rngC(4);
    shuffleItems(a, rngA);
    shuffleItems(b, rngB);
    shuffleItems(c, rngC);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    std::vector<int> sorted = a;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < 50; ++i) EXPECT_EQ(sorted[i], i);
    EXPECT_NE(a, sorted);
}

TEST(DataSplits, StratifiedSplitKeepsClassProportionsWithinOneItem) {
    const std::vector<int> labels = unevenLabels();
    const double fraction = 0.3;
    const TrainValidationSplit split = stratifiedSplit(labels, fraction, 11).value();
    EXPECT_EQ(split.validation.size(), 14u);  // round(0.3 * 45) = 13.5 -> 14
    EXPECT_EQ(split.train.size() + split.validation.size(), labels.size());
    const auto train = countByLabel(split.train, labels);
    const auto validation = countByLabel(split.validation, labels);
    std::map<int, int> classSize;
    for (const int label : labels) ++classSize[label];
    for (const auto& [label, size] : classSize) {
        const double exact = fraction * size;
        const int got = validation.count(label) ? validation.at(label) : 0;
        EXPECT_LE(std::abs(got - exact), 1.0) << "label " << label;
        EXPECT_EQ(got + (train.count(label) ? train.at(label) : 0), size);
    }
    std::vector<int> merged;
    std::merge(split.train.begin(), split.train.end(), split.validation.begin(),
               split.validation.end(), std::back_inserter(merged));
    for (size_t i = 0; i < merged.size(); ++i) EXPECT_EQ(merged[i], static_cast<int>(i));
}

TEST(DataSplits, StratifiedSplitIsFixedBySeed) {
    const std::vector<int> labels = unevenLabels();
    const auto a = stratifiedSplit(labels, 0.25, 5).value();
    const auto b = stratifiedSplit(labels, 0.25, 5).value();
    const auto c = stratifiedSplit(labels, 0.25, 6).value();
    EXPECT_EQ(a.validation, b.validation);
    EXPECT_EQ(a.train, b.train);
    EXPECT_NE(a.validation, c.validation);
}

TEST(DataSplits, StratifiedSplitRejectsFractionsThatLeaveASideEmpty) {
    const std::vector<int> labels = {0, 1, 0, 1};
    EXPECT_FALSE(stratifiedSplit(labels, 0.0, 1).ok());
    EXPECT_FALSE(stratifiedSplit(labels, 1.0, 1).ok());
    auto tooSmall = stratifiedSplit(labels, 0.1, 1);
    ASSERT_FALSE(tooSmall.ok());
    EXPECT_NE(tooSmall.error().find("no validation item"), std::string::npos);
    EXPECT_FALSE(stratifiedSplit(labels, 0.9, 1).ok());
}

// 12 videos of 1-5 clips each, interleaved: clips of one video must stay on one side.
std::vector<std::string> videosOfClips() {
    std::vector<std::string> groups;
    for (int v = 0; v < 12; ++v) {
        for (int c = 0; c <= v % 5; ++c) groups.push_back("video " + std::to_string(v));
    }
    // 33 clips; 7 is coprime with 33, so the interleaving is a permutation.
    std::vector<std::string> mixed(groups.size());
    for (size_t i = 0; i < groups.size(); ++i) mixed[(i * 7) % groups.size()] = groups[i];
    return mixed;
}

TEST(DataSplits, GroupedSplitKeepsEachGroupOnOneSideNearTheFraction) {
    const std::vector<std::string> groups = videosOfClips();
    for (uint32_t seed = 1; seed <= 20; ++seed) {
        const auto split = groupedSplit(groups, 0.25, seed).value();
        std::set<std::string> validationGroups, trainGroups;
        for (const int item : split.validation) validationGroups.insert(groups[item]);
        for (const int item : split.train) trainGroups.insert(groups[item]);
        for (const std::string& g : validationGroups) EXPECT_EQ(trainGroups.count(g), 0u) << g << " seed " << seed;
        EXPECT_EQ(split.train.size() + split.validation.size(), groups.size());
        EXPECT_TRUE(std::is_sorted(split.validation.begin(), split.validation.end()));
        const double target = 0.25 * static_cast<double>(groups.size());
        EXPECT_GE(static_cast<double>(split.validation.size()), std::round(target)) << "seed " << seed;
        EXPECT_LT(static_cast<double>(split.validation.size()), std::round(target) + 5) << "at most one group over";
        EXPECT_FALSE(split.train.empty());
    }
    EXPECT_NE(groupedSplit(groups, 0.25, 1).value().validation, groupedSplit(groups, 0.25, 2).value().validation);
    EXPECT_FALSE(groupedSplit({"a", "a", "a"}, 0.3, 1).ok()) << "one group cannot be split";
}

// One clip per video (Penn Action): stratified by label; several clips per video: by videos.
TEST(DataSplits, ValidationSplitStratifiesSingleItemGroupsAndGroupsTheRest) {
    const std::vector<int> labels = unevenLabels();
    std::vector<std::string> ownGroups;
    for (size_t i = 0; i < labels.size(); ++i) ownGroups.push_back("video " + std::to_string(i));
    const auto stratified = validationSplit(labels, ownGroups, 0.25, 3).value();
    EXPECT_EQ(stratified.validation, stratifiedSplit(labels, 0.25, 3).value().validation);

    const std::vector<std::string> groups = videosOfClips();
    const std::vector<int> someLabels(groups.size(), 0);
    const auto grouped = validationSplit(someLabels, groups, 0.25, 3).value();
    EXPECT_EQ(grouped.validation, groupedSplit(groups, 0.25, 3).value().validation);
    EXPECT_FALSE(validationSplit({0, 1}, {"a"}, 0.5, 1).ok()) << "sizes must agree";
}

TEST(DataSplits, StratifiedKFoldPartitionsItemsAndBalancesClasses) {
    const std::vector<int> labels = unevenLabels();
    const int k = 5;
    const std::vector<Fold> folds = stratifiedKFold(labels, k, 21).value();
    ASSERT_EQ(folds.size(), 5u);
    expectPartition(folds, labels.size());
    std::map<int, int> classSize;
    for (const int label : labels) ++classSize[label];
    for (const Fold& fold : folds) {
        EXPECT_EQ(fold.test.size(), 9u);  // 45 / 5
        const auto counts = countByLabel(fold.test, labels);
        for (const auto& [label, size] : classSize) {
            const int got = counts.count(label) ? counts.at(label) : 0;
            EXPECT_LE(std::abs(got - static_cast<double>(size) / k), 1.0) << "label " << label;
        }
    }
}

TEST(DataSplits, StratifiedKFoldIsFixedBySeed) {
    const std::vector<int> labels = unevenLabels();
    const auto a = stratifiedKFold(labels, 4, 9).value();
    const auto b = stratifiedKFold(labels, 4, 9).value();
    const auto c = stratifiedKFold(labels, 4, 10).value();
    bool anyDifferent = false;
    for (size_t f = 0; f < a.size(); ++f) {
        EXPECT_EQ(a[f].test, b[f].test);
        anyDifferent = anyDifferent || a[f].test != c[f].test;
    }
    EXPECT_TRUE(anyDifferent);
    EXPECT_FALSE(stratifiedKFold(labels, 1, 9).ok());
    EXPECT_FALSE(stratifiedKFold({0, 1, 0}, 4, 9).ok());
}

TEST(DataSplits, GroupedKFoldNeverSharesAGroupAndBalancesSizes) {
    // 12 subjects with 1..12 clips each (78 items), subjects interleaved in item order.
    std::vector<std::string> groups;
    for (int size = 12; size >= 1; --size) {
        for (int clip = 0; clip < size; ++clip) groups.push_back("s" + std::to_string(size));
    }
    std::vector<std::string> mixed(groups.size());
    for (size_t i = 0; i < groups.size(); ++i) mixed[(i * 5) % groups.size()] = groups[i];

    const int k = 3;
    const std::vector<Fold> folds = groupedKFold(mixed, k, 17).value();
    ASSERT_EQ(folds.size(), 3u);
    expectPartition(folds, mixed.size());
    std::map<std::string, int> foldOfGroup;
    for (int f = 0; f < k; ++f) {
        for (const int item : folds[f].test) {
            const auto [it, inserted] = foldOfGroup.emplace(mixed[item], f);
            EXPECT_EQ(it->second, f) << "group " << mixed[item] << " in two folds";
        }
        std::set<std::string> trainGroups;
        for (const int item : folds[f].train) trainGroups.insert(mixed[item]);
        for (const int item : folds[f].test) EXPECT_EQ(trainGroups.count(mixed[item]), 0u);
    }
    // Largest first into the smallest fold (lowest index on ties): 12 | 11 | 10, then
    // 9 -> 19 (fold 2), 8 -> 19 (fold 1), 7 -> 19 (fold 0), 6 -> 25 (0), 5 -> 24 (1),
    // 4 -> 23 (2), 3 -> 26 (2), 2 -> 26 (1), 1 -> 26 (0): three folds of 26.
    size_t smallest = mixed.size(), largest = 0;
    for (const Fold& fold : folds) {
        smallest = std::min(smallest, fold.test.size());
        largest = std::max(largest, fold.test.size());
    }
    EXPECT_EQ(smallest, 26u);
    EXPECT_EQ(largest, 26u);
}

TEST(DataSplits, GroupedKFoldIsFixedBySeedAndNeedsEnoughGroups) {
    // Equal-sized groups: only the seed decides which fold each goes to.
    std::vector<std::string> groups;
    for (int g = 0; g < 20; ++g) {
        for (int clip = 0; clip < 3; ++clip) groups.push_back("video" + std::to_string(g));
    }
    const auto a = groupedKFold(groups, 4, 1).value();
    const auto b = groupedKFold(groups, 4, 1).value();
    const auto c = groupedKFold(groups, 4, 2).value();
    bool anyDifferent = false;
    for (size_t f = 0; f < a.size(); ++f) {
        EXPECT_EQ(a[f].test, b[f].test);
        EXPECT_EQ(a[f].test.size(), 15u);
        anyDifferent = anyDifferent || a[f].test != c[f].test;
    }
    EXPECT_TRUE(anyDifferent);

    auto tooFew = groupedKFold({"a", "a", "b", "b"}, 3, 1);
    ASSERT_FALSE(tooFew.ok());
    EXPECT_NE(tooFew.error().find("3 folds need at least 3 distinct groups, got 2"),
              std::string::npos)
        << tooFew.error();
}

TEST(DataSplits, ItemsInSplitFollowTheDatasetsOwnMembership) {
    const std::vector<std::vector<std::string>> splits = {
        {"train"}, {"test"}, {"train", "test1"}, {}, {"test1", "train"}};
    EXPECT_EQ(itemsInSplit(splits, "train").value(), (std::vector<int>{0, 2, 4}));
    EXPECT_EQ(itemsInSplit(splits, "test").value(), (std::vector<int>{1}));
    EXPECT_EQ(itemsInSplit(splits, "test1").value(), (std::vector<int>{2, 4}));
    auto missing = itemsInSplit(splits, "val");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error(),
              "no item belongs to split 'val'; splits present: 'test' 'test1' 'train'");
}
