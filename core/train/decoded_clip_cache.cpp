#include "core/train/decoded_clip_cache.h"

#include <algorithm>

namespace actionlens::train {

DecodedClipCache::DecodedClipCache(RgbClipDecoder& decoder, std::int64_t budgetBytes)
    : decoder_(decoder), budget_(std::max<std::int64_t>(0, budgetBytes)) {}

Result<RgbClip> DecodedClipCache::decode(const RgbClipRequest& request) {
    const Key key{request.videoPath, request.firstFrame, request.frameCount, request.frames, request.height, request.width,
                  request.regionX, request.regionY, request.regionWidth, request.regionHeight};
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = clips_.find(key); it != clips_.end()) {
            ++statistics_.hits;
            return *it->second;
        }
        ++statistics_.decodes;
    }
    // Decoded outside the lock: the training thread's validation and the loader thread may both
    // be decoding. Two threads missing the same clip at once both decode it; the first one keeps it.
    Result<RgbClip> decoded = decoder_.decode(request);
    if (!decoded) return decoded;
    std::lock_guard<std::mutex> lock(mutex_);
    const std::int64_t bytes = std::int64_t(decoded->pixels.size());
    if (statistics_.bytesHeld + bytes <= budget_) {
        if (clips_.emplace(key, std::make_shared<const RgbClip>(decoded.value())).second) {
            statistics_.bytesHeld += bytes;
            ++statistics_.clipsHeld;
        }
    } else {
        ++statistics_.notKept;
    }
    return decoded;
}

ClipCacheStatistics DecodedClipCache::statistics() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return statistics_;
}

}  // namespace actionlens::train
