#pragma once

// SkeletonGraph: the ST-GCN "spatial configuration" partitions of a skeleton's joint graph.
// For every joint i, its neighbourhood (itself and the joints sharing an edge with it) is split
// into three partitions by hop distance to the centre joint: root (same distance as i),
// centripetal (closer to the centre) and centrifugal (farther). Each entry is divided by the
// size of i's neighbourhood so that a graph convolution averages rather than sums: joints with
// many neighbours would otherwise dominate the feature scale.

#include "core/common/result.h"
#include "core/model/model_config.h"

#include <vector>

namespace actionlens::model {

enum class Partition { Root = 0, Centripetal = 1, Centrifugal = 2 };
inline constexpr int kPartitionCount = 3;

class SkeletonGraph {
public:
    static Result<SkeletonGraph> build(const SkeletonLayout& layout);

    int jointCount() const { return jointCount_; }
    // Hop distance of each joint to the centre; -1 for joints not connected to it.
    const std::vector<int>& hopsToCentre() const { return hops_; }
    // For each joint, the neighbour one hop nearer the centre (the lowest-numbered of several):
    // the other end of its bone. The centre, and joints cut off from it, name themselves.
    const std::vector<int>& boneParents() const { return parents_; }
    // Weight with which joint `source` contributes to joint `target` in partition p.
    float weight(Partition p, int target, int source) const;
    // All partitions as a (3, V, V) row-major array indexed [partition][target][source].
    const std::vector<float>& partitions() const { return partitions_; }

private:
    SkeletonGraph() = default;

    int jointCount_ = 0;
    std::vector<int> hops_;
    std::vector<int> parents_;
    std::vector<float> partitions_;
};

}  // namespace actionlens::model
