#pragma once

// Track linking: which person a newly found person is, when tracks break (the landmark model
// loses a small or hidden person for a few frames and the detector finds them again). A lost
// person is remembered for a while with where they were, how they moved and what they looked
// like; a newcomer continues the lost person whom they match best: near where that person
// would have walked to by now (the gate widens with the time lost), about the same size, and
// dressed alike. Otherwise the newcomer is a new person. Models-free: plain geometry and
// histograms, so it is tested on its own.

#include "core/pose/person_appearance.h"
#include "core/pose/pose_roi.h"

#include <vector>

namespace actionlens::pose {

struct LostPerson {
    int person = 0;
    PoseRoi roi;                    // the square the person was last seen in
    double velocityX = 0, velocityY = 0;  // of the square's centre, pixels per second
    double seconds = 0;             // when last seen
    PersonAppearance appearance;
};

struct FoundPerson {
    PoseRoi roi;
    PersonAppearance appearance;
};

struct TrackLinkingOptions {
    double rememberSeconds = 3.0;   // a person lost longer than this is forgotten
    double predictSeconds = 1.0;    // the motion is carried on for at most this long
    // The gate around the predicted place, in squares' sides: base + growth x seconds lost.
    double gateBase = 0.5, gateGrowth = 0.5, gateMax = 2.0;
    double maxSizeRatio = 1.6;      // the larger square over the smaller
    double maxAppearanceDistance = 0.55;
};

// For each found person, the lost person they continue (their number), or 0: the pairs within
// every gate, cheapest first (distance over gate + appearance distance), each lost person used
// once. People lost longer ago than rememberSeconds at `now` are not considered.
std::vector<int> linkToLostPeople(const std::vector<LostPerson>& lost, const std::vector<FoundPerson>& found, double now,
                                  const TrackLinkingOptions& options = {});

}  // namespace actionlens::pose
