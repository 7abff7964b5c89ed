#include "core/model/skeleton_graph.h"

#include <queue>
#include <string>

namespace actionlens::model {

Result<SkeletonGraph> SkeletonGraph::build(const SkeletonLayout& layout) {
    const int v = layout.jointCount;
    if (v <= 0)
        return makeError("skeleton layout has " + std::to_string(v) + " joints, expected at least 1");
    if (layout.centreJoint < 0 || layout.centreJoint >= v)
        return makeError("skeleton centre joint " + std::to_string(layout.centreJoint) +
                         " is out of range (0.." + std::to_string(v - 1) + ")");

    std::vector<std::vector<char>> adjacent(v, std::vector<char>(v, 0));
    for (size_t e = 0; e < layout.edges.size(); ++e) {
        const auto [a, b] = layout.edges[e];
        if (a < 0 || a >= v || b < 0 || b >= v)
            return makeError("skeleton edge " + std::to_string(e) + " (" + std::to_string(a) + ", " +
                             std::to_string(b) + ") names a joint outside 0.." + std::to_string(v - 1));
        if (a == b)
            return makeError("skeleton edge " + std::to_string(e) + " joins joint " + std::to_string(a) +
                             " to itself");
        adjacent[a][b] = adjacent[b][a] = 1;
    }

    SkeletonGraph graph;
    graph.jointCount_ = v;
    graph.hops_.assign(v, -1);
    std::queue<int> frontier;
    graph.hops_[layout.centreJoint] = 0;
    frontier.push(layout.centreJoint);
    while (!frontier.empty()) {
        const int j = frontier.front();
        frontier.pop();
        for (int k = 0; k < v; ++k) {
            if (adjacent[j][k] && graph.hops_[k] < 0) {
                graph.hops_[k] = graph.hops_[j] + 1;
                frontier.push(k);
            }
        }
    }

    graph.parents_.resize(size_t(v));
    for (int j = 0; j < v; ++j) {
        graph.parents_[size_t(j)] = j;
        if (graph.hops_[j] <= 0) continue;
        for (int k = 0; k < v; ++k)
            if (adjacent[j][k] && graph.hops_[k] == graph.hops_[j] - 1) {
                graph.parents_[size_t(j)] = k;
                break;
            }
    }

    graph.partitions_.assign(size_t(kPartitionCount) * v * v, 0.0f);
    auto at = [&](Partition p, int target, int source) -> float& {
        return graph.partitions_[(size_t(p) * v + target) * v + source];
    };
    for (int i = 0; i < v; ++i) {
        int neighbourhood = 1;
        for (int j = 0; j < v; ++j) neighbourhood += adjacent[i][j];
        const float w = 1.0f / float(neighbourhood);
        at(Partition::Root, i, i) = w;
        for (int j = 0; j < v; ++j) {
            if (!adjacent[i][j]) continue;
            const int hi = graph.hops_[i];
            const int hj = graph.hops_[j];
            // A joint cut off from the centre has no direction towards it: its neighbours
            // (equally cut off) count as root, as joints at the same distance do.
            Partition p = Partition::Root;
            if (hi >= 0 && hj >= 0 && hj < hi) p = Partition::Centripetal;
            if (hi >= 0 && hj >= 0 && hj > hi) p = Partition::Centrifugal;
            at(p, i, j) = w;
        }
    }
    return graph;
}

float SkeletonGraph::weight(Partition p, int target, int source) const {
    return partitions_[(size_t(p) * jointCount_ + target) * jointCount_ + source];
}

}  // namespace actionlens::model
