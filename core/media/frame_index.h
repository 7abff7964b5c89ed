#pragma once

// FrameIndex: every frame of a video stream in display order (its timestamps and whether it is
// a keyframe), built from the demuxed packets without decoding. Frame N is the N-th displayed
// frame; its time comes from the stream's own timestamps, so variable frame rate is exact.

#include "core/common/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace actionlens::media {

struct FrameIndexEntry {
    int64_t pts = 0;        // presentation timestamp (stream time base)
    int64_t dts = 0;        // decoding timestamp; differs in order from pts when B-frames reorder
    int64_t bytePos = -1;   // packet position in the file, -1 if unknown
    bool keyframe = false;  // decoding can start here
};

struct TimeBase {
    int num = 1;
    int den = 1;
    double seconds(int64_t ticks) const { return static_cast<double>(ticks) * num / den; }
};

// How a decoded picture is matched to its entry. Most containers give every packet a
// presentation timestamp, which the decoder hands back on the picture. AVI gives some packets
// only a decoding timestamp; there the index is built by decoding once, and pictures are
// matched by the decoding timestamp of the packet they came from.
enum class FrameIdentity { PresentationTimestamp, PacketDecodeTimestamp };

class FrameIndex {
public:
    FrameIndex() = default;
    // `entries` in any order: they are sorted into display order (by pts). Duplicate pts are
    // dropped (a stream cannot show two frames at one instant).
    FrameIndex(std::vector<FrameIndexEntry> entries, TimeBase timeBase,
               FrameIdentity identity = FrameIdentity::PresentationTimestamp);

    FrameIdentity identity() const { return identity_; }
    // The frame decoded from the packet with this dts (for PacketDecodeTimestamp indexes).
    std::optional<int> frameForPacketDts(int64_t dts) const;

    int frameCount() const { return static_cast<int>(entries_.size()); }
    bool empty() const { return entries_.empty(); }
    const FrameIndexEntry& entry(int frame) const { return entries_[static_cast<size_t>(frame)]; }
    const std::vector<FrameIndexEntry>& entries() const { return entries_; }
    TimeBase timeBase() const { return timeBase_; }

    // Seconds since the first displayed frame.
    double seconds(int frame) const;
    // Frame shown at time t (the last frame whose time is <= t), clamped to the video.
    int frameAtSeconds(double t) const;
    // Exact lookup of a decoded frame's pts; nullopt if no frame has it.
    std::optional<int> frameForPts(int64_t pts) const;
    // The nearest frame to `pts` (for decoders that report slightly different timestamps).
    int nearestFrameForPts(int64_t pts) const;

    const std::vector<int>& keyframes() const { return keyframes_; }
    // The last keyframe at or before `frame` in display order; 0 if none.
    int keyframeAtOrBefore(int frame) const;
    // The keyframe before the one returned by keyframeAtOrBefore(frame); nullopt if none.
    std::optional<int> keyframeBefore(int keyframe) const;

    // Mean frame rate over the whole stream (frames per second).
    double averageFps() const;
    double durationSeconds() const;  // last frame's time plus one mean frame duration
    // True when frame durations differ by more than 1 % from each other.
    bool variableFrameRate() const;
    // True when decode order differs from display order (B-frames).
    bool hasReordering() const;

    // Compact binary form for the on-disk cache; `deserialize` validates everything.
    std::string serialize() const;
    static Result<FrameIndex> deserialize(const std::string& bytes);

private:
    std::vector<FrameIndexEntry> entries_;
    std::vector<int> keyframes_;
    std::vector<std::pair<int64_t, int>> framesByDts_;  // sorted by dts
    TimeBase timeBase_;
    FrameIdentity identity_ = FrameIdentity::PresentationTimestamp;
};

}  // namespace actionlens::media
