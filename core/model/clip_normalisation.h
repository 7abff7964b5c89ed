#pragma once

// Per-clip normalisation of skeleton coordinates, so that a network sees the motion, not where
// the person stood in the image or how far they were from the camera. Done per clip rather than
// per frame: a per-frame centre would erase whole-body translation (walking, jumping), which is
// part of many actions.

#include "core/common/result.h"
#include "core/model/skeleton_batch.h"

namespace actionlens::model {

struct ClipNormalisation {
    // Joints whose confidence is at or below this are missing detections.
    float visibilityThreshold = 0.0f;
};

// Centres x, y on the mean of the visible joints over the whole clip and divides them by the
// clip's extent (the larger side of the bounding box of the visible joints over the clip).
// Missing joints get x = y = 0 (the centre) and keep their confidence. A clip with no visible
// joint becomes all-zero coordinates; a clip whose joints all sit on one point is only centred.
Status normaliseClip(SkeletonClip& clip, const ClipNormalisation& options = {});

}  // namespace actionlens::model
