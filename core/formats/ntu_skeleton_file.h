#pragma once

// NtuSkeletonFile: one NTU RGB+D / NTU RGB+D 120 `.skeleton` text file, read and checked.
//
//   <frame count>
//   per frame: <body count>
//     per body: bodyID clipedEdges handLeftConfidence handLeftState handRightConfidence
//               handRightState isRestricted leanX leanY trackingState
//               <joint count: 25>
//               25 lines: x y z depthX depthY colorX colorY orientationW orientationX
//                         orientationY orientationZ trackingState
//
// Only what ActionLens keeps is returned: each body's id and, per frame, its joints in the colour
// image (colorX, colorY) with the joint's tracking state (0 not tracked, 1 inferred, 2 tracked).
// Errors name the file and line: "S001C001P001R001A001.skeleton line 5: 11 values, expected 12 (a joint)".

#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::formats {

inline constexpr int kNtuJointCount = 25;

struct NtuJoint {
    double colorX = 0;
    double colorY = 0;
    int trackingState = 0;
};

struct NtuBody {
    std::string bodyId;  // a Kinect tracking id, too long for 32 bits: kept as written
    std::vector<NtuJoint> joints;  // kNtuJointCount
};

struct NtuSkeletonFile {
    std::int64_t frameCount = 0;
    std::vector<std::vector<NtuBody>> frames;  // per frame, its bodies
};

// `fileName` prefixes the errors.
Result<NtuSkeletonFile> parseNtuSkeletonFile(const std::string& text, const std::string& fileName);

}  // namespace actionlens::formats
