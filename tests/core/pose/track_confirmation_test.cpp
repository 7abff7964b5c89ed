// Which tracks give their place up when every place is taken: those the detector has not
// confirmed for two of its intervals, the longest unconfirmed first.

#include "core/pose/track_confirmation.h"

#include <gtest/gtest.h>

namespace actionlens::pose {
namespace {

TEST(TrackConfirmation, TracksConfirmedWithinTwoIntervalsKeepTheirPlaces) {
    EXPECT_TRUE(unconfirmedTracks({30, 20, 10}, 30, 10).empty());
    EXPECT_TRUE(unconfirmedTracks({}, 100, 10).empty());
}

TEST(TrackConfirmation, LongestUnconfirmedGoFirst) {
    // Frame 40, detector every 10 frames: confirmed at 35 stays; at 19, 5 and 0 go, 0 first.
    EXPECT_EQ(unconfirmedTracks({19, 35, 0, 5}, 40, 10), (std::vector<std::size_t>{2, 3, 0}));
    // Exactly two intervals ago still counts as confirmed.
    EXPECT_EQ(unconfirmedTracks({20, 19}, 40, 10), (std::vector<std::size_t>{1}));
    // More patience: three intervals.
    EXPECT_EQ(unconfirmedTracks({19, 5}, 40, 10, 3), (std::vector<std::size_t>{1}));
    // Equally old: in track order.
    EXPECT_EQ(unconfirmedTracks({0, 0}, 40, 10), (std::vector<std::size_t>{0, 1}));
}

TEST(TrackConfirmation, AnIntervalBelowOneCountsAsOne) {
    EXPECT_EQ(unconfirmedTracks({0, 8}, 10, 0), (std::vector<std::size_t>{0}));
}

}  // namespace
}  // namespace actionlens::pose
