#include "core/annotation/skeleton_template.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace actionlens::annotation {

namespace {

struct PartPosition {
    const char* part;  // the name without its side
    double x;          // towards the figure's left for a left joint; mirrored for a right one
    double y;
};

// A relaxed standing figure: arms a little away from the body, feet under the hips.
constexpr PartPosition kParts[] = {
    {"head_top", 0.0, 0.0},     {"head", 0.0, 0.04},       {"nose", 0.0, 0.09},       {"neck", 0.0, 0.18},
    {"eye_inner", 0.015, 0.075}, {"eye_outer", 0.045, 0.075}, {"eye", 0.03, 0.075},     {"ear", 0.065, 0.085},
    {"mouth", 0.02, 0.12},      {"shoulder", 0.12, 0.2},   {"elbow", 0.17, 0.36},     {"wrist", 0.2, 0.5},
    {"pinky", 0.215, 0.555},    {"index", 0.2, 0.565},     {"thumb", 0.18, 0.545},    {"hand", 0.2, 0.54},
    {"mid_hip", 0.0, 0.52},     {"pelvis", 0.0, 0.52},     {"hip", 0.08, 0.52},       {"knee", 0.085, 0.74},
    {"ankle", 0.09, 0.95},      {"heel", 0.08, 0.98},      {"big_toe", 0.11, 1.0},    {"small_toe", 0.14, 0.995},
    {"foot_index", 0.12, 1.0},  {"toe", 0.12, 1.0},        {"foot", 0.11, 0.99},      {"chest", 0.0, 0.3},
    {"spine", 0.0, 0.38},       {"thorax", 0.0, 0.25},
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// Takes the side word off a name ("left_wrist", "wrist_l", "mouth_right", "lknee") and says
// which side it was: +1 left, -1 right, 0 none.
int takeSide(std::string* name) {
    const std::pair<const char*, int> prefixes[] = {{"left_", 1}, {"right_", -1}, {"l_", 1}, {"r_", -1}};
    for (const auto& [prefix, side] : prefixes) {
        if (name->rfind(prefix, 0) == 0) {
            name->erase(0, std::string(prefix).size());
            return side;
        }
    }
    const std::pair<const char*, int> suffixes[] = {{"_left", 1}, {"_right", -1}, {"_l", 1}, {"_r", -1}};
    for (const auto& [suffix, side] : suffixes) {
        const std::string s(suffix);
        if (name->size() > s.size() && name->compare(name->size() - s.size(), s.size(), s) == 0) {
            name->erase(name->size() - s.size());
            return side;
        }
    }
    return 0;
}

}  // namespace

bool templateJointPosition(const std::string& jointName, double* x, double* y) {
    std::string name = lower(jointName);
    std::replace(name.begin(), name.end(), ' ', '_');
    std::replace(name.begin(), name.end(), '-', '_');
    const int side = takeSide(&name);
    // Exact part names first, then a part the name contains ("right_eye_inner" before "eye").
    for (int pass = 0; pass < 2; ++pass) {
        for (const PartPosition& p : kParts) {
            const bool match = pass == 0 ? name == p.part : name.find(p.part) != std::string::npos;
            if (!match) continue;
            *x = side == 0 ? 0.0 : side * p.x;
            *y = p.y;
            return true;
        }
    }
    return false;
}

std::vector<Joint> templatePose(const SkeletonLayout& layout, double centreX, double centreY, double height) {
    std::vector<Joint> joints(layout.joints.size());
    std::vector<size_t> unknown;
    for (size_t i = 0; i < layout.joints.size(); ++i) {
        double x = 0, y = 0;
        if (!templateJointPosition(layout.joints[i], &x, &y)) {
            unknown.push_back(i);
            continue;
        }
        // The figure's left is the image's right (it faces the camera); y = 0.5 is the centre.
        joints[i] = Joint{float(centreX + x * height), float(centreY + (y - 0.5) * height), 1.0f, true};
    }
    // Unrecognised joints in a row across the hips, half the figure's height wide.
    for (size_t k = 0; k < unknown.size(); ++k) {
        const double u = unknown.size() == 1 ? 0.5 : double(k) / double(unknown.size() - 1);
        joints[unknown[k]] = Joint{float(centreX + (u - 0.5) * 0.5 * height), float(centreY + 0.02 * height), 1.0f, true};
    }
    return joints;
}

}  // namespace actionlens::annotation
