#pragma once

// SynthRandom: the generator's only source of randomness. std::mt19937's output sequence is fixed
// by the standard, but the standard distributions (uniform_real_distribution, ...) are not, so
// the mapping from raw 32-bit draws to numbers is written out here: a seed gives the same project
// with any standard library.

#include <cstdint>
#include <random>

namespace actionlens::synth {

class SynthRandom {
public:
    explicit SynthRandom(std::uint32_t seed) : engine_(seed) {}

    std::uint32_t next() { return static_cast<std::uint32_t>(engine_()); }
    // In [0, 1): the top 24 bits, exactly representable in a float and a double.
    double unit() { return static_cast<double>(next() >> 8) * (1.0 / 16777216.0); }
    double uniform(double low, double high) { return low + (high - low) * unit(); }
    // In [low, high], both inclusive; rejection sampling keeps it unbiased.
    int integer(int low, int high) {
        const std::uint32_t span = static_cast<std::uint32_t>(high - low) + 1u;
        const std::uint32_t limit = span == 0 ? 0 : (0xffffffffu / span) * span;
        std::uint32_t draw = next();
        while (limit != 0 && draw >= limit) draw = next();
        return low + static_cast<int>(span == 0 ? draw : draw % span);
    }
    bool chance(double probability) { return unit() < probability; }
    // A seed for an independent child generator, so that one part (a video's rendering noise)
    // can draw any number of values without shifting what the next part draws.
    std::uint32_t childSeed() { return next() ^ 0x9e3779b9u; }

private:
    std::mt19937 engine_;
};

}  // namespace actionlens::synth
