#pragma once

// Mannequin: what one synthetic person looks like: body proportions and limb thickness (in body
// units, where the torso from the shoulders' centre to the hips' centre is 1), clothing and skin
// colours, and the attributes the project labels (handedness, build, clothing colour), which are
// exactly what the picture shows: the labels cannot disagree with the evidence.

#include "core/synth/synth_random.h"

#include <cstdint>
#include <string>

namespace actionlens::synth {

struct Rgb {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    bool operator==(const Rgb& o) const { return r == o.r && g == o.g && b == o.b; }
};

enum class Handedness { Right, Left };
enum class Build { Slim, Medium, Broad };

const char* handednessName(Handedness handedness);  // "right", "left"
const char* buildName(Build build);                 // "slim", "medium", "broad"

struct BodyProportions {
    float neckToHead = 0.45f;        // the head joint (centre of the head) above the neck
    float headRadius = 0.24f;
    float shoulderHalfWidth = 0.38f;
    float hipHalfWidth = 0.20f;
    float upperArm = 0.60f;
    float forearm = 0.55f;
    float thigh = 0.82f;
    float shin = 0.78f;
    // Capsule diameters.
    float torsoDepth = 0.42f;  // the torso seen from the side
    float upperArmWidth = 0.21f;
    float forearmWidth = 0.18f;
    float thighWidth = 0.28f;
    float shinWidth = 0.22f;
};

struct Mannequin {
    BodyProportions body;
    Rgb skin;
    Rgb upper;  // shirt: torso and arms
    Rgb lower;  // trousers: legs
    std::string clothingColour;  // name of `upper`, the per-subject "clothing" label
    Handedness handedness = Handedness::Right;
    Build build = Build::Medium;
};

// The named shirt colours; saturated, so that they stand out from the muted backgrounds.
struct NamedColour {
    const char* name;
    Rgb rgb;
};
const NamedColour* shirtColours(int* count);

// A random person: build and handedness (about one in four left-handed), proportions varied by
// a few percent around the build's, colours from fixed palettes.
Mannequin randomMannequin(SynthRandom& random);

}  // namespace actionlens::synth
