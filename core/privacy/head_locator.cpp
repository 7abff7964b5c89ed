#include "core/privacy/head_locator.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace actionlens::privacy {

namespace {

// Whole words of a snake_case joint name: "forearm" must not count as an ear.
bool isFaceJoint(const std::string& name) {
    static const std::set<std::string> faceWords{"nose", "eye", "ear", "mouth", "head", "lip", "chin", "face", "forehead"};
    std::istringstream words(name);
    std::string word;
    while (std::getline(words, word, '_'))
        if (faceWords.count(word)) return true;
    return false;
}

// Head size relative to the distance from the head's centre down to the neck (shoulder line):
// about half a head height on people and on the demo's mannequins (radius 0.24, neck 0.45).
constexpr float kRadiusPerNeckDistance = 0.6f;
// Relative to the widest spread of face joints (ear to ear is most of a head's width).
constexpr float kRadiusPerFaceSpread = 0.75f;
constexpr float kMinimumRadius = 4.0f;

}  // namespace

HeadLocator::HeadLocator(const annotation::SkeletonLayout& layout) {
    for (size_t i = 0; i < layout.joints.size(); ++i)
        if (isFaceJoint(layout.joints[i])) faceJoints_.push_back(static_cast<int>(i));
    headJoint_ = layout.jointIndex("head");
    neck_ = layout.jointIndex("neck");
    leftShoulder_ = layout.jointIndex("left_shoulder");
    rightShoulder_ = layout.jointIndex("right_shoulder");
}

std::optional<FaceRegion> HeadLocator::locate(const std::vector<annotation::Joint>& joints) const {
    auto usable = [&](int i) { return i >= 0 && i < static_cast<int>(joints.size()) && joints[i].visible; };
    std::vector<const annotation::Joint*> face;
    for (int i : faceJoints_)
        if (usable(i)) face.push_back(&joints[i]);
    if (face.empty()) return std::nullopt;

    float cx = 0.0f, cy = 0.0f;
    if (usable(headJoint_)) {
        cx = joints[headJoint_].x;
        cy = joints[headJoint_].y;
    } else {
        for (const annotation::Joint* j : face) {
            cx += j->x;
            cy += j->y;
        }
        cx /= static_cast<float>(face.size());
        cy /= static_cast<float>(face.size());
    }

    float radius = 0.0f;
    for (size_t a = 0; a < face.size(); ++a)
        for (size_t b = a + 1; b < face.size(); ++b)
            radius = std::max(radius, kRadiusPerFaceSpread * std::hypot(face[a]->x - face[b]->x, face[a]->y - face[b]->y));
    std::optional<std::pair<float, float>> neck;
    if (usable(neck_)) {
        neck = {joints[neck_].x, joints[neck_].y};
    } else if (usable(leftShoulder_) && usable(rightShoulder_)) {
        neck = {(joints[leftShoulder_].x + joints[rightShoulder_].x) * 0.5f, (joints[leftShoulder_].y + joints[rightShoulder_].y) * 0.5f};
    }
    if (neck) radius = std::max(radius, kRadiusPerNeckDistance * std::hypot(cx - neck->first, cy - neck->second));
    if (!neck && face.size() < 2) {
        // One face joint and nothing to measure the head by: a tenth of the visible body's extent.
        float minX = cx, maxX = cx, minY = cy, maxY = cy;
        for (const annotation::Joint& j : joints) {
            if (!j.visible) continue;
            minX = std::min(minX, j.x), maxX = std::max(maxX, j.x), minY = std::min(minY, j.y), maxY = std::max(maxY, j.y);
        }
        radius = std::max(radius, 0.1f * std::max(maxX - minX, maxY - minY));
    }
    radius = std::max(radius, kMinimumRadius);
    return FaceRegion{cx - radius, cy - radius, 2.0f * radius, 2.0f * radius};
}

}  // namespace actionlens::privacy
