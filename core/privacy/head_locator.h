#pragma once

// HeadLocator: where a skeleton's head is, from the joints of its layout that lie on the face or
// head (nose, eyes, ears, mouth, head; BlazePose has all but "head", Penn-13 and NTU only "head")
// and, for the head's size, the neck or the shoulders. Joints are found by name, so custom
// layouts that follow the built-in naming work too; a layout without any face or head joint has
// no head to find (hasHead() false), and a frame whose face joints are all invisible gives none.

#include "core/annotation/skeleton_frame.h"
#include "core/annotation/skeleton_layout.h"
#include "core/privacy/face_region.h"

#include <optional>
#include <vector>

namespace actionlens::privacy {

class HeadLocator {
public:
    explicit HeadLocator(const annotation::SkeletonLayout& layout);

    bool hasHead() const { return !faceJoints_.empty(); }
    // The square around the head (no margin: FaceRegion::grown adds it), or none.
    std::optional<FaceRegion> locate(const std::vector<annotation::Joint>& joints) const;

private:
    std::vector<int> faceJoints_;
    int headJoint_ = -1;  // a joint named "head": the centre of the head where a layout has it
    int neck_ = -1;
    int leftShoulder_ = -1;
    int rightShoulder_ = -1;
};

}  // namespace actionlens::privacy
