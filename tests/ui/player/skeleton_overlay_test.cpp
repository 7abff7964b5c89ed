// SkeletonOverlay on a VideoView: joints land on the widget pixels the view's transform gives,
// under fit, zoom and pan; hidden joints are not drawn; boxes enclose the shown joints.

#include "ui/player/skeleton_overlay.h"
#include "ui/player/video_view.h"
#include "ui/style/annotation_colours.h"

#include <gtest/gtest.h>

#include <memory>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

constexpr QRgb kPictureGrey = 0x808080;

media::FramePtr greyFrame(int width, int height) {
    auto frame = std::make_shared<media::VideoFrame>();
    frame->index = 0;
    frame->width = width;
    frame->height = height;
    frame->stride = media::alignedRgbStride(width);
    frame->rgb.assign(static_cast<size_t>(frame->stride) * height, 0x80);
    return frame;
}

// A three-joint layout: a centre joint and a left/right pair, bones from the centre.
OverlaySkeleton threeJoints(float confidence = 1.0f) {
    OverlaySkeleton s;
    s.layout.name = "test";
    s.layout.joints = {"centre", "left", "right"};
    s.layout.edges = {{0, 1}, {0, 2}};
    s.layout.mirrorPairs = {{1, 2}};
    s.frame.joints = {annotation::Joint{100, 50, confidence, true}, annotation::Joint{60, 120, confidence, true},
                      annotation::Joint{140, 120, confidence, true}};
    s.subjectName = QStringLiteral("alice");
    s.subjectColour = QColor(0xf1c40f);
    return s;
}

bool near(QColor actual, QColor expected, int tolerance = 40) {
    return std::abs(actual.red() - expected.red()) <= tolerance && std::abs(actual.green() - expected.green()) <= tolerance &&
           std::abs(actual.blue() - expected.blue()) <= tolerance;
}

QColor pixelAt(VideoView& view, QPointF widgetPoint) {
    const QImage shot = view.grab().toImage();
    return shot.pixelColor(widgetPoint.toPoint());
}

}  // namespace

TEST(SkeletonOverlay, JointsFollowZoomAndPanExactly) {
    VideoView view;
    view.resize(640, 480);
    view.setFrame(greyFrame(200, 150));
    SkeletonOverlay overlay;
    overlay.setShowBoxes(false);
    overlay.setSkeletons({threeJoints()});
    view.addOverlay(&overlay);

    auto check = [&](const char* situation) {
        const QTransform t = view.imageToWidget();
        const QImage shot = view.grab().toImage();
        for (int i = 0; i < 3; ++i) {
            const auto& j = overlay.skeletons()[0].frame.joints[size_t(i)];
            const QPoint p = t.map(QPointF(j.x, j.y)).toPoint();
            ASSERT_TRUE(shot.rect().contains(p)) << situation;
            EXPECT_TRUE(near(shot.pixelColor(p), SkeletonOverlay::jointColour(overlay.skeletons()[0], i)))
                << situation << ": joint " << i << " at " << p.x() << "," << p.y() << " is "
                << shot.pixelColor(p).name().toStdString();
        }
    };
    check("fitted");
    view.zoomAbout(QPointF(320, 240), 1.3);
    check("zoomed 1.3x about the centre");
    view.panBy(QPointF(-70, 45));
    check("zoomed and panned");
    // Where the left joint was before the pan there is picture, not the joint.
    const QPointF before = view.imageToWidget().map(QPointF(60, 120)) - QPointF(-70, 45);
    EXPECT_TRUE(near(pixelAt(view, before), QColor(kPictureGrey), 8));
}

TEST(SkeletonOverlay, SideColoursComeFromTheLayoutsMirrorPairs) {
    const OverlaySkeleton s = threeJoints();
    EXPECT_EQ(SkeletonOverlay::jointColour(s, 1), leftSideColour());
    EXPECT_EQ(SkeletonOverlay::jointColour(s, 2), rightSideColour());
    EXPECT_EQ(SkeletonOverlay::jointColour(s, 0), s.subjectColour);
}

TEST(SkeletonOverlay, JointsBelowTheThresholdOrNotVisibleAreNotDrawn) {
    VideoView view;
    view.resize(400, 300);
    view.setFrame(greyFrame(200, 150));
    SkeletonOverlay overlay;
    overlay.setShowBoxes(false);
    OverlaySkeleton s = threeJoints();
    s.frame.joints[1].confidence = 0.1f;  // below the default threshold of 0.2
    s.frame.joints[2].visible = false;
    overlay.setSkeletons({s});
    view.addOverlay(&overlay);
    const QTransform t = view.imageToWidget();
    const QImage shot = view.grab().toImage();
    EXPECT_TRUE(near(shot.pixelColor(t.map(QPointF(60, 120)).toPoint()), QColor(kPictureGrey), 8));
    EXPECT_TRUE(near(shot.pixelColor(t.map(QPointF(140, 120)).toPoint()), QColor(kPictureGrey), 8));
    EXPECT_TRUE(near(shot.pixelColor(t.map(QPointF(100, 50)).toPoint()), s.subjectColour));

    overlay.setConfidenceThreshold(0.05f);
    const QImage lower = view.grab().toImage();
    EXPECT_FALSE(near(lower.pixelColor(t.map(QPointF(60, 120)).toPoint()), QColor(kPictureGrey), 8));
}

