#pragma once

// SkeletonLayout: the joints a pose format has, which pairs are drawn as bones, and which
// joints swap when an image is mirrored (left/right pairs, needed for flip augmentation).

#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace actionlens::annotation {

struct SkeletonLayout {
    std::int64_t id = 0;  // 0: not stored yet
    std::string name;
    std::vector<std::string> joints;
    std::vector<std::pair<int, int>> edges;      // joint indices
    std::vector<std::pair<int, int>> mirrorPairs;  // (left joint, right joint)

    int jointIndex(const std::string& jointName) const;  // -1 if absent
    bool operator==(const SkeletonLayout& o) const {
        return id == o.id && name == o.name && joints == o.joints && edges == o.edges &&
               mirrorPairs == o.mirrorPairs;
    }
};

// COCO-17, Penn-13, BODY_25 (OpenPose) and MediaPipe-33 (BlazePose), with snake_case joint
// names in each format's own order so imported joints map by index.
const std::vector<SkeletonLayout>& builtinSkeletonLayouts();

// Joint names unique and non-empty, indices in range, no joint paired with itself or twice.
Status validateSkeletonLayout(const SkeletonLayout& layout);

}  // namespace actionlens::annotation
