#pragma once

// How faithful an explanation method is, measured on clips whose answer is known (the rendered
// demo knows which limb moved most: known_answers.h) and on any clip (deletion, insertion,
// stability):
//
// - Pointing game: does the map's peak fall on the moving limb? Skeleton maps: the joint with the
//   most evidence over the clip is one of the limb's joints. Video maps: the peak pixel of the
//   clip lies on the limb (within the answer's tolerance) at that frame. Against a random map
//   (whose peak is anywhere: the limb's share of the joints / pixels, exactly) and a centre map
//   (the layout's centre joint; the centre of the view).
// - Deletion / insertion (Petsiuk et al. 2018): hide the cells with the most evidence first (or
//   reveal them first, from everything hidden) and follow the class probability; the area
//   under the curve, against the same for random cell orders. A faithful map deletes fast (low
//   deletion AUC) and inserts fast (high insertion AUC).
// - Stability: the rank correlation of the map with the map of the clip under small
//   perturbations of the kind training augments with (rotation, scale, noise; colour jitter
//   and pixel noise for the frames).

#include "core/common/result.h"
#include "core/explain/explainer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::explain {

// What a clip is known to show. Empty parts are not measured.
struct ClipAnswer {
    std::vector<int> movingJoints;  // the joints of the limb that moved most over the clip
    // Per video clip frame, over the network's view (frames x size x size): 1 where the moving
    // limb is (widened by the tolerance), else 0.
    ExplanationMap movingLimbPixels;
};

struct FaithfulnessOptions {
    std::vector<int> tasks;                          // model task indices; empty: every task
    std::vector<ExplanationMethod> methods;          // empty: all
    OcclusionGrid grid;
    int curveSteps = 16;    // points of the deletion / insertion curves after the first
    int randomOrders = 3;   // random cell orders averaged for the baseline curves, per clip
    bool stability = true;
    std::uint32_t seed = 1;
};

// One method on one head and stream, over the clips added.
struct MethodScores {
    ExplanationMethod method = ExplanationMethod::GradCam;
    int task = 0;
    std::string taskName;
    Stream stream = Stream::Skeleton;
    int clips = 0;
    int pointingClips = 0;         // clips with a known answer for this stream
    double pointingHits = 0.0;     // share of them the peak hit
    double pointingRandom = 0.0;   // expected share for a random map
    double pointingCentre = 0.0;   // share for the centre map
    double deletionAuc = 0.0;      // mean over clips
    double deletionRandomAuc = 0.0;
    double insertionAuc = 0.0;
    double insertionRandomAuc = 0.0;
    double stability = 0.0;        // mean Spearman correlation
    std::vector<double> deletionCurve;  // mean probability after hiding k / curveSteps of the cells
    std::vector<double> deletionRandomCurve;
    std::vector<double> insertionCurve;
    std::vector<double> insertionRandomCurve;
};

// The area under a curve sampled evenly over [0, 1] (trapezoids).
double curveArea(const std::vector<double>& curve);

// Which cells are hidden at each of steps + 1 points of a deletion (insertion: the others)
// curve following `order`: the first ceil(k / steps x cells) of it at point k.
std::vector<std::vector<std::uint8_t>> deletionMasks(const std::vector<int>& order, int steps);

// The small perturbation stability is measured under, seeded.
ClipInput perturbedClip(const ClipInput& clip, std::uint32_t seed);

class FaithfulnessEvaluation {
public:
    FaithfulnessEvaluation(Explainer& explainer, FaithfulnessOptions options);

    // Explains the clip by every method for every head (the predicted class) and scores it;
    // `answer` may be null (no pointing game for this clip).
    Status addClip(const ClipInput& clip, const ClipAnswer* answer);

    // Per method, head and stream (method order, then task order, then stream), means over the clips.
    std::vector<MethodScores> scores() const;
    int clips() const { return clips_; }

private:
    Explainer& explainer_;
    FaithfulnessOptions options_;
    int clips_ = 0;
    std::vector<MethodScores> totals_;
};

}  // namespace actionlens::explain
