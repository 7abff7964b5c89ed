#include "core/synth/synth_random.h"

#include <gtest/gtest.h>

#include <set>

using actionlens::synth::SynthRandom;

TEST(SynthRandom, SameSeedSameNumbersAndTheMappingIsOurs) {
    SynthRandom a(7), b(7);
    std::mt19937 raw(7);
    for (int i = 0; i < 100; ++i) {
        const double u = a.unit();
        EXPECT_EQ(u, b.unit());
        // unit() is the top 24 bits of the standard's mt19937 output, whatever the library.
        EXPECT_EQ(u, static_cast<double>(raw() >> 8) / 16777216.0);
    }
}

TEST(SynthRandom, RangesHoldAndEveryIntegerOccurs) {
    SynthRandom random(3);
    std::set<int> seen;
    for (int i = 0; i < 2000; ++i) {
        const int v = random.integer(-2, 3);
        ASSERT_GE(v, -2);
        ASSERT_LE(v, 3);
        seen.insert(v);
        const double u = random.uniform(1.5, 2.5);
        ASSERT_GE(u, 1.5);
        ASSERT_LT(u, 2.5);
    }
    EXPECT_EQ(seen.size(), 6u);
    EXPECT_EQ(random.integer(4, 4), 4);
}

TEST(SynthRandom, DifferentSeedsDiffer) {
    SynthRandom a(1), b(2);
    int same = 0;
    for (int i = 0; i < 50; ++i) same += a.next() == b.next();
    EXPECT_LT(same, 2);
}
