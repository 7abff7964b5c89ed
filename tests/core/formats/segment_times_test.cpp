#include "core/formats/segment_times.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::formats;

TEST(SegmentTimes, EveryFramesWrittenStartReadsBackAsThatFrame) {
    for (double fps : {23.976023976, 24.0, 25.0, 29.97002997, 30.0, 50.0, 59.94005994, 60.0, 120.0, 240.0, 999.0}) {
        SCOPED_TRACE(fps);
        for (std::int64_t frame = 0; frame < 200000; frame += frame < 1000 ? 1 : 97) {
            const std::int64_t ms = frameStartMs(frame, fps);
            ASSERT_EQ(frameAtMs(static_cast<double>(ms), fps), frame) << "frame " << frame << " written as " << ms << " ms";
            ASSERT_EQ(frameAtMs(static_cast<double>(ms) / 1000.0 * 1000.0, fps), frame);
        }
    }
    EXPECT_EQ(frameStartMs(10, 25.0), 400) << "an exact start stays as it is";
    EXPECT_EQ(frameStartMs(1, 29.97), 34) << "33.37 ms rounds up into the frame";
}

TEST(SegmentTimes, SpansEndExclusiveKeepShortOnesAndCutLongOnes) {
    annotation::Video video;
    video.fps = 25.0;
    video.frameCount = 100;
    auto span = framesOfTimes(400, 800, TimeUnit::Milliseconds, video);
    ASSERT_TRUE(span.ok()) << span.error();
    EXPECT_EQ(span->first, 10);
    EXPECT_EQ(span->last, 19);
    EXPECT_FALSE(span->cut);
    span = framesOfTimes(0.41, 0.43, TimeUnit::Seconds, video);  // within frame 10
    ASSERT_TRUE(span.ok()) << span.error();
    EXPECT_EQ(span->first, 10);
    EXPECT_EQ(span->last, 10);
    span = framesOfTimes(3.0, 9.5, TimeUnit::Seconds, video);
    ASSERT_TRUE(span.ok()) << span.error();
    EXPECT_EQ(span->last, 99);
    EXPECT_TRUE(span->cut);

    EXPECT_EQ(framesOfTimes(2, 1, TimeUnit::Seconds, video).error(), "ends at 1 s, not after its start at 2 s");
    EXPECT_EQ(framesOfTimes(-5, 10, TimeUnit::Milliseconds, video).error(), "starts at -5 ms, before the video");
    EXPECT_EQ(framesOfTimes(4000, 4100, TimeUnit::Milliseconds, video).error(),
              "starts at 4000 ms (frame 100), past the video's last frame 99");
    EXPECT_EQ(framesOfTimes(0, 1e300, TimeUnit::Seconds, video).error(), "ends at 1e+300 s, longer than any video");
    video.fps = 0;
    EXPECT_EQ(framesOfTimes(0, 1, TimeUnit::Seconds, video).error(), "the video has no frame rate, so times cannot become frames");
}
