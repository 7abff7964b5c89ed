#include "core/media/frame_server.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>

using namespace actionlens;
using namespace actionlens::media;

namespace {

std::unique_ptr<FrameServer> serve(const std::string& path, FrameServerSettings settings = {}) {
    static fixtures::TempDir cacheDir;
    OpenOptions options;
    options.indexCacheDirectory = cacheDir.path();
    auto source = openFrameSource(path, options);
    EXPECT_TRUE(source.ok()) << (source.ok() ? "" : source.error());
    if (!source.ok()) return nullptr;
    return std::make_unique<FrameServer>(std::move(source).value(), settings);
}

}  // namespace

TEST(FrameServer, ServesExactFramesOnRequest) {
    auto server = serve(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(server);
    std::mt19937 random(5);
    std::uniform_int_distribution<int> pick(0, 599);
    for (int i = 0; i < 40; ++i) {
        const int n = pick(random);
        auto frame = server->get(n);
        ASSERT_TRUE(frame.ok()) << frame.error();
        EXPECT_EQ(fixtures::stampOf(*frame.value()), n);
    }
    EXPECT_FALSE(server->get(600).ok());
}

TEST(FrameServer, SteppingBackwardsWithinAGopCostsNoDecoding) {
    auto server = serve(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(server);
    auto target = server->get(400);
    ASSERT_TRUE(target.ok()) << target.error();
    server->waitUntilIdle();  // let paused prefetching settle
    const int64_t decodedBefore = server->statistics().decode.framesDecoded;
    for (int n = 399; n >= 300; --n) {
        FramePtr frame = server->tryGet(n);
        ASSERT_TRUE(frame) << "frame " << n << " should already be cached";
        EXPECT_EQ(fixtures::stampOf(*frame), n);
    }
    server->waitUntilIdle();
    EXPECT_EQ(server->statistics().decode.framesDecoded, decodedBefore);
}

TEST(FrameServer, PrefetchesAheadWhilePlaying) {
    FrameServerSettings settings;
    settings.prefetchFrames = 30;
    auto server = serve(fixtures::sharedLongGopVideo(), settings);
    ASSERT_TRUE(server);
    server->setPlayhead(100, PlayDirection::Forward);
    server->waitUntilIdle();
    for (int n = 100; n <= 130; ++n) EXPECT_TRUE(server->cache().contains(n)) << n;
    EXPECT_FALSE(server->cache().contains(131));
}

TEST(FrameServer, PrefetchesBehindWhilePlayingBackwards) {
    FrameServerSettings settings;
    settings.prefetchFrames = 20;
    auto server = serve(fixtures::sharedLongGopVideo(), settings);
    ASSERT_TRUE(server);
    server->setPlayhead(260, PlayDirection::Backward);
    server->waitUntilIdle();
    for (int n = 240; n <= 260; ++n) EXPECT_TRUE(server->cache().contains(n)) << n;
}

TEST(FrameServer, NonBlockingRequestsArriveThroughTheCallback) {
    auto server = serve(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(server);
    std::atomic<int> ready{-1};
    server->setFrameReadyCallback([&](int frame) {
        if (frame == 450) ready = frame;
    });
    EXPECT_EQ(server->tryGet(450), nullptr);
    for (int i = 0; i < 500 && ready != 450; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_EQ(ready.load(), 450);
    FramePtr frame = server->tryGet(450);
    ASSERT_TRUE(frame);
    EXPECT_EQ(fixtures::stampOf(*frame), 450);
}

TEST(FrameServer, StaysWithinItsCacheBudget) {
    FrameServerSettings settings;
    settings.cacheBudgetBytes = size_t{4} << 20;  // about 17 frames of 320x240
    auto server = serve(fixtures::sharedLongGopVideo(), settings);
    ASSERT_TRUE(server);
    for (int n = 0; n < 100; n += 3) ASSERT_TRUE(server->get(n).ok());
    server->setPlayhead(300, PlayDirection::Forward);
    server->waitUntilIdle();
    EXPECT_LE(server->cache().bytesUsed(), settings.cacheBudgetBytes);
}

TEST(FrameServer, ManyThreadsAskingAtOnceAllGetTheirFrame) {
    auto server = serve(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(server);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937 random(static_cast<unsigned>(t));
            std::uniform_int_distribution<int> pick(0, 599);
            for (int i = 0; i < 15; ++i) {
                const int n = pick(random);
                auto frame = server->get(n);
                if (!frame.ok() || fixtures::stampOf(*frame.value()) != n) ++wrong;
                server->setPlayhead(n, PlayDirection::Forward);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(wrong.load(), 0);
}

TEST(FrameServer, ClosingWhilePrefetchingIsClean) {
    auto server = serve(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(server);
    server->setPlayhead(10, PlayDirection::Forward);
    server.reset();  // must join the decoder thread without hanging
    SUCCEED();
}
