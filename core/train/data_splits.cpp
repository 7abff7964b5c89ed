#include "core/train/data_splits.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace actionlens::train {

namespace {

// Items grouped by label in ascending label order, each group in item order.
std::map<int, std::vector<int>> itemsByLabel(const std::vector<int>& labels) {
    std::map<int, std::vector<int>> strata;
    for (size_t i = 0; i < labels.size(); ++i) strata[labels[i]].push_back(static_cast<int>(i));
    return strata;
}

// Folds from a fold index per item: test = items of the fold, train = all others.
std::vector<Fold> foldsFromAssignment(const std::vector<int>& foldOfItem, int k) {
    std::vector<Fold> folds(k);
    for (size_t i = 0; i < foldOfItem.size(); ++i) {
        for (int f = 0; f < k; ++f) {
            (f == foldOfItem[i] ? folds[f].test : folds[f].train).push_back(static_cast<int>(i));
        }
    }
    return folds;
}

Status checkFoldCount(int k, size_t units, const char* unitName) {
    if (k < 2) return makeError("cross-validation needs at least 2 folds, got " + std::to_string(k));
    if (static_cast<size_t>(k) > units) {
        return makeError(std::to_string(k) + " folds need at least " + std::to_string(k) + " " +
                         unitName + ", got " + std::to_string(units));
    }
    return Status::success();
}

}  // namespace

uint32_t uniformBelow(std::mt19937& rng, uint32_t bound) {
    // Reject the top partial block of [0, 2^32) so every residue is equally likely.
    const uint64_t range = uint64_t{1} << 32;
    const uint64_t limit = range - range % bound;
    uint64_t draw;
    do {
        draw = rng();
    } while (draw >= limit);
    return static_cast<uint32_t>(draw % bound);
}

void shuffleItems(std::vector<int>& items, std::mt19937& rng) {
    for (size_t i = items.size(); i > 1; --i) {
        const uint32_t j = uniformBelow(rng, static_cast<uint32_t>(i));
        std::swap(items[i - 1], items[j]);
    }
}

Result<TrainValidationSplit> stratifiedSplit(const std::vector<int>& labels,
                                             double validationFraction, uint32_t seed) {
    if (!(validationFraction > 0.0 && validationFraction < 1.0)) {
        return makeError("validation fraction must be between 0 and 1 (exclusive), got " +
                         std::to_string(validationFraction));
    }
    const size_t n = labels.size();
    const auto total = static_cast<size_t>(std::llround(validationFraction * static_cast<double>(n)));
    if (total == 0 || total == n) {
        return makeError("a validation fraction of " + std::to_string(validationFraction) +
                         " of " + std::to_string(n) + " items leaves " +
                         (total == 0 ? "no validation item" : "no training item"));
    }

    auto strata = itemsByLabel(labels);
    // Largest remainder: floor shares first, then one more to the largest fractional parts
    // (lower label first on equal parts).
    struct Share {
        int label;
        size_t count;
        double remainder;
    };
    std::vector<Share> shares;
    size_t assigned = 0;
    for (const auto& [label, items] : strata) {
        const double exact = validationFraction * static_cast<double>(items.size());
        const auto floorShare = static_cast<size_t>(std::floor(exact));
        shares.push_back({label, floorShare, exact - static_cast<double>(floorShare)});
        assigned += floorShare;
    }
    std::vector<size_t> byRemainder(shares.size());
    for (size_t i = 0; i < shares.size(); ++i) byRemainder[i] = i;
    std::stable_sort(byRemainder.begin(), byRemainder.end(), [&](size_t a, size_t b) {
        return shares[a].remainder > shares[b].remainder;
    });
    for (size_t i = 0; assigned < total && i < byRemainder.size(); ++i, ++assigned) {
        ++shares[byRemainder[i]].count;
    }

    std::mt19937 rng(seed);
    TrainValidationSplit split;
    for (const Share& share : shares) {
        std::vector<int> items = strata[share.label];
        shuffleItems(items, rng);
        split.validation.insert(split.validation.end(), items.begin(), items.begin() + share.count);
        split.train.insert(split.train.end(), items.begin() + share.count, items.end());
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    return split;
}

Result<TrainValidationSplit> groupedSplit(const std::vector<std::string>& groups,
                                          double validationFraction, uint32_t seed) {
    if (!(validationFraction > 0.0 && validationFraction < 1.0)) {
        return makeError("validation fraction must be between 0 and 1 (exclusive), got " +
                         std::to_string(validationFraction));
    }
    std::map<std::string, std::vector<int>> members;
    for (size_t i = 0; i < groups.size(); ++i) members[groups[i]].push_back(static_cast<int>(i));
    if (members.size() < 2) {
        return makeError("a validation part by groups needs two groups at least, got " +
                         std::to_string(members.size()));
    }
    const auto target = static_cast<size_t>(std::llround(validationFraction * static_cast<double>(groups.size())));
    std::vector<const std::vector<int>*> order;
    for (const auto& entry : members) order.push_back(&entry.second);
    std::mt19937 rng(seed);
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[uniformBelow(rng, static_cast<uint32_t>(i))]);
    TrainValidationSplit split;
    // The last group always trains, so neither side is empty.
    for (size_t g = 0; g < order.size(); ++g) {
        const bool toValidation = g + 1 < order.size() && (split.validation.size() < target || g == 0);
        std::vector<int>& side = toValidation ? split.validation : split.train;
        side.insert(side.end(), order[g]->begin(), order[g]->end());
    }
    std::sort(split.train.begin(), split.train.end());
    std::sort(split.validation.begin(), split.validation.end());
    return split;
}

