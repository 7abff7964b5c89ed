#pragma once

// SkeletonFrame: the joints of one subject in one frame of one video, in image pixels
// (origin top-left). The joint order is the one of the frame's SkeletonLayout.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::annotation {

// Where a pose came from: the UI shows manual work differently and never lets a model
// overwrite it silently.
enum class PoseSource { Manual, Imported, Interpolated, Model };

inline const char* poseSourceName(PoseSource source) {
    switch (source) {
    case PoseSource::Imported: return "imported";
    case PoseSource::Interpolated: return "interpolated";
    case PoseSource::Model: return "model";
    case PoseSource::Manual: break;
    }
    return "manual";
}

inline bool parsePoseSource(const std::string& name, PoseSource* source) {
    for (PoseSource s : {PoseSource::Manual, PoseSource::Imported, PoseSource::Interpolated, PoseSource::Model}) {
        if (name == poseSourceName(s)) {
            *source = s;
            return true;
        }
    }
    return false;
}

struct Joint {
    float x = 0.0f;
    float y = 0.0f;
    float confidence = 0.0f;
    bool visible = false;

    bool operator==(const Joint& o) const {
        return x == o.x && y == o.y && confidence == o.confidence && visible == o.visible;
    }
};

// The subject's box in a frame, image pixels (x, y: top-left corner): a people detector's box
// of the whole person, or one that came with imported annotations.
struct SubjectBox {
    float x = 0.0f;
    float y = 0.0f;
    float width = 0.0f;
    float height = 0.0f;

    bool operator==(const SubjectBox& o) const { return x == o.x && y == o.y && width == o.width && height == o.height; }
};

struct SkeletonFrame {
    std::int64_t videoId = 0;
    std::int64_t subjectId = 0;
    std::int64_t frame = 0;
    std::int64_t layoutId = 0;
    PoseSource source = PoseSource::Manual;
    std::vector<Joint> joints;
    std::optional<SubjectBox> box;  // where one is known

    // Any joint placed (visible or with a confidence): false for a box-only frame, which a
    // format kept for the box alone (COCO people without keypoints, AVA rows, CVAT box tracks);
    // training, prediction and tracks read only frames with a pose.
    bool hasPose() const {
        for (const Joint& j : joints)
            if (j.visible || j.confidence > 0) return true;
        return false;
    }

    bool operator==(const SkeletonFrame& o) const {
        return videoId == o.videoId && subjectId == o.subjectId && frame == o.frame &&
               layoutId == o.layoutId && source == o.source && joints == o.joints && box == o.box;
    }
};

}  // namespace actionlens::annotation
