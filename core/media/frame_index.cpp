#include "core/media/frame_index.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>

namespace actionlens::media {

namespace {

constexpr char kMagic[8] = {'A', 'L', 'F', 'I', 'D', 'X', '0', '2'};

template <typename T>
void append(std::string& out, T value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
bool readValue(const std::string& in, size_t& offset, T& value) {
    if (offset + sizeof(T) > in.size()) return false;
    std::memcpy(&value, in.data() + offset, sizeof(T));
    offset += sizeof(T);
    return true;
}

}  // namespace

FrameIndex::FrameIndex(std::vector<FrameIndexEntry> entries, TimeBase timeBase, FrameIdentity identity)
    : entries_(std::move(entries)), timeBase_(timeBase), identity_(identity) {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const FrameIndexEntry& a, const FrameIndexEntry& b) { return a.pts < b.pts; });
    entries_.erase(std::unique(entries_.begin(), entries_.end(),
                               [](const FrameIndexEntry& a, const FrameIndexEntry& b) { return a.pts == b.pts; }),
                   entries_.end());
    for (int i = 0; i < frameCount(); ++i) {
        if (entries_[static_cast<size_t>(i)].keyframe) keyframes_.push_back(i);
    }
    if (identity_ == FrameIdentity::PacketDecodeTimestamp) {
        framesByDts_.reserve(entries_.size());
        for (int i = 0; i < frameCount(); ++i) framesByDts_.emplace_back(entries_[static_cast<size_t>(i)].dts, i);
        std::sort(framesByDts_.begin(), framesByDts_.end());
    }
}

std::optional<int> FrameIndex::frameForPacketDts(int64_t dts) const {
    auto it = std::lower_bound(framesByDts_.begin(), framesByDts_.end(), std::make_pair(dts, INT32_MIN));
    if (it == framesByDts_.end() || it->first != dts) return std::nullopt;
    return it->second;
}

double FrameIndex::seconds(int frame) const {
    if (entries_.empty()) return 0.0;
    return timeBase_.seconds(entries_[static_cast<size_t>(frame)].pts - entries_.front().pts);
}

int FrameIndex::frameAtSeconds(double t) const {
    if (entries_.empty()) return 0;
    // Compare in ticks so that a time read off this index maps back to the same frame.
    const double ticks = t * timeBase_.den / timeBase_.num;
    const int64_t target = entries_.front().pts + static_cast<int64_t>(std::floor(ticks + 1e-6));
    auto it = std::upper_bound(entries_.begin(), entries_.end(), target,
                               [](int64_t pts, const FrameIndexEntry& e) { return pts < e.pts; });
    if (it == entries_.begin()) return 0;
    return static_cast<int>(std::distance(entries_.begin(), it)) - 1;
}

std::optional<int> FrameIndex::frameForPts(int64_t pts) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), pts,
                               [](const FrameIndexEntry& e, int64_t value) { return e.pts < value; });
    if (it == entries_.end() || it->pts != pts) return std::nullopt;
    return static_cast<int>(std::distance(entries_.begin(), it));
}

int FrameIndex::nearestFrameForPts(int64_t pts) const {
    if (entries_.empty()) return 0;
    auto it = std::lower_bound(entries_.begin(), entries_.end(), pts,
                               [](const FrameIndexEntry& e, int64_t value) { return e.pts < value; });
    if (it == entries_.end()) return frameCount() - 1;
    const int after = static_cast<int>(std::distance(entries_.begin(), it));
    if (after == 0) return 0;
    const int before = after - 1;
    return (pts - entries_[static_cast<size_t>(before)].pts) <= (it->pts - pts) ? before : after;
}

int FrameIndex::keyframeAtOrBefore(int frame) const {
    auto it = std::upper_bound(keyframes_.begin(), keyframes_.end(), frame);
    if (it == keyframes_.begin()) return 0;
    return *std::prev(it);
}

std::optional<int> FrameIndex::keyframeBefore(int keyframe) const {
    auto it = std::lower_bound(keyframes_.begin(), keyframes_.end(), keyframe);
    if (it == keyframes_.begin()) return std::nullopt;
    return *std::prev(it);
}

