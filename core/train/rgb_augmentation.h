#pragma once

// The views of an RGB clip that the video trunk sees: values in [0, 1] normalised per channel
// with the Kinetics-400 mean and deviation (what (2+1)D networks are usually fed), as
// (3, frames, height, width). Training views are augmented first: a random resized crop, a
// horizontal flip, a small rotation and colour jitter (brightness, contrast, saturation), one
// draw per clip so that every frame of a clip moves together (motion stays motion), and a
// temporal crop: the view's frames are sampled from a random window of the decoded ones.

#include "core/model/skeleton_batch.h"
#include "core/train/rgb_clip.h"
#include "core/train/train_config.h"

#include <random>
#include <vector>

namespace actionlens::train {

struct RgbViewDraw {
    // The crop, as fractions of the frame: top-left corner and size.
    double cropX = 0.0;
    double cropY = 0.0;
    double cropWidth = 1.0;
    double cropHeight = 1.0;
    bool flip = false;
    double angleRadians = 0.0;
    double brightness = 1.0;
    double contrast = 1.0;
    double saturation = 1.0;
    // The window of the decoded clip's time the view samples, as fractions of it.
    double timeStart = 0.0;
    double timeLength = 1.0;
};

// Draws one training view. Every draw happens whatever the options (a fixed count of numbers),
// so one option never shifts another's numbers; with enabled = false the view is the identity.
RgbViewDraw drawRgbView(const RgbAugmentationConfig& augmentation, std::mt19937& rng);

// The clip seen through `draw`, at the clip's own size, bilinearly sampled (edges repeated),
// normalised: (3, frames, height, width). `frames` (0: the clip's own count) are sampled from the
// draw's time window, frame k from the centre of the k-th of `frames` equal parts of it. The
// identity draw at the clip's own count reads every pixel exactly.
std::vector<float> rgbView(const RgbClip& clip, const RgbViewDraw& draw = {}, int frames = 0);

// The decoded frames a view of `frames` frames needs: twice as many for a training view with a
// temporal crop (a window of them is sampled), else `frames`.
int decodedFramesFor(int frames, const RgbAugmentationConfig* training);

// Sets the request's region to the square around the skeleton's visible joints over frames
// [first, first + count) (image pixels), a quarter wider than their extent so that hands and
// head are not cut; left as the whole frame when no joint is visible. Video trunks see the
// subject, not the scene: the labels are the subject's, and on little data a whole frame's
// background is what a network memorises.
void setSubjectRegion(RgbClipRequest& request, const model::SkeletonClip& skeleton, int first = 0, int count = -1);

// Channel means and deviations of the normalisation, R, G, B.
inline constexpr float kRgbMean[3] = {0.43216f, 0.394666f, 0.37645f};
inline constexpr float kRgbStd[3] = {0.22803f, 0.22145f, 0.216989f};

}  // namespace actionlens::train
