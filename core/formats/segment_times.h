#pragma once

// Segment times and frames for the formats that give times (ELAN in milliseconds, ActivityNet in
// seconds). The store keeps only a video's frame rate, so a time t falls in frame
// floor(t * fps + 1e-6) (the epsilon absorbs a time meant as a frame's start that reads back a
// hair short of it) and a segment's end time is the end of its last frame, exclusive. Written
// times are each frame's start rounded up to a whole millisecond: below 1000 fps that still
// lies inside the frame, so an exported time reads back as the same frame.

#include "core/annotation/video.h"
#include "core/common/result.h"

#include <cstdint>

namespace actionlens::formats {

// The frame that a time `ms` milliseconds into a video of `fps` frames per second falls in.
std::int64_t frameAtMs(double ms, double fps);
// The start of `frame` in whole milliseconds, rounded up.
std::int64_t frameStartMs(std::int64_t frame, double fps);

struct FrameSpan {
    std::int64_t first = 0;
    std::int64_t last = 0;  // inclusive
    // The end lay past the video's last frame and was cut there (ActivityNet's annotations do
    // that); the importer says so through ImportOptions::warning.
    bool cut = false;
};

enum class TimeUnit { Milliseconds, Seconds };

// The frames from `start` to `end` (exclusive) of `video`; a span shorter than a frame keeps the
// frame it starts in. Fails, saying why in the file's unit, when the video has no frame rate, a
// time is negative or not a number, the end is not after the start, or the start lies past the
// video's last frame.
Result<FrameSpan> framesOfTimes(double start, double end, TimeUnit unit, const annotation::Video& video);

}  // namespace actionlens::formats
