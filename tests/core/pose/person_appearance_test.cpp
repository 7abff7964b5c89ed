// A person's look: the colours between shoulders and knees, alike for one person on two frames
// and unlike for two people in other clothes.

#include "core/pose/person_appearance.h"

#include <gtest/gtest.h>

#include <vector>

namespace actionlens::pose {
namespace {

struct Picture {
    int width = 200, height = 200;
    std::vector<std::uint8_t> pixels = std::vector<std::uint8_t>(200 * 200 * 3, 128);
    void fill(int x0, int y0, int x1, int y1, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                std::uint8_t* p = &pixels[std::size_t(y * width + x) * 3];
                p[0] = r, p[1] = g, p[2] = b;
            }
    }
    RgbImageView view() const { return {pixels.data(), width, height, width * 3}; }
};

// A standing person's clothes joints around x = cx: shoulders at y 60, hips at 110, knees at 150.
std::vector<PoseLandmark> standingAt(float cx) {
    std::vector<PoseLandmark> body(33);
    const auto put = [&](int j, float x, float y) { body[std::size_t(j)] = {x, y, 0, 1, 1}; };
    put(11, cx - 15, 60), put(12, cx + 15, 60), put(23, cx - 10, 110), put(24, cx + 10, 110), put(25, cx - 10, 150), put(26, cx + 10, 150);
    return body;
}

TEST(PersonAppearance, OnePersonLooksAlikeOnTwoFramesAndTwoPeopleInOtherClothesDoNot) {
    Picture picture;
    picture.fill(35, 55, 65, 155, 200, 30, 30);    // red clothes at x 50
    picture.fill(135, 55, 165, 155, 30, 60, 200);  // blue clothes at x 150
    const PersonAppearance red = appearanceOf(picture.view(), standingAt(50));
    const PersonAppearance redAgain = appearanceOf(picture.view(), standingAt(52));
    const PersonAppearance blue = appearanceOf(picture.view(), standingAt(150));
    ASSERT_FALSE(red.empty());
    ASSERT_FALSE(blue.empty());
    float sum = 0;
    for (float v : red.histogram) sum += v;
    EXPECT_NEAR(sum, 1.0f, 1e-4);
    EXPECT_LT(appearanceDistance(red, redAgain), 0.2);
    EXPECT_GT(appearanceDistance(red, blue), 0.8);
}

TEST(PersonAppearance, TooFewJointsOrPixelsGiveNoAppearance) {
    Picture picture;
    std::vector<PoseLandmark> body = standingAt(50);
    for (int j : {23, 24, 25, 26}) body[std::size_t(j)].visibility = 0.1f;
    EXPECT_TRUE(appearanceOf(picture.view(), body).empty()) << "two shoulders only";
    std::vector<PoseLandmark> tiny(33);
    for (int j : {11, 12, 23}) tiny[std::size_t(j)] = {10, 10, 0, 1, 1};
    EXPECT_TRUE(appearanceOf(picture.view(), tiny).empty()) << "a point, not a body";
    std::vector<PoseLandmark> outside = standingAt(500);
    EXPECT_TRUE(appearanceOf(picture.view(), outside).empty()) << "off the picture";
}

}  // namespace
}  // namespace actionlens::pose
