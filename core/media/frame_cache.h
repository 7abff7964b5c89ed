#pragma once

// FrameCache: decoded frames by display index, bounded by a memory budget, least recently used
// frames evicted first. Thread-safe: the decoder thread fills it while the viewer reads it.

#include "core/media/video_frame.h"

#include <cstddef>
#include <list>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace actionlens::media {

class FrameCache {
public:
    explicit FrameCache(size_t budgetBytes);

    FramePtr get(int frame);          // counts as a use; null if absent
    bool contains(int frame) const;   // does not count as a use
    void put(FramePtr frame);         // evicts least recently used frames to stay in budget
    void clear();

    size_t budgetBytes() const;
    void setBudgetBytes(size_t bytes);
    size_t bytesUsed() const;
    size_t size() const;
    std::vector<int> frames() const;  // cached display indices, in no particular order

private:
    void evictToBudget();  // caller holds mutex_

    mutable std::mutex mutex_;
    size_t budget_;
    size_t used_ = 0;
    std::list<FramePtr> recency_;  // front: most recently used
    std::unordered_map<int, std::list<FramePtr>::iterator> byIndex_;
};

}  // namespace actionlens::media
