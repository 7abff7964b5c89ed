#pragma once

// Penn Action label files (Zhang, Zhu, Derpanis, ICCV 2013): one MATLAB .mat file per video with
// the action, the camera viewpoint, 13 joints per frame with visibility, a person box per frame
// and the train/test flag. Read through libmatio; every numeric class the files use (double,
// single, any integer width, logical) is accepted.

#include "core/common/result.h"

#include <array>
#include <string>
#include <vector>

namespace actionlens::formats {

// Joint order of the files: head, shoulders, elbows, wrists, hips, knees, ankles (left, right).
constexpr int kPennJointCount = 13;
extern const std::array<const char*, kPennJointCount> kPennJointNames;
extern const std::array<const char*, 15> kPennActions;
extern const std::array<const char*, 4> kPennViewpoints;

struct PennActionSequence {
    std::string action;     // one of kPennActions
    std::string viewpoint;  // one of kPennViewpoints (the file's `pose` variable)
    int frameCount = 0;
    int width = 0;   // of the video's frames
    int height = 0;
    bool train = false;  // `train` is 1 for the training split, -1 for the test split
    // Per frame and joint (frame * 13 + joint): image pixel coordinates and visibility.
    std::vector<float> x;
    std::vector<float> y;
    std::vector<uint8_t> visible;
    // Per frame: x1, y1, x2, y2 of the person box (empty if the file has none).
    std::vector<std::array<float, 4>> boxes;
};

// Reads and validates one label file. Errors name the file and the variable.
Result<PennActionSequence> readPennActionLabels(const std::string& path);

}  // namespace actionlens::formats
