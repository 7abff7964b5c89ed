#pragma once

// Malformed variants of a valid input file, made deterministically (seeded) by the kinds of damage
// files meet: cut short, bytes changed, lines lost or doubled, numbers out of range, names emptied
// or blown up, nothing or noise. The bad-input sweep feeds each to a reader, which must refuse it
// with a message (or, where the damage left a valid file, read it) and write nothing when it refuses.

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::testsupport {

struct MutatedInput {
    std::string kind;   // "truncated", "byte changed", ...: the row of the sweep's table
    std::string bytes;
};

// The kinds, in the order mutations() makes them.
const std::vector<std::string>& mutationKinds();

// About `perKind` variants of `valid` per kind (fewer where the input has fewer places: a file of
// three lines has three lines to lose); the same seed gives the same variants.
std::vector<MutatedInput> mutations(const std::string& valid, int perKind, std::uint32_t seed);

}  // namespace actionlens::testsupport
