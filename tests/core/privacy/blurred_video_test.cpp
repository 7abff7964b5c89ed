#include "core/privacy/blurred_video.h"

#include "core/media/video_file_source.h"
#include "tests/core/privacy/privacy_fixtures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

namespace actionlens::privacy {
namespace {

using fixtures::TempDir;

double meanAbsDifference(const media::VideoFrame& a, const media::VideoFrame& b, int x0, int y0, int x1, int y1) {
    double sum = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) sum += std::abs(int(a.row(y)[x * 3]) - int(b.row(y)[x * 3]));
    return sum / ((x1 - x0) * (y1 - y0));
}

// The stripes' contrast: mean difference between horizontal neighbours.
double stripes(const media::VideoFrame& f) {
    double sum = 0;
    for (int y = 32; y < 48; ++y)
        for (int x = 72; x < 88; ++x) sum += std::abs(int(f.row(y)[x * 3]) - int(f.row(y)[(x + 1) * 3]));
    return sum / 256;
}

void expectSameFramesAndTimes(const std::string& original, const std::string& copy, bool headBlurred) {
    auto a = media::VideoFileSource::open(original, fixtures::withoutIndexCache());
    auto b = media::VideoFileSource::open(copy, fixtures::withoutIndexCache());
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(b.value()->info().frameCount, a.value()->info().frameCount);
    for (int i = 0; i < a.value()->info().frameCount; ++i) {
        auto fa = a.value()->readFrame(i);
        auto fb = b.value()->readFrame(i);
        ASSERT_TRUE(fa.ok() && fb.ok());
        EXPECT_NEAR(fb.value()->seconds, fa.value()->seconds, 1e-3) << "frame " << i;
        // Away from the head the picture is the same (up to coding noise).
        EXPECT_LT(meanAbsDifference(*fa.value(), *fb.value(), 0, 80, 160, 120), 6.0) << "frame " << i;
        if (headBlurred) {
            EXPECT_GT(stripes(*fa.value()), 100.0);
            EXPECT_LT(stripes(*fb.value()), 30.0) << "frame " << i << ": the face's stripes survived";
        }
    }
}

TEST(BlurredVideo, SameFrameCountAndTimesWithTheHeadBlurred) {
    TempDir dir;
    auto project = fixtures::makePrivateProject(dir);
    const auto& layouts = project.store->skeletonLayouts();
    FrameAnonymiser anonymiser({layouts.begin(), layouts.end()}, {});
    BlurredVideoCallbacks callbacks;
    int asked = 0;
    callbacks.skeletonsAt = [&](int frame) -> Result<std::vector<annotation::SkeletonFrame>> {
        EXPECT_EQ(frame, asked++);
        return project.store->skeletonFrames(project.videoId, frame, frame);
    };
    auto written = writeBlurredVideo(project.videoPath, dir.file("blurred.mp4"), anonymiser, callbacks);
    ASSERT_TRUE(written.ok()) << written.error();
    EXPECT_EQ(written->frames, fixtures::kPrivateFrames);
    EXPECT_EQ(written->regions, fixtures::kPrivateFrames);
    expectSameFramesAndTimes(project.videoPath, dir.file("blurred.mp4"), true);
}

TEST(BlurredVideo, VariableFrameRateKeepsEachFramesTime) {
    TempDir dir;
    FrameAnonymiser anonymiser({}, {});
    auto written = writeBlurredVideo(fixtures::sharedVfrVideo(), dir.file("vfr.mkv"), anonymiser, {});
    ASSERT_TRUE(written.ok()) << written.error();
    auto a = media::VideoFileSource::open(fixtures::sharedVfrVideo()).value();
    auto b = media::VideoFileSource::open(dir.file("vfr.mkv")).value();
    ASSERT_EQ(b->info().frameCount, a->info().frameCount);
    for (int i = 0; i < a->info().frameCount; i += 7)
        EXPECT_NEAR(b->readFrame(i).value()->seconds, a->readFrame(i).value()->seconds, 1e-3) << "frame " << i;
}

TEST(BlurredVideo, CancellingLeavesNoFile) {
    TempDir dir;
    auto project = fixtures::makePrivateProject(dir);
    FrameAnonymiser anonymiser({}, {});
    BlurredVideoCallbacks callbacks;
    int frames = 0;
    callbacks.cancelled = [&] { return ++frames > 5; };
    auto written = writeBlurredVideo(project.videoPath, dir.file("blurred.mp4"), anonymiser, callbacks);
    ASSERT_FALSE(written.ok());
    EXPECT_FALSE(std::filesystem::exists(dir.file("blurred.mp4")));
    EXPECT_FALSE(std::filesystem::exists(dir.file("blurred.mp4.part")));
    auto missing = writeBlurredVideo(dir.file("none.mp4"), dir.file("x.mp4"), anonymiser, {});
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("none.mp4"), std::string::npos) << missing.error();
}

}  // namespace
}  // namespace actionlens::privacy
