// Skeleton editing in the main window, end to end: a joint dragged under zoom and pan lands on
// the right image position in the store; undo/redo restore the store exactly; show/hide a
// joint; add a skeleton from the template; keyframes, interpolation (values, stored marking,
// interpolated frames following an edited keyframe); copy from the previous frame.

#include "ui/dataset/dataset_browser.h"
#include "ui/dataset/dataset_table_model.h"
#include "ui/editing/skeleton_editor.h"
#include "ui/player/annotation_overlays.h"
#include "ui/timeline/timeline_widget.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QAction>
#include <QApplication>
#include <QMouseEvent>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

using namespace actionlens;
using namespace actionlens::ui;
using annotation::PoseSource;
using annotation::SkeletonFrame;

namespace {

void sendMouse(QWidget* widget, QEvent::Type type, QPointF at, Qt::MouseButton button, Qt::MouseButtons buttons) {
    QMouseEvent event(type, at, widget->mapToGlobal(at), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

struct SkeletonWindow : ::testing::Test {
    void SetUp() override {
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        ASSERT_EQ(window.openProject(uitest::copyOfProject(dir)), QString());
        ASSERT_TRUE(uitest::waitUntil([&] { return window.player().isOpen() && window.view().frame(); }));
        video = window.document().currentVideoId();
    }
    void goTo(int frame) {
        window.player().pause();
        window.player().seek(frame);
        ASSERT_TRUE(uitest::waitUntil([&] {
            return window.view().frame() && window.view().frame()->index == frame && window.overlays().frame() == frame;
        }));
    }
    std::vector<SkeletonFrame> stored(std::int64_t subject, std::int64_t first, std::int64_t last) {
        auto read = window.document().store().skeletonFrames(video, first, last, subject);
        EXPECT_TRUE(read.ok());
        return read.ok() ? read.value() : std::vector<SkeletonFrame>{};
    }
    std::vector<SkeletonFrame> everything() {
        return window.document().store().skeletonFrames(video, 0, std::numeric_limits<std::int32_t>::max()).value();
    }
    // The first joint of `subject` drawn in the frame shown.
    int shownJoint(std::int64_t subject) {
        const OverlaySkeleton* s = window.overlays().skeletons().skeletonOf(subject);
        if (!s) return -1;
        for (int i = 0; i < int(s->frame.joints.size()); ++i)
            if (window.overlays().skeletons().isShown(s->frame.joints[size_t(i)])) return i;
        return -1;
    }
    QTemporaryDir dir;
    MainWindow window;
    std::int64_t video = 0;
};

}  // namespace

TEST_F(SkeletonWindow, DraggingAJointUnderZoomAndPanMovesItToTheImagePositionUnderTheMouse) {
    goTo(5);
    VideoView& view = window.view();
    view.zoomAbout(QPointF(view.width() * 0.4, view.height() * 0.6), 3.0);
    view.panBy(QPointF(-37, 21));
    ASSERT_FALSE(view.isFitted());
    const auto& shown = window.overlays().skeletons().skeletons();
    ASSERT_FALSE(shown.empty());
    const std::int64_t subject = shown.front().frame.subjectId;
    const int joint = shownJoint(subject);
    ASSERT_GE(joint, 0);
    const SkeletonFrame before = stored(subject, 5, 5).at(0);
    const QPointF jointAt(before.joints[size_t(joint)].x, before.joints[size_t(joint)].y);
    const QPointF press = view.imageToWidget().map(jointAt) + QPointF(2, -1);  // a little off the centre

    // Hovering highlights it.
    sendMouse(&view, QEvent::MouseMove, press, Qt::NoButton, Qt::NoButton);
    ASSERT_TRUE(window.skeletonEditor().hoveredJoint());
    EXPECT_EQ(*window.skeletonEditor().hoveredJoint(), (JointRef{subject, joint}));

    const QPointF delta(45, -30);  // widget pixels
    const int commandsBefore = window.document().undoStack().count();
    sendMouse(&view, QEvent::MouseButtonPress, press, Qt::LeftButton, Qt::LeftButton);
    sendMouse(&view, QEvent::MouseMove, press + delta * 0.5, Qt::NoButton, Qt::LeftButton);
    sendMouse(&view, QEvent::MouseMove, press + delta, Qt::NoButton, Qt::LeftButton);
    // Nothing is written while dragging.
    EXPECT_EQ(stored(subject, 5, 5).at(0), before);
    sendMouse(&view, QEvent::MouseButtonRelease, press + delta, Qt::LeftButton, Qt::NoButton);

    ASSERT_EQ(window.document().undoStack().count(), commandsBefore + 1);
    const SkeletonFrame after = stored(subject, 5, 5).at(0);
    // The joint moved by the mouse's movement in image pixels (widget pixels / zoom), wherever
    // in the joint it was grabbed; the view was panned, so an offset mix-up would show.
    EXPECT_NEAR(after.joints[size_t(joint)].x, jointAt.x() + delta.x() / view.zoom(), 1e-3);
    EXPECT_NEAR(after.joints[size_t(joint)].y, jointAt.y() + delta.y() / view.zoom(), 1e-3);
    EXPECT_TRUE(after.joints[size_t(joint)].visible);
    EXPECT_EQ(after.source, PoseSource::Manual);
    for (size_t i = 0; i < after.joints.size(); ++i)
        if (int(i) != joint) {
            EXPECT_EQ(after.joints[i], before.joints[i]) << i;
        }
    EXPECT_EQ(window.skeletonEditor().selectedJoint(), (JointRef{subject, joint}));
    EXPECT_EQ(window.timeline().activeSubject(), subject);  // picking a joint picks its lane

    const auto all = everything();
    window.document().undoStack().undo();
    EXPECT_EQ(stored(subject, 5, 5).at(0), before);
    window.document().undoStack().redo();
    EXPECT_EQ(everything(), all);
    EXPECT_TRUE(window.document().undoStack().text(commandsBefore).startsWith(QStringLiteral("Move ")));
}

TEST_F(SkeletonWindow, AClickWithoutMovingSelectsAndWritesNothing) {
    goTo(3);
    const auto& shown = window.overlays().skeletons().skeletons();
    ASSERT_FALSE(shown.empty());
    const std::int64_t subject = shown.back().frame.subjectId;
    const int joint = shownJoint(subject);
    ASSERT_GE(joint, 0);
    const auto& j = window.overlays().skeletons().skeletonOf(subject)->frame.joints[size_t(joint)];
    const QPointF at = window.view().imageToWidget().map(QPointF(j.x, j.y));
    const int commands = window.document().undoStack().count();
    sendMouse(&window.view(), QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
    sendMouse(&window.view(), QEvent::MouseMove, at + QPointF(1, 0), Qt::NoButton, Qt::LeftButton);
    sendMouse(&window.view(), QEvent::MouseButtonRelease, at + QPointF(1, 0), Qt::LeftButton, Qt::NoButton);
    EXPECT_EQ(window.document().undoStack().count(), commands);
    EXPECT_EQ(window.skeletonEditor().selectedJoint(), (JointRef{subject, joint}));
    // A double click on a joint keeps the zoom (elsewhere it fits the picture to the view).
    window.view().zoomAbout(at, 2.0);
    const QPointF zoomedAt = window.view().imageToWidget().map(QPointF(j.x, j.y));
    QTest::mouseDClick(&window.view(), Qt::LeftButton, Qt::NoModifier, zoomedAt.toPoint());
    EXPECT_FALSE(window.view().isFitted());
    EXPECT_EQ(window.document().undoStack().count(), commands);
    window.view().fitToWindow();
    // A click on empty space lets go of it.
    sendMouse(&window.view(), QEvent::MouseButtonPress, QPointF(2, 2), Qt::LeftButton, Qt::LeftButton);
    sendMouse(&window.view(), QEvent::MouseButtonRelease, QPointF(2, 2), Qt::LeftButton, Qt::NoButton);
    EXPECT_FALSE(window.skeletonEditor().selectedJoint());
}

TEST_F(SkeletonWindow, CtrlHTogglesTheSelectedJointsVisibilityUndoably) {
    goTo(8);
    const std::int64_t subject = window.overlays().skeletons().skeletons().front().frame.subjectId;
    const int joint = shownJoint(subject);
    ASSERT_GE(joint, 0);
    const SkeletonFrame before = stored(subject, 8, 8).at(0);
    window.skeletonEditor().selectJoint(JointRef{subject, joint});
    QTest::keyClick(&window.view(), Qt::Key_H, Qt::ControlModifier);
    SkeletonFrame hidden = stored(subject, 8, 8).at(0);
    EXPECT_FALSE(hidden.joints[size_t(joint)].visible);
    EXPECT_EQ(hidden.joints[size_t(joint)].x, before.joints[size_t(joint)].x);
    EXPECT_EQ(hidden.source, PoseSource::Manual);
    // Hidden, it is still pickable as a ring (it belongs to the active subject) and comes back.
    EXPECT_FALSE(window.overlays().skeletons().isShown(window.overlays().skeletons().skeletonOf(subject)->frame.joints[size_t(joint)]));
    const auto& j = before.joints[size_t(joint)];
    EXPECT_EQ(window.overlays().skeletons().jointAt(window.view().imageToWidget().map(QPointF(j.x, j.y)), window.view().imageToWidget(), 3),
              (JointRef{subject, joint}));
    QTest::keyClick(&window.view(), Qt::Key_H, Qt::ControlModifier);
    EXPECT_TRUE(stored(subject, 8, 8).at(0).joints[size_t(joint)].visible);
    window.document().undoStack().undo();
    window.document().undoStack().undo();
    EXPECT_EQ(stored(subject, 8, 8).at(0), before);
}

TEST_F(SkeletonWindow, AddFromTemplateKeyframesInterpolationAndCopy) {
    const std::int64_t person = window.addSubject();  // a new lane without skeletons
    ASSERT_NE(person, 0);
    ASSERT_EQ(window.skeletonEditor().activeSubject(), person);
    const auto original = everything();

    // Add from the layout's template at 10: the video's layout (Penn-13), inside the picture.
    goTo(10);
    QTest::keyClick(&window.view(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    auto at10 = stored(person, 10, 10);
    ASSERT_EQ(at10.size(), 1u);
    EXPECT_EQ(at10[0].source, PoseSource::Manual);
    EXPECT_EQ(window.document().layoutById(at10[0].layoutId)->name, "Penn-13");
    for (const auto& j : at10[0].joints) {
        EXPECT_TRUE(j.visible);
        EXPECT_GE(j.x, 0);
        EXPECT_LE(j.x, window.view().frame()->width);
        EXPECT_GE(j.y, 0);
        EXPECT_LE(j.y, window.view().frame()->height);
    }
    // A second one on the same frame is refused.
    EXPECT_NE(window.skeletonEditor().addFromTemplate(), QString());

    // A keyframe at 16 (a copy of 10 with joint 0 moved), then interpolate 10..16.
    goTo(16);
    QTest::keyClick(&window.view(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);  // copy from previous
    auto at16 = stored(person, 16, 16);
    ASSERT_EQ(at16.size(), 1u);
    EXPECT_EQ(at16[0].joints, at10[0].joints);
    EXPECT_EQ(at16[0].source, PoseSource::Manual);
    window.skeletonEditor().selectJoint(JointRef{person, 0});
    const float x10 = at10[0].joints[0].x, y10 = at10[0].joints[0].y;
    ASSERT_EQ(window.skeletonEditor().moveSelectedJoint(x10 + 60, y10 - 12), QString());
    QTest::keyClick(&window.view(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);  // interpolate
    auto between = stored(person, 11, 15);
    ASSERT_EQ(between.size(), 5u);
    for (const SkeletonFrame& f : between) {
        const double t = double(f.frame - 10) / 6.0;
        EXPECT_EQ(f.source, PoseSource::Interpolated) << f.frame;
        EXPECT_NEAR(f.joints[0].x, x10 + 60 * t, 1e-3) << f.frame;
        EXPECT_NEAR(f.joints[0].y, y10 - 12 * t, 1e-3) << f.frame;
        EXPECT_EQ(f.joints[1], at10[0].joints[1]);  // unmoved joints stay
    }
    // Shown as interpolated in the overlay at 13, and marked so in the timeline's lane data.
    goTo(13);
    ASSERT_NE(window.overlays().skeletons().skeletonOf(person), nullptr);
    EXPECT_EQ(window.overlays().skeletons().skeletonOf(person)->frame.source, PoseSource::Interpolated);
    int interpolatedMarks = 0;
    for (const auto& p : window.document().skeletonPresence())
        if (p.subjectId == person && p.source == PoseSource::Interpolated) ++interpolatedMarks;
    EXPECT_EQ(interpolatedMarks, 5);

    // Editing an interpolated frame makes it a keyframe; the interpolated frames on both sides
    // follow it in the same command.
    const auto interpolatedState = everything();
    window.skeletonEditor().selectJoint(JointRef{person, 0});
    ASSERT_EQ(window.skeletonEditor().moveSelectedJoint(x10, y10 + 30), QString());
    EXPECT_EQ(stored(person, 13, 13).at(0).source, PoseSource::Manual);
    const auto at12 = stored(person, 12, 12).at(0);
    EXPECT_EQ(at12.source, PoseSource::Interpolated);
    EXPECT_NEAR(at12.joints[0].y, y10 + 30 * 2.0 / 3.0, 1e-3);  // 10 -> 13, two thirds
    const auto at15 = stored(person, 15, 15).at(0);
    EXPECT_NEAR(at15.joints[0].x, x10 + 60 * 2.0 / 3.0, 1e-3);  // 13 -> 16: x from +0 to +60
    EXPECT_NEAR(at15.joints[0].y, (y10 + 30) + (-12 - 30) * 2.0 / 3.0, 1e-3);
    window.document().undoStack().undo();
    EXPECT_EQ(everything(), interpolatedState);  // one undo puts back the frame and its neighbours

    // Ctrl+Left/Right go from keyframe to keyframe (10, 16 now; 13 was undone).
    goTo(12);
    QTest::keyClick(&window.view(), Qt::Key_Right, Qt::ControlModifier);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.overlays().frame() == 16; }));
    QTest::keyClick(&window.view(), Qt::Key_Left, Qt::ControlModifier);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.overlays().frame() == 10; }));
    EXPECT_NE(window.skeletonEditor().goToKeyframe(-1), QString());  // none before 10

    // Ctrl+K marks a frame that is not a keyframe as one, without moving anything.
    const auto at14 = stored(person, 14, 14).at(0);
    goTo(14);
    QTest::keyClick(&window.view(), Qt::Key_K, Qt::ControlModifier);
    auto marked = stored(person, 14, 14).at(0);
    EXPECT_EQ(marked.source, PoseSource::Manual);
    EXPECT_EQ(marked.joints, at14.joints);
    EXPECT_NE(window.skeletonEditor().markKeyframe(), QString());  // already one

    // Undo everything: the store is exactly as it was.
    while (window.document().undoStack().canUndo() && window.document().undoStack().index() > 1)
        window.document().undoStack().undo();
    EXPECT_EQ(everything(), original);
    EXPECT_TRUE(stored(person, 0, 1000).empty());
}

TEST_F(SkeletonWindow, InterpolateAllReplacesOnlyTheGapsAndUndoRestoresWhatWasThere) {
    // The fixture's skeletons are imported in every frame; two keyframes at 2 and 9 make the
    // imported frames between them interpolated, and undo brings the imported ones back.
    goTo(2);
    const std::int64_t subject = window.overlays().skeletons().skeletons().front().frame.subjectId;
    window.timeline().setActiveSubject(subject);
    ASSERT_EQ(window.skeletonEditor().activeSubject(), subject);
    const auto original = everything();
    ASSERT_EQ(window.skeletonEditor().markKeyframe(), QString());
    goTo(9);
    ASSERT_EQ(window.skeletonEditor().markKeyframe(), QString());
    ASSERT_EQ(window.skeletonEditor().interpolateAll(), QString());
    const auto frames = stored(subject, 0, 12);
    for (const SkeletonFrame& f : frames) {
        const PoseSource expected = f.frame == 2 || f.frame == 9 ? PoseSource::Manual
                                    : f.frame > 2 && f.frame < 9 ? PoseSource::Interpolated
                                                                 : PoseSource::Imported;
        EXPECT_EQ(f.source, expected) << f.frame;
    }
    window.document().undoStack().undo();
    window.document().undoStack().undo();
    window.document().undoStack().undo();
    EXPECT_EQ(everything(), original);
}

TEST_F(SkeletonWindow, ATemplateForASubjectSeenNearbyGoesWhereItWas) {
    goTo(7);
    const std::int64_t subject = window.overlays().skeletons().skeletons().front().frame.subjectId;
    window.timeline().setActiveSubject(subject);
    QTest::keyClick(&window.view(), Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(stored(subject, 7, 7).empty());
    auto extent = [](const SkeletonFrame& f) {  // around the visible joints
        double left = 1e9, top = 1e9, right = -1e9, bottom = -1e9;
        for (const auto& j : f.joints) {
            if (!j.visible) continue;
            left = std::min(left, double(j.x));
            right = std::max(right, double(j.x));
            top = std::min(top, double(j.y));
            bottom = std::max(bottom, double(j.y));
        }
        return QRectF(QPointF(left, top), QPointF(right, bottom));
    };
    const QRectF was = extent(stored(subject, 6, 6).at(0));  // the nearest frame with the subject (6 before 8)
    QTest::keyClick(&window.view(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    const auto added = stored(subject, 7, 7);
    ASSERT_EQ(added.size(), 1u);
    EXPECT_EQ(added[0].source, PoseSource::Manual);
    const QRectF now = extent(added[0]);
    EXPECT_NEAR(now.center().x(), was.center().x(), 0.1 * was.height() + 1);
    EXPECT_NEAR(now.center().y(), was.center().y(), 0.1 * was.height() + 1);
    const double size = std::max(was.width(), was.height());
    EXPECT_NEAR(std::max(now.width(), now.height()), size, 0.2 * size);
    window.document().undoStack().undo();
    window.document().undoStack().undo();
    ASSERT_EQ(stored(subject, 7, 7).size(), 1u);  // the deleted skeleton is back
}

TEST_F(SkeletonWindow, TheDatasetBrowsersSkeletonCoverageFollowsEdits) {
    QAbstractItemModel* table = window.datasetBrowser().table()->model();
    auto coverage = [&] {
        for (int row = 0; row < table->rowCount(); ++row) {
            const QModelIndex index = table->index(row, DatasetTableModel::Skeletons);
            if (index.data(DatasetTableModel::kVideoIdRole).toLongLong() == video) return index.data(DatasetTableModel::kSortRole).toDouble();
        }
        return -1.0;
    };
    const double before = coverage();
    ASSERT_GT(before, 0);
    goTo(4);
    std::vector<std::int64_t> subjects;
    for (const auto& s : window.overlays().skeletons().skeletons()) subjects.push_back(s.frame.subjectId);
    for (std::int64_t s : subjects) {  // frame 4 without anyone's skeleton
        window.timeline().setActiveSubject(s);
        ASSERT_EQ(window.skeletonEditor().deleteSkeleton(), QString());
    }
    const double frames = window.document().currentVideo()->frameCount;
    EXPECT_NEAR(coverage(), before - 1.0 / frames, 1e-9);
    window.document().undoStack().undo();
    EXPECT_NEAR(coverage(), before, 1e-9);
}

TEST_F(SkeletonWindow, ArrowNudgesAreOneUndoStepEvenWhenInterpolatedFramesFollow) {
    goTo(6);
    const std::int64_t subject = window.overlays().skeletons().skeletons().front().frame.subjectId;
    window.timeline().setActiveSubject(subject);
    ASSERT_EQ(window.skeletonEditor().markKeyframe(), QString());
    goTo(12);
    ASSERT_EQ(window.skeletonEditor().markKeyframe(), QString());
    ASSERT_EQ(window.skeletonEditor().interpolateAround(), QString());
    const auto original = everything();
    const int steps = window.document().undoStack().count();
    const int joint = shownJoint(subject);
    ASSERT_GE(joint, 0);
    const auto start = stored(subject, 12, 12).at(0).joints[size_t(joint)];
    window.skeletonEditor().selectJoint(JointRef{subject, joint});
    for (int i = 0; i < 3; ++i) QTest::keyClick(&window.view(), Qt::Key_Right, Qt::AltModifier);
    QTest::keyClick(&window.view(), Qt::Key_Down, Qt::AltModifier | Qt::ShiftModifier);
    const auto moved = stored(subject, 12, 12).at(0).joints[size_t(joint)];
    EXPECT_FLOAT_EQ(moved.x, start.x + 3);
    EXPECT_FLOAT_EQ(moved.y, start.y + 10);
    // The interpolated frames 7..11 followed: half-way at 9.
    const auto k6 = stored(subject, 6, 6).at(0).joints[size_t(joint)];
    EXPECT_NEAR(stored(subject, 9, 9).at(0).joints[size_t(joint)].x, (k6.x + moved.x) / 2, 1e-3);
    EXPECT_EQ(window.document().undoStack().count(), steps + 1);  // four nudges, one step
    EXPECT_TRUE(window.document().undoStack().text(steps).startsWith(QStringLiteral("Nudge ")));
    window.document().undoStack().undo();
    EXPECT_EQ(everything(), original);
    // Another joint starts a new step.
    window.skeletonEditor().selectJoint(JointRef{subject, joint == 0 ? 1 : 0});
    window.document().undoStack().redo();
    QTest::keyClick(&window.view(), Qt::Key_Up, Qt::AltModifier);
    EXPECT_EQ(window.document().undoStack().count(), steps + 2);
}

TEST_F(SkeletonWindow, TheSkeletonMenuListsItsShortcuts) {
    QStringList found;
    for (QAction* action : window.findChildren<QAction*>())
        if (!action->shortcut().isEmpty()) found << action->text() + QLatin1Char('=') + action->shortcut().toString();
    for (const char* expected : {"&Show / hide joint=Ctrl+H", "&Add skeleton from template=Ctrl+Shift+A",
                                 "&Copy skeleton from previous frame=Ctrl+Shift+V", "Mark as &keyframe=Ctrl+K",
                                 "&Interpolate between keyframes=Ctrl+Shift+K", "&Delete skeleton on this frame=Ctrl+Shift+Del"})
        EXPECT_TRUE(found.contains(QString::fromLatin1(expected))) << expected;
}
