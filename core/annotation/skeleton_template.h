#pragma once

// SkeletonTemplate: a default standing pose for any skeleton layout, the starting point when an
// annotator adds a skeleton by hand and then drags its joints into place. Joints are placed by
// their names (COCO-17, Penn-13, BODY_25, MediaPipe-33 and custom layouts that use the same
// words: "left_wrist", "r_knee", "mouth_left", ...), the figure facing the camera, so its left
// side is on the image's right. Joints whose names say nothing known are lined up across the
// hips, visible, for the annotator to drag where they belong.

#include "core/annotation/skeleton_frame.h"
#include "core/annotation/skeleton_layout.h"

#include <vector>

namespace actionlens::annotation {

// Where a joint sits in a figure of height 1 whose head top is at (0, 0) and whose feet are
// at y = 1 (x is 0 on the body's midline, positive towards the figure's left); false when
// the name is not recognised.
bool templateJointPosition(const std::string& jointName, double* x, double* y);

// The template pose of `layout`, the figure `height` image pixels tall, centred on
// (centreX, centreY); every joint visible with confidence 1.
std::vector<Joint> templatePose(const SkeletonLayout& layout, double centreX, double centreY, double height);

}  // namespace actionlens::annotation
