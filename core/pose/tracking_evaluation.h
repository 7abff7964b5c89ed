#pragma once

// Scoring people tracked over a video against the people known to be there (a rendered scene's
// exact skeletons, or boxes counted by hand), as multi-object tracking is scored (CLEAR MOT):
// per frame, each known person is found by the pose whose box overlaps theirs most (intersection
// over union at least `minOverlap`, best pairs first, each pose finding one person at most);
// poses that find nobody are stray; a known person found under another person number than the
// last time they were found is an identity switch.

#include "core/pose/people_tracker.h"

#include <map>
#include <vector>

namespace actionlens::pose {

struct PersonExtent {
    int id = 0;  // the known person, or the tracker's person number
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double height() const { return y1 - y0; }
};

struct TrackingScore {
    int people = 0;             // known people over all frames (one per person per frame)
    int found = 0;
    int strayPoses = 0;
    int identitySwitches = 0;
    int numbersUsed = 0;        // distinct person numbers the tracker gave
    // Known people and those found by their height in pixels, in classes `heightClass` wide
    // (key: the class's lower bound).
    std::map<int, std::pair<int, int>> foundByHeight;  // class -> (found, people)
    double foundShare() const { return people ? double(found) / people : 0.0; }
};

class TrackingScorer {
public:
    explicit TrackingScorer(double minOverlap = 0.3, int heightClass = 20) : minOverlap_(minOverlap), heightClass_(heightClass) {}
    void addFrame(const std::vector<PersonExtent>& known, const std::vector<PersonExtent>& tracked);
    const TrackingScore& score() const { return score_; }

private:
    double minOverlap_;
    int heightClass_;
    TrackingScore score_;
    std::map<int, int> lastNumber_;  // known person -> the number they were last found under
    std::map<int, bool> numbers_;
};

// The extent of points (x, y pairs) that count, or nothing when fewer than two do.
bool extentOf(const std::vector<std::pair<double, double>>& points, PersonExtent* extent);

// The tracked people's extents, each under its person number: the BlazePose points that match
// Penn Action's 13 joints (nose, shoulders, elbows, wrists, hips, knees, ankles) with visibility
// from `minVisibility`, so that they compare with a 13-joint skeleton's extent.
std::vector<PersonExtent> trackedExtents(const std::vector<PersonPose>& people, float minVisibility = 0.5f);

}  // namespace actionlens::pose
