#include "core/pose/skeleton_mapping.h"

#include <algorithm>
#include <map>

namespace actionlens::pose {

namespace {

int landmarkIndex(const std::string& name) {
    const auto& names = poseLandmarkNames();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (name == names[i]) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

std::vector<JointSource> mediaPipeSourcesFor(const std::vector<std::string>& targetJointNames) {
    static const std::map<std::string, JointSource> standIns = {
        {"head", {landmarkIndex("nose"), -1}},
        {"neck", {landmarkIndex("left_shoulder"), landmarkIndex("right_shoulder")}},
        {"mid_hip", {landmarkIndex("left_hip"), landmarkIndex("right_hip")}},
        {"left_big_toe", {landmarkIndex("left_foot_index"), -1}},
        {"right_big_toe", {landmarkIndex("right_foot_index"), -1}},
    };
    std::vector<JointSource> sources;
    for (const std::string& name : targetJointNames) {
        JointSource source;
        source.first = landmarkIndex(name);
        if (source.first < 0) {
            auto it = standIns.find(name);
            if (it != standIns.end()) source = it->second;
        }
        sources.push_back(source);
    }
    return sources;
}

std::vector<MappedJoint> mapLandmarks(const std::vector<PoseLandmark>& landmarks, const std::vector<JointSource>& sources) {
    std::vector<MappedJoint> joints(sources.size());
    for (std::size_t j = 0; j < sources.size(); ++j) {
        const JointSource& s = sources[j];
        if (s.first < 0 || s.first >= static_cast<int>(landmarks.size())) continue;
        const PoseLandmark& a = landmarks[s.first];
        MappedJoint& out = joints[j];
        out.hasSource = true;
        if (s.second >= 0 && s.second < static_cast<int>(landmarks.size())) {
            const PoseLandmark& b = landmarks[s.second];
            out.x = (a.x + b.x) / 2.0f;
            out.y = (a.y + b.y) / 2.0f;
            out.confidence = std::min(a.visibility, b.visibility);
        } else {
            out.x = a.x;
            out.y = a.y;
            out.confidence = a.visibility;
        }
    }
    return joints;
}

}  // namespace actionlens::pose
