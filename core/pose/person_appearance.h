#pragma once

// PersonAppearance: what a tracked person looks like, to tell people apart when a track is lost
// and a person is found again (track_linking.h): a normalised colour histogram (hue x saturation
// x value, 8 x 4 x 4 bins) of the clothes, i.e. the pixels between the shoulders and the knees
// of the pose, trimmed at the sides so that little background gets in.

#include "core/pose/pose_landmarks.h"
#include "core/pose/rgb_image.h"

#include <vector>

namespace actionlens::pose {

struct PersonAppearance {
    std::vector<float> histogram;  // sums to 1; empty: not seen well enough (too few joints or pixels)
    bool empty() const { return histogram.empty(); }
};

// From the 33 body landmarks (image pixels) of a pose in `image`; joints below `minVisibility`
// do not count.
PersonAppearance appearanceOf(const RgbImageView& image, const std::vector<PoseLandmark>& body, float minVisibility = 0.5f);

// Bhattacharyya distance: 0 alike, 1 nothing in common; 0 when either is empty (nothing known
// speaks against the match).
double appearanceDistance(const PersonAppearance& a, const PersonAppearance& b);

// `current` moved towards `seen` by `weight` (0-1): a running picture of the person. An empty
// side takes the other.
PersonAppearance blendAppearance(const PersonAppearance& current, const PersonAppearance& seen, double weight);

}  // namespace actionlens::pose
