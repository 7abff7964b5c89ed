#include "core/model/skeleton_graph.h"

#include <gtest/gtest.h>

namespace actionlens::model {
namespace {

SkeletonLayout chain(int centre) { return SkeletonLayout{3, {{0, 1}, {1, 2}}, centre}; }

TEST(SkeletonGraph, ChainCentredInTheMiddle) {
    const Result<SkeletonGraph> graph = SkeletonGraph::build(chain(1));
    ASSERT_TRUE(graph.ok()) << graph.error();
    EXPECT_EQ(graph->hopsToCentre(), (std::vector<int>{1, 0, 1}));
    // Neighbourhood sizes (self included): 2, 3, 2.
    const float half = 1.0f / 2.0f, third = 1.0f / 3.0f;
    const std::vector<float> expected = {
        // root: each joint itself
        half, 0, 0,  0, third, 0,  0, 0, half,
        // centripetal: the end joints receive from the centre
        0, half, 0,  0, 0, 0,  0, half, 0,
        // centrifugal: the centre receives from both ends
        0, 0, 0,  third, 0, third,  0, 0, 0,
    };
    ASSERT_EQ(graph->partitions().size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) EXPECT_FLOAT_EQ(graph->partitions()[i], expected[i]) << i;
}

TEST(SkeletonGraph, ChainCentredAtAnEnd) {
    const Result<SkeletonGraph> graph = SkeletonGraph::build(chain(0));
    ASSERT_TRUE(graph.ok()) << graph.error();
    EXPECT_EQ(graph->hopsToCentre(), (std::vector<int>{0, 1, 2}));
    EXPECT_FLOAT_EQ(graph->weight(Partition::Root, 0, 0), 0.5f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Root, 1, 1), 1.0f / 3.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centripetal, 1, 0), 1.0f / 3.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centripetal, 2, 1), 0.5f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centrifugal, 0, 1), 0.5f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centrifugal, 1, 2), 1.0f / 3.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centripetal, 0, 1), 0.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centrifugal, 2, 1), 0.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Root, 0, 2), 0.0f);  // not neighbours
}

TEST(SkeletonGraph, EveryJointAveragesItsNeighbourhood) {
    // A small star with a tail: each joint's weights over all partitions sum to 1.
    const Result<SkeletonGraph> graph = SkeletonGraph::build({5, {{0, 1}, {1, 2}, {1, 3}, {1, 4}}, 0});
    ASSERT_TRUE(graph.ok()) << graph.error();
    for (int target = 0; target < 5; ++target) {
        float sum = 0.0f;
        for (int p = 0; p < kPartitionCount; ++p)
            for (int source = 0; source < 5; ++source) sum += graph->weight(Partition(p), target, source);
        EXPECT_NEAR(sum, 1.0f, 1e-6f) << "joint " << target;
    }
}

TEST(SkeletonGraph, NeighboursAtTheSameDistanceCountAsRoot) {
    // Triangle 0 - 1 - 2 - 0 centred on 0: joints 1 and 2 are both one hop away.
    const Result<SkeletonGraph> graph = SkeletonGraph::build({3, {{0, 1}, {1, 2}, {2, 0}}, 0});
    ASSERT_TRUE(graph.ok()) << graph.error();
    EXPECT_FLOAT_EQ(graph->weight(Partition::Root, 1, 2), 1.0f / 3.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centripetal, 1, 2), 0.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centrifugal, 1, 2), 0.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centripetal, 1, 0), 1.0f / 3.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centrifugal, 0, 2), 1.0f / 3.0f);
}

TEST(SkeletonGraph, JointCutOffFromTheCentreOnlyHasRoot) {
    const Result<SkeletonGraph> graph = SkeletonGraph::build({4, {{0, 1}, {2, 3}}, 0});
    ASSERT_TRUE(graph.ok()) << graph.error();
    EXPECT_EQ(graph->hopsToCentre(), (std::vector<int>{0, 1, -1, -1}));
    EXPECT_FLOAT_EQ(graph->weight(Partition::Root, 2, 3), 0.5f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centripetal, 2, 3), 0.0f);
    EXPECT_FLOAT_EQ(graph->weight(Partition::Centrifugal, 2, 3), 0.0f);
}

TEST(SkeletonGraph, EachBoneEndsAtTheJointOneHopNearerTheCentre) {
    EXPECT_EQ(SkeletonGraph::build(chain(1))->boneParents(), (std::vector<int>{1, 1, 1}));
    EXPECT_EQ(SkeletonGraph::build(chain(0))->boneParents(), (std::vector<int>{0, 0, 1}));
    // A star with a tail, centred on its tail's end: 0 - 1 - {2, 3, 4}.
    EXPECT_EQ(SkeletonGraph::build({5, {{0, 1}, {1, 2}, {1, 3}, {1, 4}}, 0})->boneParents(), (std::vector<int>{0, 0, 1, 1, 1}));
    // Joints cut off from the centre have no bone (they name themselves).
    EXPECT_EQ(SkeletonGraph::build({4, {{0, 1}, {2, 3}}, 0})->boneParents(), (std::vector<int>{0, 0, 2, 3}));
}

TEST(SkeletonGraph, RejectsBadLayouts) {
    const Result<SkeletonGraph> outOfRange = SkeletonGraph::build({3, {{0, 3}}, 0});
    ASSERT_FALSE(outOfRange.ok());
    EXPECT_NE(outOfRange.error().find("edge 0 (0, 3)"), std::string::npos) << outOfRange.error();
    EXPECT_FALSE(SkeletonGraph::build({3, {{1, 1}}, 0}).ok());
    EXPECT_FALSE(SkeletonGraph::build({3, {{0, 1}}, 3}).ok());
    EXPECT_FALSE(SkeletonGraph::build({0, {}, 0}).ok());
}

}  // namespace
}  // namespace actionlens::model
