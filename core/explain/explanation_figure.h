#pragma once

// Pictures of explanations, for reports and for the CLI: one figure per head (PNG), and the
// clip with the map laid over the video (MP4).
//
// The figure shows, per stream the head reads: the skeleton's joint x time heat strip (joint
// names down the side, the segment's source frames along the bottom) or a row of the network's
// view frames with the heat laid over them; and the temporal importance curve under it.
// The overlaid clip plays the segment's source frames: the video map blended over the subject's
// crop, the skeleton's joints and bones coloured and sized by their evidence, the head, class and
// probability written in the corner.

#include "core/common/result.h"
#include "core/explain/clip_input.h"
#include "core/explain/explainer.h"
#include "core/explain/heat_colours.h"
#include "core/model/skeleton_batch.h"

#include <string>
#include <utility>
#include <vector>

namespace actionlens::explain {

struct FigureStyle {
    HeatColours colours = HeatColours::Viridis;
    double opacity = 0.55;  // of the heat over video frames
};

// Writes the figure of `head` on `clip` (its streams) to `path` (PNG; the extension decides the
// format OpenCV writes). `jointNames` label the strip's rows (empty: numbers).
Status writeExplanationFigure(const std::string& path, const HeadExplanation& head, const ClipInput& clip,
                              const std::vector<std::string>& jointNames, const FigureStyle& style = {});

struct OverlaySkeleton {
    model::SkeletonClip skeleton;  // the segment's source frames, image pixels; frames 0 = none
    std::vector<std::pair<int, int>> edges;
};

// Writes the segment's source frames from the clip's video with `head`'s maps over them to
// `path` (MP4, the video's frame rate). Fails on a video that cannot be read, naming the frame.
Status writeExplanationVideo(const std::string& path, const HeadExplanation& head, const ClipInput& clip,
                             const OverlaySkeleton& skeleton, const FigureStyle& style = {});

}  // namespace actionlens::explain
