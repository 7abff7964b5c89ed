// The ranks' shares of an epoch: disjoint, together every batch once, step by step the same
// groups of batches as one process with accumulate_batches = ranks.

#include "core/train/distributed_sampler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace actionlens::train {
namespace {

TEST(DistributedSampler, RanksShareEveryBatchOnceAndStepByStepLikeOneProcessAccumulating) {
    for (int batches : {1, 6, 7, 8, 29})
        for (int ranks : {1, 2, 3, 4})
            for (int accumulate : {1, 2}) {
                const BatchShard one{1, 0, ranks * accumulate};
                std::multiset<int> seen;
                for (int r = 0; r < ranks; ++r) {
                    const BatchShard shard{ranks, r, accumulate};
                    EXPECT_EQ(stepsPerEpoch(batches, shard), stepsPerEpoch(batches, one));
                    for (int b : batchesOfRank(batches, shard)) seen.insert(b);
                }
                EXPECT_EQ(seen.size(), size_t(batches)) << batches << " " << ranks;
                for (int b = 0; b < batches; ++b) EXPECT_EQ(seen.count(b), 1u) << b;
                for (std::int64_t s = 0; s < stepsPerEpoch(batches, one); ++s) {
                    std::vector<int> union_;
                    for (int r = 0; r < ranks; ++r)
                        for (int b : batchesOfStep(s, batches, BatchShard{ranks, r, accumulate})) union_.push_back(b);
                    std::sort(union_.begin(), union_.end());
                    EXPECT_EQ(union_, batchesOfStep(s, batches, one)) << "step " << s;
                    EXPECT_EQ(int(union_.size()), batchesInStep(s, batches, one));
                }
            }
}

TEST(DistributedSampler, TheLastStepMayLeaveARankWithoutABatch) {
    const BatchShard third{3, 2, 1};
    EXPECT_EQ(stepsPerEpoch(7, third), 3);
    EXPECT_EQ(batchesOfStep(0, 7, third), (std::vector<int>{2}));
    EXPECT_TRUE(batchesOfStep(2, 7, third).empty());
    EXPECT_EQ(batchesInStep(2, 7, third), 1);
    EXPECT_EQ(batchesOfRank(7, third), (std::vector<int>{2, 5}));
    EXPECT_EQ(slicesOfRank(7, third), (std::vector<int>{2, 5}));
}

}  // namespace
}  // namespace actionlens::train