Result<TrainValidationSplit> validationSplit(const std::vector<int>& labels,
                                             const std::vector<std::string>& groups,
                                             double validationFraction, uint32_t seed) {
    if (labels.size() != groups.size()) {
        return makeError("validation split: " + std::to_string(labels.size()) + " labels but " +
                         std::to_string(groups.size()) + " group keys");
    }
    const std::set<std::string> distinct(groups.begin(), groups.end());
    if (distinct.size() == groups.size()) return stratifiedSplit(labels, validationFraction, seed);
    return groupedSplit(groups, validationFraction, seed);
}

Result<std::vector<Fold>> stratifiedKFold(const std::vector<int>& labels, int k, uint32_t seed) {
    if (Status status = checkFoldCount(k, labels.size(), "items"); !status) {
        return status.takeError();
    }
    std::mt19937 rng(seed);
    std::vector<int> foldOfItem(labels.size(), 0);
    int next = 0;
    for (auto& [label, items] : itemsByLabel(labels)) {
        shuffleItems(items, rng);
        for (const int item : items) {
            foldOfItem[item] = next;
            next = (next + 1) % k;
        }
    }
    return foldsFromAssignment(foldOfItem, k);
}

Result<std::vector<Fold>> groupedKFold(const std::vector<std::string>& groups, int k,
                                       uint32_t seed) {
    std::map<std::string, std::vector<int>> members;
    for (size_t i = 0; i < groups.size(); ++i) members[groups[i]].push_back(static_cast<int>(i));
    if (Status status = checkFoldCount(k, members.size(), "distinct groups"); !status) {
        return status.takeError();
    }

    std::vector<const std::vector<int>*> order;
    for (const auto& entry : members) order.push_back(&entry.second);
    std::vector<int> permutation(order.size());
    for (size_t i = 0; i < permutation.size(); ++i) permutation[i] = static_cast<int>(i);
    std::mt19937 rng(seed);
    shuffleItems(permutation, rng);
    std::vector<const std::vector<int>*> shuffled;
    for (const int index : permutation) shuffled.push_back(order[index]);
    std::stable_sort(shuffled.begin(), shuffled.end(),
                     [](const auto* a, const auto* b) { return a->size() > b->size(); });

    std::vector<size_t> foldSize(k, 0);
    std::vector<int> foldOfItem(groups.size(), 0);
    for (const auto* group : shuffled) {
        const int fold = static_cast<int>(
            std::min_element(foldSize.begin(), foldSize.end()) - foldSize.begin());
        foldSize[fold] += group->size();
        for (const int item : *group) foldOfItem[item] = fold;
    }
    return foldsFromAssignment(foldOfItem, k);
}

Result<std::vector<int>> itemsInSplit(const std::vector<std::vector<std::string>>& itemSplits,
                                      const std::string& name) {
    std::vector<int> items;
    std::set<std::string> known;
    for (size_t i = 0; i < itemSplits.size(); ++i) {
        for (const std::string& split : itemSplits[i]) {
            known.insert(split);
            if (split == name) {
                items.push_back(static_cast<int>(i));
                break;
            }
        }
    }
    if (items.empty()) {
        std::string message = "no item belongs to split '" + name + "'";
        if (known.empty()) {
            message += "; the dataset defines no splits";
        } else {
            message += "; splits present:";
            for (const std::string& split : known) message += " '" + split + "'";
        }
        return makeError(message);
    }
    return items;
}

}  // namespace actionlens::train
