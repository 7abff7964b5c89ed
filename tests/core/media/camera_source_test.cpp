// CameraSource on libavdevice's generated inputs (lavfi): frames with their sizes and rising
// timestamps, an input that ends reported as stopped, a file played as a camera, interrupt from
// another thread, and device strings that are no camera refused with a message saying what to type.

#include "core/media/camera_source.h"
#include "core/media/video_encoder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include <unistd.h>

namespace actionlens::media {
namespace {

CameraOptions unpaced() {
    CameraOptions o;
    o.paceGenerated = false;
    return o;
}

TEST(CameraSource, TestPatternGivesFramesOfItsSizeWithRisingTimestamps) {
    auto camera = CameraSource::open("lavfi:testsrc=size=320x240:rate=25", unpaced());
    ASSERT_TRUE(camera.ok()) << camera.error();
    EXPECT_EQ(camera.value()->width(), 320);
    EXPECT_EQ(camera.value()->height(), 240);
    EXPECT_DOUBLE_EQ(camera.value()->frameRate(), 25.0);
    EXPECT_NE(camera.value()->description().find("320 x 240"), std::string::npos) << camera.value()->description();
    double last = -1.0;
    for (int i = 0; i < 10; ++i) {
        CameraRead read = camera.value()->read();
        ASSERT_TRUE(read.ok()) << read.stopped;
        EXPECT_EQ(read.frame->width, 320);
        EXPECT_EQ(read.frame->height, 240);
        EXPECT_EQ(read.frame->index, i) << "frames handed out before it";
        EXPECT_GT(read.frame->seconds, last);
        EXPECT_NEAR(read.frame->seconds, i / 25.0, 1e-6);
        last = read.frame->seconds;
    }
}

TEST(CameraSource, PacedInputAndBgrxFrames) {
    CameraOptions options;
    options.pixelLayout = PixelLayout::Bgrx32;
    auto camera = CameraSource::open("lavfi:testsrc=size=64x48:rate=50", options);
    ASSERT_TRUE(camera.ok()) << camera.error();
    for (int i = 0; i < 3; ++i) {
        CameraRead read = camera.value()->read();
        ASSERT_TRUE(read.ok()) << read.stopped;
        EXPECT_EQ(read.frame->layout, PixelLayout::Bgrx32);
        EXPECT_GE(read.frame->stride, 64 * 4);
        EXPECT_EQ(read.frame->row(0)[3], 255);
    }
}

TEST(CameraSource, AnInputThatEndsReportsStoppedOnceAndForAll) {
    auto camera = CameraSource::open("lavfi:testsrc=size=160x120:rate=25:duration=1", unpaced());
    ASSERT_TRUE(camera.ok()) << camera.error();
    int frames = 0;
    CameraRead read;
    while ((read = camera.value()->read()).ok()) ASSERT_LT(++frames, 1000);
    EXPECT_EQ(frames, 25);
    EXPECT_NE(read.stopped.find("the camera stopped"), std::string::npos) << read.stopped;
    EXPECT_NE(read.stopped.find("ended"), std::string::npos) << read.stopped;
    EXPECT_EQ(camera.value()->read().stopped, read.stopped);
}

TEST(CameraSource, PlaysAVideoFileAsACamera) {
    const std::string path = (std::filesystem::temp_directory_path() / ("camera_movie_" + std::to_string(::getpid()) + ",a.mp4")).string();
    {
        EncoderSettings settings;
        settings.width = 96;
        settings.height = 64;
        settings.fpsNum = 10;
        auto encoder = VideoEncoder::open(path, settings);
        ASSERT_TRUE(encoder.ok()) << encoder.error();
        std::vector<uint8_t> rgb(size_t(96 * 3) * 64, 128);
        for (int i = 0; i < 7; ++i) ASSERT_TRUE(encoder.value()->write(rgb.data(), 96 * 3).ok());
        ASSERT_TRUE(encoder.value()->finish().ok());
    }
    const std::string device = movieCameraDevice(path);
    auto camera = CameraSource::open(device, unpaced());
    ASSERT_TRUE(camera.ok()) << device << ": " << camera.error();
    EXPECT_NE(camera.value()->description().find("lavfi movie " + std::filesystem::path(path).filename().string() + ", 96 x 64"), std::string::npos)
        << camera.value()->description();
    int frames = 0;
    CameraRead read;
    while ((read = camera.value()->read()).ok()) {
        EXPECT_EQ(read.frame->width, 96);
        ASSERT_LT(++frames, 100);
    }
    EXPECT_EQ(frames, 7);
    EXPECT_NE(read.stopped.find("ended"), std::string::npos) << read.stopped;
    std::filesystem::remove(path);
}

TEST(CameraSource, InterruptEndsAWaitingRead) {
    auto camera = CameraSource::open("lavfi:testsrc=size=64x48:rate=1");  // paced: a frame a second
    ASSERT_TRUE(camera.ok()) << camera.error();
    ASSERT_TRUE(camera.value()->read().ok());
    std::thread stopper([&] { camera.value()->interrupt(); });
    CameraRead read = camera.value()->read();
    while (read.ok()) read = camera.value()->read();  // the interrupt may land after one more frame
    stopper.join();
    EXPECT_NE(read.stopped.find("stopped"), std::string::npos) << read.stopped;
}

TEST(CameraSource, DeviceStringsThatAreNoCameraSayWhatToType) {
    for (const std::string bad : {"", "webcam", "nosuchinput:whatever", "lavfi:"}) {
        auto camera = CameraSource::open(bad);
        ASSERT_FALSE(camera.ok()) << bad;
        EXPECT_NE(camera.error().find("/dev/videoN"), std::string::npos) << camera.error();
    }
    auto missing = CameraSource::open("/dev/video987");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("cannot open camera '/dev/video987'"), std::string::npos) << missing.error();
    EXPECT_NE(missing.error().find("cameras found: "), std::string::npos) << missing.error();
    auto graph = CameraSource::open("lavfi:nosuchfilter=1");
    ASSERT_FALSE(graph.ok());
    EXPECT_NE(graph.error().find("lavfi:nosuchfilter=1"), std::string::npos) << graph.error();
}

TEST(CameraSource, AddressesAndListing) {
    auto numbered = parseCameraAddress("2");
    ASSERT_TRUE(numbered.ok());
    EXPECT_EQ(numbered->format, "v4l2");
    EXPECT_EQ(numbered->url, "/dev/video2");
    auto lavfi = parseCameraAddress("lavfi:testsrc=size=640x480:rate=25");
    ASSERT_TRUE(lavfi.ok());
    EXPECT_EQ(lavfi->format, "lavfi");
    EXPECT_EQ(lavfi->url, "testsrc=size=640x480:rate=25");
    EXPECT_EQ(movieCameraDevice("/a/b:c,d.mp4", true), "lavfi:movie=/a/b\\\\:c\\,d.mp4:loop=0");
    for (const CameraDevice& camera : listCameras()) {  // whatever this machine has: capture devices only
        EXPECT_EQ(camera.device.rfind("/dev/video", 0), 0u) << camera.device;
        EXPECT_FALSE(camera.name.empty());
    }
}

}  // namespace
}  // namespace actionlens::media
