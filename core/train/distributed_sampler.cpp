#include "core/train/distributed_sampler.h"

#include <algorithm>

namespace actionlens::train {

std::int64_t stepsPerEpoch(std::int64_t batches, const BatchShard& shard) {
    const std::int64_t group = shard.batchesPerStep();
    return (batches + group - 1) / group;
}

int batchesInStep(std::int64_t step, std::int64_t batches, const BatchShard& shard) {
    const std::int64_t group = shard.batchesPerStep();
    return int(std::clamp<std::int64_t>(batches - step * group, 0, group));
}

std::vector<int> batchesOfStep(std::int64_t step, std::int64_t batches, const BatchShard& shard) {
    std::vector<int> out;
    const std::int64_t first = step * shard.batchesPerStep();
    for (std::int64_t b = first + shard.rank; b < std::min(batches, first + shard.batchesPerStep()); b += shard.ranks)
        out.push_back(int(b));
    return out;
}

std::vector<int> batchesOfRank(std::int64_t batches, const BatchShard& shard) {
    std::vector<int> out;
    for (std::int64_t s = 0, steps = stepsPerEpoch(batches, shard); s < steps; ++s)
        for (int b : batchesOfStep(s, batches, shard)) out.push_back(b);
    return out;
}

std::vector<int> slicesOfRank(int count, const BatchShard& shard) {
    std::vector<int> out;
    for (int s = shard.rank; s < count; s += shard.ranks) out.push_back(s);
    return out;
}

}  // namespace actionlens::train
