// Damaged, truncated, unsupported and missing inputs: a clear error, never a crash or a hang.

#include "core/media/frame_source.h"
#include "core/media/video_file_source.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <random>

using namespace actionlens;
using namespace actionlens::media;

namespace {

void expectErrorMentions(const std::string& path, const std::string& words) {
    auto source = openFrameSource(path, fixtures::openWithoutIndexCache());
    ASSERT_FALSE(source.ok()) << path << " opened";
    EXPECT_NE(source.error().find(words), std::string::npos) << source.error();
}

// Every frame either decodes or reports why; the loop must end.
void readEverything(FrameSource& source) {
    for (int n = 0; n < source.index().frameCount(); ++n) {
        auto frame = source.readFrame(n);
        if (frame.ok()) {
            EXPECT_EQ(frame.value()->index, n);
        } else {
            EXPECT_FALSE(frame.error().empty());
        }
    }
    std::mt19937 random(3);
    std::uniform_int_distribution<int> pick(0, std::max(0, source.index().frameCount() - 1));
    for (int i = 0; i < 30; ++i) (void)source.readFrame(pick(random));
}

}  // namespace

TEST(VideoFileSourceErrors, MissingFile) { expectErrorMentions("/nonexistent/clip.mp4", "does not exist"); }

TEST(VideoFileSourceErrors, EmptyFile) {
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("empty.mp4"), "");
    expectErrorMentions(dir.file("empty.mp4"), "empty.mp4");
}

TEST(VideoFileSourceErrors, TextFileNamedLikeAVideo) {
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("notes.mp4"), std::string(4000, 'x') + "this is not a video\n");
    expectErrorMentions(dir.file("notes.mp4"), "cannot open");
}

TEST(VideoFileSourceErrors, FileWithoutVideoStream) {
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("subtitles.srt"), "1\n00:00:01,000 --> 00:00:02,000\nHello\n\n");
    expectErrorMentions(dir.file("subtitles.srt"), "no video stream");
}

TEST(VideoFileSourceErrors, Mp4CutInHalfReportsInsteadOfCrashing) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 100;
    const std::string bytes = fixtures::readFileBytes(fixtures::makeStampedVideo(dir.file("whole.mp4"), spec));
    fixtures::writeFileBytes(dir.file("cut.mp4"), bytes.substr(0, bytes.size() / 2));
    auto source = openFrameSource(dir.file("cut.mp4"), fixtures::openWithoutIndexCache());
    if (source.ok()) {
        readEverything(*source.value());
    } else {
        EXPECT_NE(source.error().find("cut.mp4"), std::string::npos) << source.error();
    }
}

TEST(VideoFileSourceErrors, TruncatedMatroskaKeepsItsReadableFrames) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 100;
    spec.gop = 25;
    const std::string bytes = fixtures::readFileBytes(fixtures::makeStampedVideo(dir.file("whole.mkv"), spec));
    fixtures::writeFileBytes(dir.file("cut.mkv"), bytes.substr(0, bytes.size() * 6 / 10));
    auto source = openFrameSource(dir.file("cut.mkv"), fixtures::openWithoutIndexCache());
    ASSERT_TRUE(source.ok()) << source.error();
    const int frames = source.value()->index().frameCount();
    EXPECT_GT(frames, 20);
    EXPECT_LT(frames, 100);
    auto early = source.value()->readFrame(10);
    ASSERT_TRUE(early.ok()) << early.error();
    EXPECT_EQ(fixtures::stampOf(*early.value()), 10);
    readEverything(*source.value());
}

TEST(VideoFileSourceErrors, DamagedBytesInTheMiddleNeverCrashOrHang) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 120;
    spec.gop = 40;
    std::string bytes = fixtures::readFileBytes(fixtures::makeStampedVideo(dir.file("whole.mkv"), spec));
    std::mt19937 random(99);
    std::uniform_int_distribution<size_t> where(bytes.size() / 5, bytes.size() - 1);
    std::uniform_int_distribution<int> value(0, 255);
    for (int i = 0; i < 400; ++i) bytes[where(random)] = static_cast<char>(value(random));
    fixtures::writeFileBytes(dir.file("damaged.mkv"), bytes);
    auto source = openFrameSource(dir.file("damaged.mkv"), fixtures::openWithoutIndexCache());
    if (!source.ok()) {
        EXPECT_NE(source.error().find("damaged.mkv"), std::string::npos) << source.error();
        return;
    }
    auto first = source.value()->readFrame(0);
    ASSERT_TRUE(first.ok()) << first.error();
    EXPECT_EQ(fixtures::stampOf(*first.value()), 0);
    readEverything(*source.value());
}

TEST(VideoFileSourceErrors, DirectoryWithoutImages) {
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("readme.txt"), "no pictures here");
    expectErrorMentions(dir.path(), "holds no images");
}
