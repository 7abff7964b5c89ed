#include "core/media/frame_server.h"

#include <algorithm>

namespace actionlens::media {

FrameServer::FrameServer(std::unique_ptr<FrameSource> source, FrameServerSettings settings)
    : source_(std::move(source)),
      info_(source_->info()),
      index_(source_->index()),
      settings_(settings),
      cache_(settings.cacheBudgetBytes) {
    const size_t frameBytes = static_cast<size_t>(alignedStride(info_.width, source_->pixelLayout())) * info_.height + sizeof(VideoFrame);
    const int framesInBudget = static_cast<int>(std::max<size_t>(1, settings_.cacheBudgetBytes / frameBytes));
    const int twoSeconds = static_cast<int>(std::max(2.0, 2.0 * (info_.fps > 0 ? info_.fps : 25.0)));
    prefetchWindow_ = settings_.prefetchFrames > 0 ? settings_.prefetchFrames : twoSeconds;
    prefetchWindow_ = std::max(1, std::min(prefetchWindow_, framesInBudget / 2));
    keepBehind_ = std::max(0, framesInBudget / 2);
    thread_ = std::thread([this] { run(); });
}

FrameServer::~FrameServer() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

FramePtr FrameServer::tryGet(int frame) {
    if (FramePtr cached = cache_.get(frame)) {
        std::lock_guard<std::mutex> lock(mutex_);
        ++stats_.cacheHits;
        return cached;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++stats_.cacheMisses;
        if (failures_.count(frame)) return nullptr;
        latestRequest_ = frame;
    }
    wake_.notify_all();
    return nullptr;
}

Result<FramePtr> FrameServer::get(int frame) {
    if (frame < 0 || frame >= index_.frameCount()) {
        return frameOutOfRange(frame, index_.frameCount());
    }
    if (FramePtr cached = cache_.get(frame)) {
        std::lock_guard<std::mutex> lock(mutex_);
        ++stats_.cacheHits;
        return cached;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    ++stats_.cacheMisses;
    if (auto failed = failures_.find(frame); failed != failures_.end()) return makeError(failed->second);
    std::shared_ptr<Waiter>& slot = waiters_[frame];
    if (!slot) slot = std::make_shared<Waiter>();
    std::shared_ptr<Waiter> waiter = slot;
    blockingRequests_.push_back(frame);
    wake_.notify_all();
    progress_.wait(lock, [&] { return waiter->done; });
    return *waiter->result;
}

std::optional<std::string> FrameServer::errorFor(int frame) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = failures_.find(frame);
    if (it == failures_.end()) return std::nullopt;
    return it->second;
}

void FrameServer::setPlayhead(int frame, PlayDirection direction) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        playhead_ = std::clamp(frame, 0, std::max(0, index_.frameCount() - 1));
        direction_ = direction;
    }
    wake_.notify_all();
}

void FrameServer::setFrameReadyCallback(std::function<void(int)> callback) {
    std::lock_guard<std::mutex> lock(mutex_);
    frameReady_ = std::move(callback);
}

void FrameServer::waitUntilIdle() {
    std::unique_lock<std::mutex> lock(mutex_);
    progress_.wait(lock, [&] {
        return stopping_ || (!busy_ && blockingRequests_.empty() && !latestRequest_ && !nextPrefetchTarget());
    });
}

FrameServerStatistics FrameServer::statistics() const {
    std::lock_guard<std::mutex> lock(mutex_);
    FrameServerStatistics out = stats_;
    return out;
}

bool FrameServer::settled(int frame) const { return cache_.contains(frame) || failures_.count(frame) != 0; }

std::optional<int> FrameServer::nextPrefetchTarget() const {
    const int last = index_.frameCount() - 1;
    if (last < 0) return std::nullopt;
    const int ahead = direction_ == PlayDirection::Paused ? settings_.pausedPrefetchFrames : prefetchWindow_;
    if (!settled(playhead_)) return playhead_;
    if (direction_ != PlayDirection::Backward) {
        for (int f = playhead_ + 1; f <= std::min(last, playhead_ + ahead); ++f) {
            if (!settled(f)) return f;
        }
    }
    if (direction_ != PlayDirection::Forward) {
        for (int f = playhead_ - 1; f >= std::max(0, playhead_ - ahead); --f) {
            if (!settled(f)) return f;
        }
    }
    return std::nullopt;
}

void FrameServer::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
        std::optional<int> target;
        if (stopping_) break;
        if (!blockingRequests_.empty()) {
            target = blockingRequests_.front();
            blockingRequests_.pop_front();
        } else if (latestRequest_) {
            target = latestRequest_;
            latestRequest_.reset();
        } else {
            target = nextPrefetchTarget();
        }
        if (!target) {
            progress_.notify_all();  // idle
            wake_.wait(lock);
            continue;
        }
        busy_ = true;
        lock.unlock();
        decode(*target);
        lock.lock();
        busy_ = false;
        progress_.notify_all();
    }
    // Release everyone still waiting.
    for (auto& [frame, waiter] : waiters_) {
        waiter->result = Result<FramePtr>(makeError("the video was closed"));
        waiter->done = true;
    }
    waiters_.clear();
    progress_.notify_all();
}

void FrameServer::decode(int frame) {
    FramePtr frameOut = cache_.get(frame);
    std::optional<std::string> error;
    if (!frameOut) {
        // Keep the frames passed on the way from the keyframe: they are what stepping back shows.
        PassedFrameSink sink;
        sink.wants = [&](int d) { return d >= frame - keepBehind_ && !cache_.contains(d); };
        sink.take = [&](FramePtr passed) {
            const int passedIndex = passed->index;
            cache_.put(std::move(passed));
            std::lock_guard<std::mutex> lock(mutex_);
            if (auto it = waiters_.find(passedIndex); it != waiters_.end()) {
                it->second->result = Result<FramePtr>(cache_.get(passedIndex));
                it->second->done = true;
                waiters_.erase(it);
                progress_.notify_all();
            }
        };
        Result<FramePtr> decoded = source_->readFrame(frame, &sink);
        if (decoded.ok()) {
            frameOut = decoded.value();
            cache_.put(frameOut);
        } else {
            error = decoded.error();
        }
    }
    std::function<void(int)> ready;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stats_.decode = source_->statistics();
        if (error) failures_[frame] = *error;
        if (auto it = waiters_.find(frame); it != waiters_.end()) {
            it->second->result = error ? Result<FramePtr>(makeError(*error)) : Result<FramePtr>(frameOut);
            it->second->done = true;
            waiters_.erase(it);
        }
        ready = frameReady_;
    }
    progress_.notify_all();
    if (ready && !error) ready(frame);
}

}  // namespace actionlens::media