double FrameIndex::averageFps() const {
    if (entries_.size() < 2) return 0.0;
    const double span = timeBase_.seconds(entries_.back().pts - entries_.front().pts);
    return span > 0 ? static_cast<double>(entries_.size() - 1) / span : 0.0;
}

double FrameIndex::durationSeconds() const {
    if (entries_.empty()) return 0.0;
    const double fps = averageFps();
    return seconds(frameCount() - 1) + (fps > 0 ? 1.0 / fps : 0.0);
}

bool FrameIndex::variableFrameRate() const {
    if (entries_.size() < 3) return false;
    int64_t shortest = INT64_MAX;
    int64_t longest = 0;
    for (size_t i = 1; i < entries_.size(); ++i) {
        const int64_t d = entries_[i].pts - entries_[i - 1].pts;
        shortest = std::min(shortest, d);
        longest = std::max(longest, d);
    }
    return static_cast<double>(longest - shortest) > 0.01 * static_cast<double>(longest);
}

bool FrameIndex::hasReordering() const {
    for (size_t i = 1; i < entries_.size(); ++i) {
        if (entries_[i].dts < entries_[i - 1].dts) return true;
    }
    return false;
}

std::string FrameIndex::serialize() const {
    std::string out(kMagic, sizeof(kMagic));
    append<int32_t>(out, timeBase_.num);
    append<int32_t>(out, timeBase_.den);
    append<uint8_t>(out, identity_ == FrameIdentity::PacketDecodeTimestamp ? 1 : 0);
    append<uint64_t>(out, entries_.size());
    for (const FrameIndexEntry& e : entries_) {
        append<int64_t>(out, e.pts);
        append<int64_t>(out, e.dts);
        append<int64_t>(out, e.bytePos);
        append<uint8_t>(out, e.keyframe ? 1 : 0);
    }
    return out;
}

Result<FrameIndex> FrameIndex::deserialize(const std::string& bytes) {
    if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
        return makeError("not a frame index file (bad header)");
    }
    size_t offset = sizeof(kMagic);
    TimeBase timeBase;
    uint64_t count = 0;
    uint8_t identity = 0;
    if (!readValue(bytes, offset, timeBase.num) || !readValue(bytes, offset, timeBase.den) ||
        !readValue(bytes, offset, identity) || !readValue(bytes, offset, count)) {
        return makeError("frame index file is truncated in its header");
    }
    if (timeBase.num <= 0 || timeBase.den <= 0) return makeError("frame index file has an invalid time base");
    if (identity > 1) return makeError("frame index file has an unknown frame identity");
    constexpr size_t kEntryBytes = 3 * sizeof(int64_t) + 1;
    if (count > (bytes.size() - offset) / kEntryBytes || (bytes.size() - offset) != count * kEntryBytes) {
        return makeError("frame index file is truncated or has trailing bytes");
    }
    if (count > static_cast<uint64_t>(INT_MAX)) return makeError("frame index file holds too many frames");
    // Real streams' timestamps stay far from int64's ends; within this bound every difference of
    // two of them (spans, gaps between frames) is representable.
    constexpr int64_t kTimestampLimit = int64_t(1) << 61;
    std::vector<FrameIndexEntry> entries(count);
    for (FrameIndexEntry& e : entries) {
        uint8_t key = 0;
        readValue(bytes, offset, e.pts);
        readValue(bytes, offset, e.dts);
        readValue(bytes, offset, e.bytePos);
        readValue(bytes, offset, key);
        e.keyframe = key != 0;
        if (e.pts < -kTimestampLimit || e.pts > kTimestampLimit || e.dts < -kTimestampLimit || e.dts > kTimestampLimit)
            return makeError("frame index file has a timestamp out of range (" + std::to_string(e.pts) + ", " + std::to_string(e.dts) + ")");
    }
    FrameIndex index(std::move(entries), timeBase,
                     identity ? FrameIdentity::PacketDecodeTimestamp : FrameIdentity::PresentationTimestamp);
    if (static_cast<uint64_t>(index.frameCount()) != count) {
        return makeError("frame index file holds duplicate timestamps");
    }
    return index;
}

}  // namespace actionlens::media
