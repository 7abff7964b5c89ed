#pragma once

// Linear interpolation of one subject's skeleton between two keyframes, joint by joint. The
// frames in between are what an annotator would otherwise place by hand: x, y and confidence
// move in proportion to the frame's distance from each keyframe.
//
// Visibility: a joint visible in both keyframes is visible and interpolated; a joint visible
// in only one keeps that keyframe's position (the other one's x, y are not a position: an
// occluded joint is often stored at 0,0) and takes the visibility of the nearer keyframe, so it
// appears or disappears half-way; a joint hidden in both stays hidden.

#include "core/annotation/skeleton_frame.h"
#include "core/common/result.h"

#include <cstdint>
#include <vector>

namespace actionlens::annotation {

// The joints at `frame`, strictly between first.frame and last.frame. Both keyframes must be
// of one video, subject and layout, with as many joints each.
Result<SkeletonFrame> interpolateSkeleton(const SkeletonFrame& first, const SkeletonFrame& last, std::int64_t frame);

// Every frame strictly between the two keyframes (none when they are adjacent), marked
// PoseSource::Interpolated.
Result<std::vector<SkeletonFrame>> interpolateBetween(const SkeletonFrame& first, const SkeletonFrame& last);

}  // namespace actionlens::annotation