TEST(SkeletonOverlay, ConfidenceIsOpacity) {
    VideoView view;
    view.resize(400, 300);
    view.setFrame(greyFrame(200, 150));
    SkeletonOverlay overlay;
    overlay.setShowBoxes(false);
    view.addOverlay(&overlay);
    const QPoint centre = view.imageToWidget().map(QPointF(100, 50)).toPoint();
    // Without bones, whose own opacity would add up over the joint.
    OverlaySkeleton strong = threeJoints(1.0f);
    strong.layout.edges.clear();
    OverlaySkeleton weak = threeJoints(0.3f);
    weak.layout.edges.clear();
    overlay.setSkeletons({strong});
    const QColor opaque = view.grab().toImage().pixelColor(centre);
    overlay.setSkeletons({weak});
    const QColor faint = view.grab().toImage().pixelColor(centre);
    // The faint joint lies between the opaque colour and the grey picture.
    const QColor yellow(0xf1c40f);
    EXPECT_TRUE(near(opaque, yellow, 12));
    EXPECT_GT(std::abs(faint.blue() - yellow.blue()), 30);
    EXPECT_LT(faint.blue(), 0x80);
}

TEST(SkeletonOverlay, BoxEnclosesTheShownJointsWithAMargin) {
    SkeletonOverlay overlay;
    OverlaySkeleton s = threeJoints();
    const auto box = overlay.boundingBox(s);
    ASSERT_TRUE(box);
    EXPECT_LT(box->left(), 60);
    EXPECT_GT(box->right(), 140);
    EXPECT_LT(box->top(), 50);
    EXPECT_GT(box->bottom(), 120);
    s.frame.joints[0].visible = false;
    s.frame.joints[1].visible = false;
    const auto single = overlay.boundingBox(s);  // one joint: a box of margin 0 around it
    ASSERT_TRUE(single);
    EXPECT_EQ(single->center(), QPointF(140, 120));
    s.frame.joints[2].visible = false;
    EXPECT_FALSE(overlay.boundingBox(s));
}

TEST(SkeletonOverlay, TheFramesOwnBoxIsDrawnWhereItHasOne) {
    SkeletonOverlay overlay;
    OverlaySkeleton s = threeJoints();
    s.frame.box = annotation::SubjectBox{30, 20, 150, 140};  // a detector's box, larger than the joints'
    const auto box = overlay.boundingBox(s);
    ASSERT_TRUE(box);
    EXPECT_EQ(*box, QRectF(30, 20, 150, 140));
    for (auto& joint : s.frame.joints) joint.visible = false;
    EXPECT_TRUE(overlay.boundingBox(s)) << "a box-only person still has their box";
}

TEST(SkeletonOverlay, InterpolatedSkeletonsHaveLighterDashedBones) {
    VideoView view;
    view.resize(400, 300);
    view.setFrame(greyFrame(200, 150));
    SkeletonOverlay overlay;
    overlay.setShowBoxes(false);
    view.addOverlay(&overlay);
    // Mean colour distance from the bone's colour along the centre-left bone, away from its joints.
    auto boneDistance = [&](annotation::PoseSource source) {
        OverlaySkeleton s = threeJoints();
        s.frame.source = source;
        overlay.setSkeletons({s});
        const QImage shot = view.grab().toImage();
        const QTransform t = view.imageToWidget();
        const QColor bone = s.subjectColour;
        double total = 0;
        const int samples = 40;
        for (int k = 0; k < samples; ++k) {
            const double u = 0.25 + 0.5 * k / (samples - 1);
            const QPoint p = t.map(QPointF(100 + (60 - 100) * u, 50 + (120 - 50) * u)).toPoint();
            const QColor c = shot.pixelColor(p);
            total += std::abs(c.red() - bone.red()) + std::abs(c.green() - bone.green()) + std::abs(c.blue() - bone.blue());
        }
        return total / samples;
    };
    const double manual = boneDistance(annotation::PoseSource::Manual);
    const double interpolated = boneDistance(annotation::PoseSource::Interpolated);
    EXPECT_LT(manual, 60) << "a manual bone is drawn solid in its colour";
    EXPECT_GT(interpolated, manual + 40) << "manual " << manual << ", interpolated " << interpolated;
}

TEST(SkeletonOverlay, PicksTheNearestDrawnJointAndTheActiveSubjectsHiddenOnes) {
    SkeletonOverlay overlay;
    OverlaySkeleton s = threeJoints();
    s.frame.subjectId = 4;
    s.frame.joints[2].visible = false;  // right joint hidden
    overlay.setSkeletons({s});
    const QTransform t(2, 0, 0, 2, 30, -10);  // zoomed 2x and panned
    const QPointF left = t.map(QPointF(60, 120));
    EXPECT_EQ(overlay.jointAt(left + QPointF(6, -5), t, SkeletonOverlay::kPickRadius), (JointRef{4, 1}));
    EXPECT_FALSE(overlay.jointAt(left + QPointF(12, 0), t, SkeletonOverlay::kPickRadius));  // too far
    const QPointF right = t.map(QPointF(140, 120));
    EXPECT_FALSE(overlay.jointAt(right, t, SkeletonOverlay::kPickRadius)) << "hidden and not being edited";
    overlay.setActiveSubject(4);
    EXPECT_EQ(overlay.jointAt(right, t, SkeletonOverlay::kPickRadius), (JointRef{4, 2})) << "the edited subject's hidden joint";
    overlay.setShowSkeletons(false);
    EXPECT_FALSE(overlay.jointAt(left, t, SkeletonOverlay::kPickRadius)) << "nothing to pick while skeletons are hidden";
}
