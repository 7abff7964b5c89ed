#pragma once

// Which detector finds the people whose poses the landmark model then reads.
//
// - BlazePose: BlazePose's own detector (a face-anchored SSD on the whole frame letterboxed to
//   224 x 224): made for one person filling much of the frame (fitness videos, webcams). People
//   below about a fifth of the frame's height are lost in the letterbox.
// - Hog: OpenCV's people detector (histograms of oriented gradients with a linear SVM whose
//   coefficients ship inside OpenCV), run on the frame upscaled so that people down to about
//   half its 128-pixel window are found: small, distant, several people (street, surveillance,
//   sports wide shots). Upright people only; slower per run, so the tracker runs it only every
//   few frames.
// - Both: the two together, their detections merged (one person found by both is one
//   detection): HOG's small and distant people and BlazePose's near ones, bent or turned, that
//   HOG misses (crowd_pose_bench); about as slow as HOG. With BlazePose's detector on tiles
//   (PoseEstimatorOptions::detectionTiles 2) it reaches people of middle size too.

#include <string>
#include <vector>

namespace actionlens::pose {

enum class PersonDetector { BlazePose, Hog, Both };

const char* personDetectorName(PersonDetector detector);  // "blazepose", "hog", "both"
bool personDetectorFromName(const std::string& name, PersonDetector* detector);
std::vector<PersonDetector> allPersonDetectors();

}  // namespace actionlens::pose
