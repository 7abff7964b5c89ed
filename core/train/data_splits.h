#pragma once

// Which items train and which evaluate: random stratified train/validation splits, stratified
// k-fold cross-validation, grouped k-fold (no subject or video in two folds, so a model is
// never tested on a person it has seen) and the dataset's own named splits. Every split is a
// function of its inputs and a seed only: the same seed gives the same items on every machine
// and standard library (our own Fisher-Yates over std::mt19937, whose output the standard
// fixes; std::shuffle and std::uniform_int_distribution are implementation-defined).

#include "core/common/result.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace actionlens::train {

// Item indices, each list ascending.
struct TrainValidationSplit {
    std::vector<int> train;
    std::vector<int> validation;
};

struct Fold {
    std::vector<int> train;
    std::vector<int> test;
};

// Uniform integer in [0, bound) from rejection sampling on the 32-bit output; bound >= 1.
uint32_t uniformBelow(std::mt19937& rng, uint32_t bound);

// Fisher-Yates shuffle driven by uniformBelow.
void shuffleItems(std::vector<int>& items, std::mt19937& rng);

// Random split stratified by label (-1, missing, is a stratum of its own). The validation set
// holds round(fraction * N) items, shared among the classes by largest remainder so that each
// class contributes floor or ceil of fraction * its size. fraction in (0, 1), and both sides
// must get at least one item.
Result<TrainValidationSplit> stratifiedSplit(const std::vector<int>& labels,
                                             double validationFraction, uint32_t seed);

// Random split by whole groups (video, subject, ...): groups in an order shuffled by the seed go
// to validation until it holds round(fraction * N) items or more, so no group has items on both
// sides. Needs two groups at least; both sides must get an item.
Result<TrainValidationSplit> groupedSplit(const std::vector<std::string>& groups,
                                          double validationFraction, uint32_t seed);

// The validation part a training run holds out: stratified by label while every group holds a
// single item (e.g. one clip per Penn Action video), by whole groups as soon as a group holds
// several (clips of one video are near-duplicates: split apart, validation would flatter the
// model and early stopping would trust it).
Result<TrainValidationSplit> validationSplit(const std::vector<int>& labels,
                                             const std::vector<std::string>& groups,
                                             double validationFraction, uint32_t seed);

// k folds; each item is in exactly one test fold. Each class's items are shuffled and dealt
// round-robin to the folds, continuing where the previous class stopped, so every class and
// the fold sizes differ by at most one item between folds. 2 <= k <= N.
Result<std::vector<Fold>> stratifiedKFold(const std::vector<int>& labels, int k, uint32_t seed);

// k folds where all items of a group (subject, video, ...) share a fold. Groups are visited
// largest first (equal sizes in an order shuffled by the seed) and each goes to the fold with
// the fewest items so far (lowest index on ties). Needs at least k distinct groups.
Result<std::vector<Fold>> groupedKFold(const std::vector<std::string>& groups, int k,
                                       uint32_t seed);

// The dataset's own split: items whose list of split names contains `name` (e.g. "train" for
// Penn Action's train flag, "test1" for UCF101 split 1). An error names the splits that exist
// when no item belongs to `name`.
Result<std::vector<int>> itemsInSplit(const std::vector<std::vector<std::string>>& itemSplits,
                                      const std::string& name);

}  // namespace actionlens::train
