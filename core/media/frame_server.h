#pragma once

// FrameServer: a FrameSource behind its own decoder thread, with a bounded cache of decoded
// frames around the playhead. Viewers ask without blocking (tryGet) or wait (get); while idle
// the thread prefetches in the play direction. When it decodes from a keyframe to reach a frame
// it keeps the frames it passes, so stepping backwards within a GOP costs no decoding.

#include "core/common/result.h"
#include "core/media/frame_cache.h"
#include "core/media/frame_source.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace actionlens::media {

enum class PlayDirection { Paused, Forward, Backward };

struct FrameServerSettings {
    size_t cacheBudgetBytes = size_t{512} << 20;
    // Frames to decode ahead of the playhead while playing; 0: two seconds of video, at most
    // half the cache.
    int prefetchFrames = 0;
    int pausedPrefetchFrames = 8;  // a few frames either way for single-stepping
};

struct FrameServerStatistics {
    int64_t cacheHits = 0;
    int64_t cacheMisses = 0;
    DecodeStatistics decode;
};

class FrameServer {
public:
    explicit FrameServer(std::unique_ptr<FrameSource> source, FrameServerSettings settings = {});
    ~FrameServer();
    FrameServer(const FrameServer&) = delete;
    FrameServer& operator=(const FrameServer&) = delete;

    // Fixed for the server's life; safe from any thread.
    const VideoInfo& info() const { return info_; }
    const FrameIndex& index() const { return index_; }

    // The frame if it is cached; otherwise null, and the decoder thread fetches it next
    // (a newer tryGet replaces an older one: scrubbing only wants the latest).
    FramePtr tryGet(int frame);
    // Waits until the frame is decoded, or its error is known.
    Result<FramePtr> get(int frame);
    // Why the frame could not be decoded, if it could not.
    std::optional<std::string> errorFor(int frame) const;

    // Where the viewer is and which way it plays; prefetching follows.
    void setPlayhead(int frame, PlayDirection direction);
    // Called on the decoder thread each time a requested or prefetched frame is ready.
    void setFrameReadyCallback(std::function<void(int frame)> callback);
    // Blocks until nothing is requested and prefetching has nothing left to do.
    void waitUntilIdle();

    FrameServerStatistics statistics() const;
    FrameCache& cache() { return cache_; }

private:
    struct Waiter {
        bool done = false;
        std::optional<Result<FramePtr>> result;
    };

    void run();
    std::optional<int> nextPrefetchTarget() const;  // caller holds mutex_
    bool settled(int frame) const;                   // cached or failed; caller holds mutex_
    void decode(int frame);

    std::unique_ptr<FrameSource> source_;  // used on the decoder thread only
    const VideoInfo info_;
    const FrameIndex index_;
    const FrameServerSettings settings_;
    FrameCache cache_;
    int prefetchWindow_ = 0;
    int keepBehind_ = 0;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable progress_;
    std::deque<int> blockingRequests_;
    std::optional<int> latestRequest_;
    std::unordered_map<int, std::shared_ptr<Waiter>> waiters_;
    std::unordered_map<int, std::string> failures_;
    int playhead_ = 0;
    PlayDirection direction_ = PlayDirection::Paused;
    bool busy_ = false;
    bool stopping_ = false;
    std::function<void(int)> frameReady_;
    FrameServerStatistics stats_;
    std::thread thread_;
};

}  // namespace actionlens::media
