#pragma once

// SkeletonFrameCache: the skeletons of one video, read from the store in blocks of frames as
// the playhead reaches them. Each paint asks for one frame; reading a block costs about as much
// as reading one frame (one indexed range query), so playback reads the store once per block.

#include "core/annotation/skeleton_frame.h"
#include "core/common/result.h"

#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <vector>

namespace actionlens::ui {

class SkeletonFrameCache {
public:
    // Reads frames first..last inclusive of the cache's video.
    using Reader = std::function<Result<std::vector<annotation::SkeletonFrame>>(std::int64_t first, std::int64_t last)>;

    static constexpr std::int64_t kBlockFrames = 256;
    static constexpr size_t kMaxBlocks = 32;

    void reset(Reader reader);  // a new video (or none: an empty reader)
    void invalidate();          // the store changed: read again on the next request
    // All subjects' skeletons in `frame`; an empty list when there are none or reading failed
    // (lastError() says why).
    std::vector<annotation::SkeletonFrame> at(std::int64_t frame);
    const std::string& lastError() const { return lastError_; }
    int blockReads() const { return blockReads_; }

private:
    Reader reader_;
    std::map<std::int64_t, std::vector<annotation::SkeletonFrame>> blocks_;
    std::list<std::int64_t> recent_;  // most recently used block first
    std::string lastError_;
    int blockReads_ = 0;
};

}  // namespace actionlens::ui
