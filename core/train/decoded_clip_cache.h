#pragma once

// DecodedClipCache: decoded RGB clips kept in memory, so that every epoch after the first reads
// its clips without decoding a frame.
//
// In memory with a byte budget rather than on disk beside the project: a clip at the network's
// size is small (16 x 112 x 112 x 3 bytes = 588 KiB, a thousand clips in 600 MiB), a disk cache
// would have to notice edited segments and re-encoded videos, would write into a project folder
// that may be read-only or shared, and would outlive the run for nothing when the sizes change.
// Once the budget is spent new clips are decoded on every use but not kept: under the loader's
// shuffled order an evicting policy (LRU) would throw out every clip before its next use, while
// keeping the first ones keeps a fixed share of every epoch undecoded.

#include "core/train/rgb_clip.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

namespace actionlens::train {

struct ClipCacheStatistics {
    std::int64_t hits = 0;
    std::int64_t decodes = 0;     // requests passed to the decoder (misses)
    std::int64_t clipsHeld = 0;
    std::int64_t bytesHeld = 0;
    std::int64_t notKept = 0;     // decoded clips left out because the budget was spent
};

class DecodedClipCache final : public RgbClipDecoder {
public:
    // `decoder` must outlive the cache.
    DecodedClipCache(RgbClipDecoder& decoder, std::int64_t budgetBytes);

    Result<RgbClip> decode(const RgbClipRequest& request) override;
    ClipCacheStatistics statistics() const;
    std::int64_t budgetBytes() const { return budget_; }

private:
    using Key = std::tuple<std::string, std::int64_t, std::int64_t, int, int, int, int, int, int, int>;
    RgbClipDecoder& decoder_;
    std::int64_t budget_;
    mutable std::mutex mutex_;
    std::map<Key, std::shared_ptr<const RgbClip>> clips_;
    ClipCacheStatistics statistics_;
};

}  // namespace actionlens::train
