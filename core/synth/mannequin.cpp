#include "core/synth/mannequin.h"

namespace actionlens::synth {

namespace {

const NamedColour kShirts[] = {
    {"red", {200, 40, 40}},    {"blue", {40, 80, 210}},   {"green", {40, 160, 60}},
    {"yellow", {225, 200, 40}}, {"orange", {235, 120, 30}}, {"purple", {140, 50, 170}},
};
// Trousers: darker, and never the shirt's hue family, so the two halves of the body differ.
const Rgb kTrousers[] = {{30, 35, 70}, {40, 40, 40}, {90, 70, 50}, {60, 90, 110}, {110, 100, 80}};
const Rgb kSkins[] = {{240, 200, 170}, {210, 160, 120}, {170, 120, 90}, {120, 80, 55}, {90, 60, 45}};

float vary(SynthRandom& random, float value, double fraction) {
    return static_cast<float>(value * random.uniform(1.0 - fraction, 1.0 + fraction));
}

}  // namespace

const char* handednessName(Handedness handedness) { return handedness == Handedness::Left ? "left" : "right"; }

const char* buildName(Build build) {
    switch (build) {
    case Build::Slim: return "slim";
    case Build::Broad: return "broad";
    case Build::Medium: break;
    }
    return "medium";
}

const NamedColour* shirtColours(int* count) {
    *count = static_cast<int>(sizeof(kShirts) / sizeof(kShirts[0]));
    return kShirts;
}

Mannequin randomMannequin(SynthRandom& random) {
    Mannequin m;
    m.build = static_cast<Build>(random.integer(0, 2));
    m.handedness = random.chance(0.25) ? Handedness::Left : Handedness::Right;
    // Build changes widths far more than lengths, as it does in people.
    const float width = m.build == Build::Slim ? 0.78f : m.build == Build::Broad ? 1.3f : 1.0f;
    const float breadth = m.build == Build::Slim ? 0.88f : m.build == Build::Broad ? 1.15f : 1.0f;
    BodyProportions& b = m.body;
    b.neckToHead = vary(random, b.neckToHead, 0.06);
    b.headRadius = vary(random, b.headRadius, 0.06);
    b.shoulderHalfWidth = vary(random, b.shoulderHalfWidth * breadth, 0.05);
    b.hipHalfWidth = vary(random, b.hipHalfWidth * breadth, 0.05);
    b.upperArm = vary(random, b.upperArm, 0.06);
    b.forearm = vary(random, b.forearm, 0.06);
    b.thigh = vary(random, b.thigh, 0.06);
    b.shin = vary(random, b.shin, 0.06);
    b.torsoDepth = vary(random, b.torsoDepth * width, 0.05);
    b.upperArmWidth = vary(random, b.upperArmWidth * width, 0.05);
    b.forearmWidth = vary(random, b.forearmWidth * width, 0.05);
    b.thighWidth = vary(random, b.thighWidth * width, 0.05);
    b.shinWidth = vary(random, b.shinWidth * width, 0.05);

    int shirtCount = 0;
    const NamedColour* shirts = shirtColours(&shirtCount);
    const NamedColour& shirt = shirts[random.integer(0, shirtCount - 1)];
    m.upper = shirt.rgb;
    m.clothingColour = shirt.name;
    m.lower = kTrousers[random.integer(0, static_cast<int>(sizeof(kTrousers) / sizeof(kTrousers[0])) - 1)];
    m.skin = kSkins[random.integer(0, static_cast<int>(sizeof(kSkins) / sizeof(kSkins[0])) - 1)];
    return m;
}

}  // namespace actionlens::synth
