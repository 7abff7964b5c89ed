#include "core/media/frame_cache.h"

namespace actionlens::media {

FrameCache::FrameCache(size_t budgetBytes) : budget_(budgetBytes) {}

FramePtr FrameCache::get(int frame) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = byIndex_.find(frame);
    if (it == byIndex_.end()) return nullptr;
    recency_.splice(recency_.begin(), recency_, it->second);
    return *it->second;
}

bool FrameCache::contains(int frame) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return byIndex_.count(frame) != 0;
}

void FrameCache::put(FramePtr frame) {
    if (!frame) return;
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = byIndex_.find(frame->index);
    if (it != byIndex_.end()) {
        used_ -= (*it->second)->byteSize();
        recency_.erase(it->second);
        byIndex_.erase(it);
    }
    // A frame larger than the whole budget is still kept alone: the viewer needs it.
    used_ += frame->byteSize();
    recency_.push_front(std::move(frame));
    byIndex_[recency_.front()->index] = recency_.begin();
    evictToBudget();
}

void FrameCache::evictToBudget() {
    while (used_ > budget_ && recency_.size() > 1) {
        const FramePtr& oldest = recency_.back();
        used_ -= oldest->byteSize();
        byIndex_.erase(oldest->index);
        recency_.pop_back();
    }
}

void FrameCache::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    recency_.clear();
    byIndex_.clear();
    used_ = 0;
}

size_t FrameCache::budgetBytes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return budget_;
}

void FrameCache::setBudgetBytes(size_t bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    budget_ = bytes;
    evictToBudget();
}

size_t FrameCache::bytesUsed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return used_;
}

size_t FrameCache::size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return recency_.size();
}

std::vector<int> FrameCache::frames() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<int> out;
    out.reserve(byIndex_.size());
    for (const auto& [index, it] : byIndex_) out.push_back(index);
    return out;
}

}  // namespace actionlens::media
