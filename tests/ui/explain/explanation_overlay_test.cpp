// ExplanationOverlay: a head's video map laid over the crop the network saw, its skeleton map on
// the joints, nothing under the threshold and nothing outside the explained stretch.

#include "ui/explain/explanation_overlay.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

// A stretch of frames 10-19 whose video map is hot in its left half and whose skeleton map
// lights joint 1 only; the crop is the square (20, 10)-(60, 50) of an 80 x 60 frame.
std::shared_ptr<ExplanationResult> stretch() {
    auto r = std::make_shared<ExplanationResult>();
    r->clip.firstFrame = 10;
    r->clip.segmentFrames = 10;
    r->clip.regionX = 20;
    r->clip.regionY = 10;
    r->clip.regionWidth = 40;
    r->clip.regionHeight = 40;
    explain::HeadExplanation head;
    head.taskName = "action";
    explain::StreamExplanation skeleton;
    skeleton.map = explain::ExplanationMap(4, 1, 2);
    for (int t = 0; t < 4; ++t) skeleton.map.at(t, 0, 1) = 1.0f;
    head.streams.push_back(skeleton);
    explain::StreamExplanation video;
    video.stream = explain::Stream::Video;
    video.map = explain::ExplanationMap(2, 4, 4);
    for (int t = 0; t < 2; ++t)
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 2; ++x) video.map.at(t, y, x) = 1.0f;
    head.streams.push_back(video);
    r->heads.push_back(head);
    r->skeleton = model::SkeletonClip{10, 2, std::vector<float>(3 * 10 * 2, 0.0f)};
    for (int t = 0; t < 10; ++t) {
        r->skeleton.at(0, t, 0) = 5.0f;  // joint 0 at (5, 5), joint 1 at (70, 55): outside the crop
        r->skeleton.at(1, t, 0) = 5.0f;
        r->skeleton.at(0, t, 1) = 70.0f;
        r->skeleton.at(1, t, 1) = 55.0f;
        r->skeleton.at(2, t, 0) = r->skeleton.at(2, t, 1) = 1.0f;
    }
    r->edges = {{0, 1}};
    return r;
}

QImage grey() {
    QImage image(80, 60, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(128, 128, 128));
    return image;
}

bool isGrey(const QImage& image, int x, int y) { return image.pixelColor(x, y) == QColor(128, 128, 128); }

}  // namespace

TEST(ExplanationOverlay, HeatOverTheCropAndTheJointsWithEvidence) {
    ExplanationOverlay overlay;
    overlay.setResult(stretch());
    overlay.setFrame(14);
    ExplanationStyle style;
    style.threshold = 0.6;  // the bone between the joints (0.5 on average) is not drawn either
    style.opacity = 1.0;
    overlay.setStyle(style);
    QImage image = grey();
    overlay.paintOnto(image);
    EXPECT_FALSE(isGrey(image, 25, 30)) << "the crop's left half is hot";
    EXPECT_TRUE(isGrey(image, 55, 30)) << "its right half is under the threshold";
    EXPECT_TRUE(isGrey(image, 10, 30)) << "outside the crop nothing is drawn";
    EXPECT_FALSE(isGrey(image, 70, 55)) << "joint 1 carries the evidence";
    EXPECT_TRUE(isGrey(image, 5, 5)) << "joint 0 carries none";
    const explain::Rgb hot = explain::heatColour(explain::HeatColours::Viridis, 1.0f);
    EXPECT_EQ(image.pixelColor(25, 30), QColor(hot[0], hot[1], hot[2]));

    // Outside the stretch, and for a head the result lacks, nothing is drawn.
    for (auto [frame, head] : {std::pair<int, int>{9, 0}, {20, 0}, {14, 3}}) {
        overlay.setFrame(frame);
        overlay.setHead(head);
        QImage untouched = grey();
        overlay.paintOnto(untouched);
        EXPECT_EQ(untouched, grey()) << "frame " << frame << ", head " << head;
    }
}

TEST(ExplanationOverlay, TheColourScaleIsTheUsers) {
    ExplanationOverlay overlay;
    overlay.setResult(stretch());
    overlay.setFrame(12);
    ExplanationStyle style;
    style.opacity = 1.0;
    style.colours = explain::HeatColours::Cividis;
    overlay.setStyle(style);
    const QImage heat = overlay.videoHeat();
    ASSERT_EQ(heat.size(), QSize(4, 4));
    const explain::Rgb hot = explain::heatColour(explain::HeatColours::Cividis, 1.0f);
    EXPECT_EQ(heat.pixelColor(0, 0), QColor(hot[0], hot[1], hot[2]));
    EXPECT_EQ(heat.pixelColor(3, 0).alpha(), 0);
    EXPECT_EQ(overlay.videoRegion(80, 60), QRectF(20, 10, 40, 40));
}
