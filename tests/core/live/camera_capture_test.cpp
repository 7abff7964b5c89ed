// CameraCapture: a consumer slower than the camera gets the newest frame, the ones it missed
// counted as dropped; the end of the input and stop() end next().

#include "core/live/camera_capture.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace actionlens::live {
namespace {

TEST(CameraCapture, NewestFrameWinsAndTheRestAreCountedAsDropped) {
    media::CameraOptions options;
    options.paceGenerated = false;  // 50 frames at once: a consumer cannot keep up
    auto camera = media::CameraSource::open("lavfi:testsrc=size=64x48:rate=25:duration=2", options);
    ASSERT_TRUE(camera.ok()) << camera.error();
    CameraCapture capture(*camera.value());
    media::FramePtr first = capture.next();
    ASSERT_TRUE(first);
    for (int i = 0; i < 2000 && capture.counts().read < 50; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_EQ(capture.counts().read, 50);
    int taken = 1;
    media::FramePtr last = first;
    while (media::FramePtr newer = capture.next()) {
        EXPECT_EQ(newer->index, 49) << "the frame waiting is the newest, not the next";
        last = newer;
        ++taken;
    }
    EXPECT_EQ(last->index, 49);
    EXPECT_LE(taken, 2);
    EXPECT_NE(capture.stopped().find("ended"), std::string::npos) << capture.stopped();
    EXPECT_EQ(capture.counts().dropped, 50 - taken) << "every frame is taken or dropped";
}

TEST(CameraCapture, StopEndsAnEndlessCamera) {
    auto camera = media::CameraSource::open("lavfi:testsrc=size=64x48:rate=25");
    ASSERT_TRUE(camera.ok()) << camera.error();
    CameraCapture capture(*camera.value());
    ASSERT_TRUE(capture.next());
    capture.stop();
    int more = 0;
    while (capture.next()) ASSERT_LT(++more, 3) << "at most the frame already waiting";
    EXPECT_NE(capture.stopped().find("stopped"), std::string::npos) << capture.stopped();
}

}  // namespace
}  // namespace actionlens::live
