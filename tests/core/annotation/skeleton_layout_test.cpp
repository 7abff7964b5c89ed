#include "core/annotation/skeleton_layout.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace actionlens::annotation;

namespace {
const SkeletonLayout& layout(const std::string& name) {
    for (const SkeletonLayout& l : builtinSkeletonLayouts())
        if (l.name == name) return l;
    throw std::runtime_error("no layout " + name);
}

std::string mirrored(std::string name) {
    for (auto [from, to] : {std::pair<std::string, std::string>{"left", "right"}, {"right", "left"}})
        if (auto at = name.find(from); at != std::string::npos) return name.replace(at, from.size(), to);
    return name;
}
}  // namespace

TEST(SkeletonLayout, BuiltInLayoutsHaveTheirFormatsJointCounts) {
    const std::map<std::string, size_t> counts{{"COCO-17", 17}, {"Penn-13", 13}, {"BODY_25", 25}, {"MediaPipe-33", 33}};
    ASSERT_EQ(builtinSkeletonLayouts().size(), counts.size());
    for (const auto& [name, n] : counts) {
        EXPECT_EQ(layout(name).joints.size(), n) << name;
        EXPECT_TRUE(validateSkeletonLayout(layout(name)).ok()) << name;
    }
    EXPECT_EQ(layout("MediaPipe-33").edges.size(), 35u);
}

TEST(SkeletonLayout, Penn13FollowsPennActionsJointOrder) {
    const std::vector<std::string> expected{"head", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow",
                                            "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee",
                                            "right_knee", "left_ankle", "right_ankle"};
    EXPECT_EQ(layout("Penn-13").joints, expected);
}

TEST(SkeletonLayout, MirrorPairsMatchEverySidedJointWithItsCounterpart) {
    for (const SkeletonLayout& l : builtinSkeletonLayouts()) {
        std::set<int> paired;
        for (const auto& [left, right] : l.mirrorPairs) {
            EXPECT_NE(l.joints[left].find("left"), std::string::npos) << l.name << " " << l.joints[left];
            EXPECT_EQ(mirrored(l.joints[left]), l.joints[right]) << l.name;
            paired.insert(left);
            paired.insert(right);
        }
        for (size_t j = 0; j < l.joints.size(); ++j)
            EXPECT_EQ(mirrored(l.joints[j]) != l.joints[j], paired.count(static_cast<int>(j)) == 1)
                << l.name << " " << l.joints[j];
    }
}

TEST(SkeletonLayout, EveryJointIsConnected) {
    for (const SkeletonLayout& l : builtinSkeletonLayouts()) {
        std::set<int> touched;
        for (const auto& [a, b] : l.edges) touched.insert({a, b});
        EXPECT_EQ(touched.size(), l.joints.size()) << l.name;
    }
}

TEST(SkeletonLayout, ValidationNamesTheProblem) {
    SkeletonLayout bad{0, "mine", {"a", "b", "a"}, {}, {}};
    auto s = validateSkeletonLayout(bad);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().find("two joints 'a'"), std::string::npos);
    bad.joints = {"a", "b"};
    bad.edges = {{0, 2}};
    s = validateSkeletonLayout(bad);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().find("edge (0, 2)"), std::string::npos);
    bad.edges = {{0, 1}};
    bad.mirrorPairs = {{0, 1}, {1, 0}};
    EXPECT_FALSE(validateSkeletonLayout(bad).ok());
    EXPECT_EQ(layout("COCO-17").jointIndex("left_wrist"), 9);
    EXPECT_EQ(layout("COCO-17").jointIndex("tail"), -1);
}
