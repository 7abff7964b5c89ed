#include "ui/document/skeleton_frame_cache.h"

#include <algorithm>

namespace actionlens::ui {

void SkeletonFrameCache::reset(Reader reader) {
    reader_ = std::move(reader);
    invalidate();
}

void SkeletonFrameCache::invalidate() {
    blocks_.clear();
    recent_.clear();
    lastError_.clear();
}

std::vector<annotation::SkeletonFrame> SkeletonFrameCache::at(std::int64_t frame) {
    if (!reader_ || frame < 0) return {};
    const std::int64_t block = frame / kBlockFrames;
    auto found = blocks_.find(block);
    if (found == blocks_.end()) {
        auto read = reader_(block * kBlockFrames, block * kBlockFrames + kBlockFrames - 1);
        ++blockReads_;
        if (!read) {
            lastError_ = read.error();
            return {};
        }
        if (blocks_.size() >= kMaxBlocks) {
            blocks_.erase(recent_.back());
            recent_.pop_back();
        }
        found = blocks_.emplace(block, std::move(read).value()).first;
    } else {
        recent_.remove(block);
    }
    recent_.push_front(block);
    // The block is ordered by frame: the frame's rows are one run.
    const auto& rows = found->second;
    auto first = std::lower_bound(rows.begin(), rows.end(), frame,
                                  [](const annotation::SkeletonFrame& f, std::int64_t n) { return f.frame < n; });
    std::vector<annotation::SkeletonFrame> result;
    for (auto it = first; it != rows.end() && it->frame == frame; ++it) result.push_back(*it);
    return result;
}

}  // namespace actionlens::ui
