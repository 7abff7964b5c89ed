#pragma once

// Dataset splits for a synthetic project: which videos are for training and which for testing.
// Decided by the seed alone (its own generator, so the split does not shift anything else the
// seed decides), and stratified so that with two videos or more both splits are non-empty.

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::synth {

inline constexpr const char* kTrainSplit = "train";
inline constexpr const char* kTestSplit = "test";

// One split name per video: round(videos * testFraction) of them (at least 1, at most videos - 1,
// when videos >= 2) are "test", chosen at random; the rest, and a single video, are "train".
std::vector<std::string> assignSplits(int videos, double testFraction, std::uint32_t seed);

}  // namespace actionlens::synth
