#include "core/explain/explanation_figure.h"

#include "core/media/frame_source.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

namespace actionlens::explain {
namespace {

HeadExplanation skeletonExplanation(int frames, int joints) {
    HeadExplanation head;
    head.taskName = "action";
    head.className = "wave";
    head.probability = 0.8f;
    StreamExplanation s;
    s.map = ExplanationMap(frames, 1, joints);
    for (int t = 0; t < frames; ++t) s.map.at(t, 0, 1) = float(t) / float(frames - 1);
    s.raw = s.map;
    s.temporal = temporalImportance(s.map);
    head.streams.push_back(s);
    return head;
}

TEST(HeatColours, ScalesRunFromDarkToLightAndNamesRoundTrip) {
    for (HeatColours c : allHeatColours()) {
        const Rgb low = heatColour(c, 0.0f), high = heatColour(c, 1.0f);
        EXPECT_LT(int(low[0]) + low[1] + low[2], int(high[0]) + high[1] + high[2]) << heatColoursName(c);
        EXPECT_EQ(heatColour(c, 2.0f), high) << "clamped";
        HeatColours back;
        ASSERT_TRUE(heatColoursFromName(heatColoursName(c), &back));
        EXPECT_EQ(back, c);
    }
    // matplotlib's viridis starts dark purple (68, 1, 84) and ends yellow (253, 231, 37).
    const Rgb first = heatColour(HeatColours::Viridis, 0.0f), last = heatColour(HeatColours::Viridis, 1.0f);
    EXPECT_NEAR(first[0], 68, 3);
    EXPECT_NEAR(first[2], 84, 3);
    EXPECT_NEAR(last[0], 253, 3);
    EXPECT_NEAR(last[1], 231, 3);
    HeatColours none;
    EXPECT_FALSE(heatColoursFromName("jet", &none));
}

TEST(ExplanationFigure, TheJointStripColoursTheJointWithEvidence) {
    fixtures::TempDir dir;
    ClipInput clip;
    clip.firstFrame = 10;
    clip.segmentFrames = 40;
    const HeadExplanation head = skeletonExplanation(8, 3);
    const std::string path = dir.file("f.png");
    ASSERT_TRUE(writeExplanationFigure(path, head, clip, {"a", "b", "c"}).ok());
    const cv::Mat image = cv::imread(path);
    ASSERT_FALSE(image.empty());
    // The strip starts at x 130, y 40, rows of 16 pixels: joint b's last cell is the
    // brightest colour, joint a's the darkest.
    const cv::Vec3b hot = image.at<cv::Vec3b>(40 + 16 + 8, 130 + 640 - 10), cold = image.at<cv::Vec3b>(40 + 8, 130 + 640 - 10);
    const Rgb yellow = heatColour(HeatColours::Viridis, 1.0f), purple = heatColour(HeatColours::Viridis, 0.0f);
    EXPECT_EQ(hot, cv::Vec3b(yellow[2], yellow[1], yellow[0]));
    EXPECT_EQ(cold, cv::Vec3b(purple[2], purple[1], purple[0]));
    EXPECT_FALSE(writeExplanationFigure(dir.file("missing/f.png"), head, clip, {}).ok());
}

TEST(ExplanationFigure, TheOverlaidClipHasEverySegmentFrame) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 30;
    spec.width = 160;
    spec.height = 120;
    ClipInput clip;
    clip.videoPath = fixtures::makeStampedVideo(dir.file("v.mp4"), spec);
    clip.firstFrame = 5;
    clip.segmentFrames = 12;
    HeadExplanation head = skeletonExplanation(8, 3);
    // A video map over the square (40, 20)-(100, 80).
    StreamExplanation video;
    video.stream = Stream::Video;
    video.map = ExplanationMap(4, 8, 8);
    for (float& v : video.map.values) v = 1.0f;
    head.streams.push_back(video);
    clip.regionX = 40;
    clip.regionY = 20;
    clip.regionWidth = 60;
    clip.regionHeight = 60;
    OverlaySkeleton overlay;
    overlay.skeleton = model::SkeletonClip{12, 3, std::vector<float>(3 * 12 * 3, 0.0f)};
    for (int t = 0; t < 12; ++t)
        for (int j = 0; j < 3; ++j) {
            overlay.skeleton.at(0, t, j) = 50.0f + 20.0f * j;
            overlay.skeleton.at(1, t, j) = 60.0f;
            overlay.skeleton.at(2, t, j) = 1.0f;
        }
    overlay.edges = {{0, 1}, {1, 2}};
    const std::string out = dir.file("overlay.mp4");
    ASSERT_TRUE(writeExplanationVideo(out, head, clip, overlay).ok());
    Result<std::unique_ptr<media::FrameSource>> written = media::openFrameSource(out);
    ASSERT_TRUE(written.ok()) << written.error();
    EXPECT_EQ(written.value()->info().frameCount, 12);
    EXPECT_EQ(written.value()->info().width, 160);
    // Frames past the video's end are an error naming the frame; nothing is left behind.
    clip.segmentFrames = 40;
    const Status beyond = writeExplanationVideo(dir.file("beyond.mp4"), head, clip, overlay);
    ASSERT_FALSE(beyond.ok());
    EXPECT_NE(beyond.error().find("frame 30"), std::string::npos) << beyond.error();
    EXPECT_FALSE(std::filesystem::exists(dir.file("beyond.mp4")));
}

}  // namespace
}  // namespace actionlens::explain
