// Track linking: a person found again continues the lost person they match in place (carried
// on by the motion), size and clothes; otherwise they are new.

#include "core/pose/track_linking.h"

#include <gtest/gtest.h>

namespace actionlens::pose {
namespace {

PersonAppearance colour(int bin) {
    PersonAppearance a;
    a.histogram.assign(128, 0.0f);
    a.histogram[std::size_t(bin)] = 1.0f;
    return a;
}

LostPerson lostAt(int person, double x, double y, double size, double seconds, double vx = 0, double vy = 0,
                  PersonAppearance look = {}) {
    LostPerson l;
    l.person = person;
    l.roi = {x, y, size, 0};
    l.velocityX = vx;
    l.velocityY = vy;
    l.seconds = seconds;
    l.appearance = std::move(look);
    return l;
}

FoundPerson foundAt(double x, double y, double size, PersonAppearance look = {}) { return {{x, y, size, 0}, std::move(look)}; }

TEST(TrackLinking, APersonFoundNearWhereTheyWereLostKeepsTheirNumber) {
    const auto numbers = linkToLostPeople({lostAt(4, 100, 100, 100, 1.0)}, {foundAt(110, 105, 95)}, 1.2);
    EXPECT_EQ(numbers, std::vector<int>{4});
}

TEST(TrackLinking, TheMotionIsCarriedOnWhileAPersonIsLost) {
    // Walking right at 200 px/s, lost for 1 s: 200 px on, where a standing person's gate (0.5 +
    // 0.5 x 1 s = one side, 100 px) would not reach.
    const LostPerson walking = lostAt(2, 100, 100, 100, 0.0, 200, 0);
    EXPECT_EQ(linkToLostPeople({walking}, {foundAt(300, 100, 100)}, 1.0), std::vector<int>{2});
    EXPECT_EQ(linkToLostPeople({lostAt(2, 100, 100, 100, 0.0)}, {foundAt(300, 100, 100)}, 1.0), std::vector<int>{0});
    // The gate grows with the time lost: 150 px away is too far after 0.1 s, near enough after 2 s.
    EXPECT_EQ(linkToLostPeople({lostAt(2, 100, 100, 100, 0.0)}, {foundAt(250, 100, 100)}, 0.1), std::vector<int>{0});
    EXPECT_EQ(linkToLostPeople({lostAt(2, 100, 100, 100, 0.0)}, {foundAt(250, 100, 100)}, 2.0), std::vector<int>{2});
}

TEST(TrackLinking, APersonLostTooLongAgoIsForgotten) {
    TrackLinkingOptions options;
    options.rememberSeconds = 3.0;
    EXPECT_EQ(linkToLostPeople({lostAt(3, 100, 100, 100, 0.0)}, {foundAt(100, 100, 100)}, 2.9, options), std::vector<int>{3});
    EXPECT_EQ(linkToLostPeople({lostAt(3, 100, 100, 100, 0.0)}, {foundAt(100, 100, 100)}, 3.1, options), std::vector<int>{0});
}

TEST(TrackLinking, SomeoneOfAnotherSizeOrInOtherClothesIsSomeoneElse) {
    EXPECT_EQ(linkToLostPeople({lostAt(5, 100, 100, 100, 0.0)}, {foundAt(100, 100, 200)}, 0.2), std::vector<int>{0});
    EXPECT_EQ(linkToLostPeople({lostAt(5, 100, 100, 100, 0.0, 0, 0, colour(3))}, {foundAt(100, 100, 100, colour(40))}, 0.2),
              std::vector<int>{0});
    EXPECT_EQ(linkToLostPeople({lostAt(5, 100, 100, 100, 0.0, 0, 0, colour(3))}, {foundAt(100, 100, 100, colour(3))}, 0.2),
              std::vector<int>{5});
}

TEST(TrackLinking, TwoPeopleCrossingAreToldApartByTheirClothes) {
    // Two people lost where they met; found again side by side, each nearer the other's place:
    // the clothes decide.
    const std::vector<LostPerson> lost = {lostAt(1, 100, 100, 80, 0.0, 0, 0, colour(10)), lostAt(2, 130, 100, 80, 0.0, 0, 0, colour(90))};
    const std::vector<FoundPerson> found = {foundAt(95, 100, 80, colour(90)), foundAt(135, 100, 80, colour(10))};
    EXPECT_EQ(linkToLostPeople(lost, found, 0.3), (std::vector<int>{2, 1}));
}

TEST(TrackLinking, EachLostPersonIsTakenOnceByTheClosestMatch) {
    const std::vector<LostPerson> lost = {lostAt(7, 100, 100, 100, 0.0)};
    const std::vector<FoundPerson> found = {foundAt(140, 100, 100), foundAt(105, 100, 100)};
    EXPECT_EQ(linkToLostPeople(lost, found, 0.5), (std::vector<int>{0, 7}));
}

TEST(TrackLinking, AppearanceDistanceIsZeroForTheSameAndOneForNothingInCommon) {
    EXPECT_NEAR(appearanceDistance(colour(3), colour(3)), 0.0, 1e-9);
    EXPECT_NEAR(appearanceDistance(colour(3), colour(4)), 1.0, 1e-9);
    EXPECT_EQ(appearanceDistance(colour(3), PersonAppearance{}), 0.0) << "nothing known speaks against a match";
    const PersonAppearance half = blendAppearance(colour(3), colour(4), 0.5);
    EXPECT_NEAR(half.histogram[3], 0.5f, 1e-6);
    EXPECT_NEAR(half.histogram[4], 0.5f, 1e-6);
}

}  // namespace
}  // namespace actionlens::pose
