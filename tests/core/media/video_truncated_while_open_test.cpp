// A video file that shrinks while it is open (a recording still being written and restarted, a
// file replaced on a network share, a copy cut short): frames past the new end report an error
// naming the file, nothing crashes or hangs, and the frames still in the file keep decoding.
// Files cut before they are opened: video_file_source_errors_test.cpp.

#include "core/media/frame_server.h"
#include "core/media/frame_source.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace actionlens;
using namespace actionlens::media;

namespace {

struct Truncation {
    const char* name;
    int gop;
};

class VideoTruncatedWhileOpen : public ::testing::TestWithParam<Truncation> {};

}  // namespace

TEST_P(VideoTruncatedWhileOpen, FramesPastTheCutReportAndTheRestStillDecode) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 100;
    spec.gop = GetParam().gop;
    const std::string path = fixtures::makeStampedVideo(dir.file(GetParam().name), spec);
    const std::string whole = fixtures::readFileBytes(path);
    auto source = openFrameSource(path, fixtures::openWithoutIndexCache());
    ASSERT_TRUE(source.ok()) << source.error();
    ASSERT_EQ(source.value()->index().frameCount(), 100);
    auto early = source.value()->readFrame(5);
    ASSERT_TRUE(early.ok()) << early.error();

    std::filesystem::resize_file(path, std::filesystem::file_size(path) * 4 / 10);

    // Past the cut: each read either has the frame (still buffered) or says why, naming the file.
    int failed = 0;
    for (int frame : {95, 60, 99, 70, 98}) {
        auto late = source.value()->readFrame(frame);
        if (late.ok()) continue;
        ++failed;
        EXPECT_NE(late.error().find(GetParam().name), std::string::npos) << "frame " << frame << ": " << late.error();
    }
    EXPECT_GT(failed, 0) << "every frame past the cut decoded";
    // Frames before the cut still decode, exactly.
    for (int frame : {3, 10, 0}) {
        auto before = source.value()->readFrame(frame);
        ASSERT_TRUE(before.ok()) << "frame " << frame << ": " << before.error();
        EXPECT_EQ(fixtures::stampOf(*before.value()), frame);
    }
    // The same file written to its full length again (the recording caught up, the share came
    // back): the open source plays to its end again.
    {
        std::ofstream rewrite(path, std::ios::binary | std::ios::in | std::ios::out);
        rewrite.write(whole.data(), std::streamsize(whole.size()));
    }
    auto last = source.value()->readFrame(99);
    ASSERT_TRUE(last.ok()) << last.error();
    EXPECT_EQ(fixtures::stampOf(*last.value()), 99);
}

TEST_P(VideoTruncatedWhileOpen, FrameServerReportsAndKeepsServing) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 100;
    spec.gop = GetParam().gop;
    const std::string path = fixtures::makeStampedVideo(dir.file(GetParam().name), spec);
    auto source = openFrameSource(path, fixtures::openWithoutIndexCache());
    ASSERT_TRUE(source.ok()) << source.error();
    FrameServer server(std::move(source).value());
    ASSERT_TRUE(server.get(2).ok());
    std::filesystem::resize_file(path, std::filesystem::file_size(path) / 4);
    auto late = server.get(97);
    if (!late.ok()) {
        EXPECT_NE(late.error().find(GetParam().name), std::string::npos) << late.error();
    }
    auto early = server.get(1);
    ASSERT_TRUE(early.ok()) << early.error();
    EXPECT_EQ(fixtures::stampOf(*early.value()), 1);
}

INSTANTIATE_TEST_SUITE_P(Containers, VideoTruncatedWhileOpen,
                         ::testing::Values(Truncation{"recording.mkv", 20}, Truncation{"recording.mp4", 20}, Truncation{"long_gop.mp4", 250}),
                         [](const auto& info) { return std::string(info.param.name).replace(std::string(info.param.name).find('.'), 1, "_"); });
