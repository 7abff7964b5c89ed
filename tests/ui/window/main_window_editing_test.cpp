// MainWindow editing end to end: keyboard coding creates the right segments, marks + hotkey,
// an edge drag on the timeline changes the store, overlaps are refused with a message.

#include "ui/editing/annotator_name.h"
#include "ui/editing/segment_editor.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/segment_label_overlay.h"
#include "ui/player/transport_bar.h"
#include "ui/timeline/timeline_widget.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

struct WindowFixture : ::testing::Test {
    void SetUp() override {
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        ASSERT_EQ(window.openProject(uitest::copyOfProject(dir)), QString());
        ASSERT_TRUE(uitest::waitUntil([&] { return window.player().isOpen() && window.view().frame(); }));
        video = window.document().currentVideoId();
        subject = window.timeline().activeSubject();
        ASSERT_NE(subject, 0);
    }
    // Empties the active subject's lane so that new segments have room.
    void clearLane() {
        std::vector<std::int64_t> ids;
        for (const auto& s : window.document().segments())
            if (s.subjectId == subject) ids.push_back(s.id);
        ASSERT_EQ(window.editor().remove(ids), QString());
    }
    std::vector<annotation::Segment> laneInStore() {
        std::vector<annotation::Segment> lane;
        for (const auto& s : window.document().store().segmentsOfVideo(video).value())
            if (s.subjectId == subject) lane.push_back(s);
        return lane;
    }
    QTemporaryDir dir;
    MainWindow window;
    std::int64_t video = 0;
    std::int64_t subject = 0;
};

}  // namespace

TEST_F(WindowFixture, HoldingAnActionsHotkeyWhilePlayingCodesASegment) {
    clearLane();
    window.player().seek(5);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.view().frame() && window.view().frame()->index == 5; }));
    window.player().play();
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() >= 8; }));
    QWidget* target = &window.view();
    // '6' is golf_swing's hotkey in the Penn Action taxonomy the rendered project uses.
    QTest::keyPress(target, Qt::Key_6, Qt::NoModifier);
    const int pressed = window.player().currentFrame();
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() >= pressed + 6; }));
    QTest::keyRelease(target, Qt::Key_6, Qt::NoModifier);
    const int released = window.player().currentFrame();
    window.player().pause();

    const auto lane = laneInStore();
    ASSERT_EQ(lane.size(), 1u);
    EXPECT_EQ(lane[0].firstFrame, pressed);
    EXPECT_EQ(lane[0].lastFrame, released);
    EXPECT_EQ(lane[0].labels.at("action"), "golf_swing");
    EXPECT_EQ(window.timeline().selection(), std::set<std::int64_t>{lane[0].id});
}

TEST_F(WindowFixture, MarksThenAHotkeyCodeTheMarkedRangeAndAHotkeyRelabelsTheSelection) {
    clearLane();
    window.setMarkIn(20);
    window.setMarkOut(35);
    QTest::keyClick(&window.view(), Qt::Key_3);  // bench_press
    auto lane = laneInStore();
    ASSERT_EQ(lane.size(), 1u);
    EXPECT_EQ(lane[0].firstFrame, 20);
    EXPECT_EQ(lane[0].lastFrame, 35);
    EXPECT_EQ(lane[0].labels.at("action"), "bench_press");
    EXPECT_FALSE(window.markIn());

    // With the new segment selected and no marks, a hotkey relabels it.
    QTest::keyClick(&window.view(), Qt::Key_7);  // jump_rope
    lane = laneInStore();
    ASSERT_EQ(lane.size(), 1u);
    EXPECT_EQ(lane[0].labels.at("action"), "jump_rope");
    EXPECT_EQ(window.document().undoStack().count(), 3);  // clear lane, create, relabel
}

TEST_F(WindowFixture, OverlappingMarksAreRefusedWithAMessage) {
    clearLane();
    ASSERT_EQ(window.editor().create(subject, 10, 30, {{"action", "bowl"}}), QString());
    window.setMarkIn(25);
    window.setMarkOut(40);
    const QString error = window.createSegmentFromMarks();
    EXPECT_TRUE(error.contains(QStringLiteral("overlap"))) << error.toStdString();
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("overlap")));
    EXPECT_EQ(laneInStore().size(), 1u);
}

TEST_F(WindowFixture, DraggingASegmentEdgeOnTheTimelineChangesTheStore) {
    clearLane();
    ASSERT_EQ(window.editor().create(subject, 10, 30, {{"action", "bowl"}}), QString());
    TimelineWidget& timeline = window.timeline();
    timeline.scale().setPixelsPerFrame(8);
    timeline.scale().scrollTo(0);
    timeline.update();
    const std::int64_t id = laneInStore().at(0).id;
    const QRectF r = timeline.segmentRect(id);
    const QPoint grab(int(r.right()) - 1, int(r.center().y()));
    const QPoint to(int(timeline.xOfFrame(41)) + 2, grab.y());  // last frame 40
    QTest::mousePress(&timeline, Qt::LeftButton, {}, grab);
    QTest::mouseMove(&timeline, to);
    QTest::mouseRelease(&timeline, Qt::LeftButton, {}, to);
    const auto lane = laneInStore();
    ASSERT_EQ(lane.size(), 1u);
    EXPECT_EQ(lane[0].firstFrame, 10);
    EXPECT_EQ(lane[0].lastFrame, 40);
    window.document().undoStack().undo();
    EXPECT_EQ(laneInStore().at(0).lastFrame, 30);
}

TEST_F(WindowFixture, SplitAtThePlayheadAndMergeBack) {
    clearLane();
    ASSERT_EQ(window.editor().create(subject, 10, 30, {{"action", "bowl"}}), QString());
    window.player().seek(18);
    ASSERT_EQ(window.splitAtPlayhead(), QString());
    auto lane = laneInStore();
    ASSERT_EQ(lane.size(), 2u);
    EXPECT_EQ(lane[0].lastFrame, 17);
    EXPECT_EQ(lane[1].firstFrame, 18);
    window.timeline().setSelection({lane[0].id, lane[1].id});
    ASSERT_EQ(window.mergeSelected(), QString());
    lane = laneInStore();
    ASSERT_EQ(lane.size(), 1u);
    EXPECT_EQ(lane[0].firstFrame, 10);
    EXPECT_EQ(lane[0].lastFrame, 30);
    window.timeline().setSelection({lane[0].id});
    ASSERT_EQ(window.deleteSelected(), QString());
    EXPECT_TRUE(laneInStore().empty());
}

TEST_F(WindowFixture, ANewSubjectGetsAnActiveLaneAndUndoTakesItAway) {
    const size_t lanesBefore = window.timeline().lanes().size();
    const std::int64_t added = window.addSubject();
    ASSERT_NE(added, 0);
    EXPECT_EQ(window.timeline().lanes().size(), lanesBefore + 1);
    EXPECT_EQ(window.timeline().activeSubject(), added);
    EXPECT_EQ(window.document().subjectName(added), QStringLiteral("person 3"));  // the fixture has persons 1 and 2
    window.setMarkIn(3);
    window.setMarkOut(9);
    ASSERT_EQ(window.createSegmentFromMarks({{"action", "situp"}}), QString());
    const auto segments = window.document().store().segmentsOfVideo(video).value();
    EXPECT_EQ(std::count_if(segments.begin(), segments.end(), [&](const auto& s) { return s.subjectId == added; }), 1);

    window.document().undoStack().undo();  // the segment
    window.document().undoStack().undo();  // the subject
    EXPECT_EQ(window.document().subject(added), nullptr);
    EXPECT_EQ(window.timeline().lanes().size(), lanesBefore);
    window.document().undoStack().redo();
    EXPECT_NE(window.document().subject(added), nullptr);
    EXPECT_EQ(window.timeline().lanes().size(), lanesBefore + 1);
}

TEST_F(WindowFixture, ReturnInTheGoToFrameBoxSeeksAndDoesNotMakeASegment) {
    window.setMarkIn(2);
    window.setMarkOut(4);
    const int before = window.document().undoStack().count();
    QSpinBox* box = window.transport().frameBox();
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QStringLiteral("12"));
    QTest::keyClick(box, Qt::Key_Return);
    EXPECT_EQ(window.player().currentFrame(), 12);
    EXPECT_EQ(window.document().undoStack().count(), before);
    // Digits typed into the box are not action hotkeys either.
    EXPECT_TRUE(window.markIn().has_value());
}

TEST_F(WindowFixture, ReturnMakesASegmentFromMarksWhenTheFocusIsOnTheVideo) {
    clearLane();
    window.setMarkIn(5);
    window.setMarkOut(9);
    window.view().setFocus();
    QTest::keyClick(&window.view(), Qt::Key_Return);
    const auto lane = laneInStore();
    ASSERT_EQ(lane.size(), 1u);
    EXPECT_EQ(lane[0].firstFrame, 5);
    EXPECT_EQ(lane[0].lastFrame, 9);
}

TEST_F(WindowFixture, AnnotatorLayersSideBySideKeepTwoCodingsApart) {
    clearLane();
    setAnnotatorName(QStringLiteral("ann"));
    ASSERT_EQ(window.editor().create(subject, 10, 30, {{"action", "squat"}}), QString());
    setAnnotatorName(QStringLiteral("bob"));
    // One lane for everyone's segments: bob may not code over ann's.
    EXPECT_NE(window.editor().create(subject, 20, 40, {{"action", "squat"}}), QString());
    window.showAnnotatorLayers(true);
    ASSERT_EQ(window.editor().create(subject, 20, 40, {{"action", "jump_rope"}}), QString()) << "each annotator's layer apart";
    EXPECT_NE(window.editor().create(subject, 35, 45, {{"action", "squat"}}), QString()) << "still one action at a time per person";
    int rows = 0;
    for (const auto& row : window.timeline().rows())
        if (row.subjectId == subject && row.model.empty()) ++rows;
    EXPECT_EQ(rows, 2);
    const auto lane = laneInStore();
    ASSERT_EQ(lane.size(), 2u);
    const QRectF annRow = window.timeline().rowRect(TimelineWidget::Row{subject, {}, "ann", true});
    const QRectF bobRow = window.timeline().rowRect(TimelineWidget::Row{subject, {}, "bob", true});
    ASSERT_FALSE(annRow.isEmpty());
    ASSERT_FALSE(bobRow.isEmpty());
    EXPECT_GT(bobRow.top(), annRow.top());
    for (const auto& s : lane)
        EXPECT_TRUE((s.annotator == "ann" ? annRow : bobRow).contains(window.timeline().segmentRect(s.id).center()));
    // Where both coded the frame, the picture's label panel says whose each line is.
    window.showFrame(25);
    ASSERT_TRUE(uitest::waitUntil([&] {
        int named = 0;
        for (const auto& line : window.overlays().labels().lines())
            named += line.details.startsWith(QStringLiteral("ann")) || line.details.startsWith(QStringLiteral("bob"));
        return named == 2;
    }));
    window.showAnnotatorLayers(false);
    EXPECT_EQ(window.timeline().laneRect(subject), window.timeline().rowRect(TimelineWidget::Row{subject, {}, {}, false}));
    setAnnotatorName({});
}

TEST_F(WindowFixture, CopyingAColleaguesLayerStartsOnesOwnSideBySide) {
    clearLane();
    setAnnotatorName(QStringLiteral("ann"));
    ASSERT_EQ(window.editor().create(subject, 10, 30, {{"action", "squat"}}), QString());
    setAnnotatorName(QStringLiteral("bob"));
    const int undoBefore = window.document().undoStack().count();
    ASSERT_EQ(window.copyLayer(QStringLiteral("ann")), QString());
    EXPECT_TRUE(window.timeline().showsAnnotatorLayers());
    EXPECT_EQ(window.document().undoStack().count(), undoBefore + 1);
    const auto lane = laneInStore();
    ASSERT_EQ(lane.size(), 2u);
    const auto& copy = lane[0].annotator == "bob" ? lane[0] : lane[1];
    EXPECT_EQ(copy.annotator, "bob");
    EXPECT_EQ(copy.source, "ann");
    EXPECT_EQ(copy.firstFrame, 10);
    // bob corrects his copy; ann's stays as it was.
    ASSERT_EQ(window.editor().setBounds(copy.id, 12, 30), QString());
    for (const auto& s : laneInStore()) EXPECT_EQ(s.firstFrame, s.annotator == "ann" ? 10 : 12);
    window.document().undoStack().undo();
    window.document().undoStack().undo();
    EXPECT_EQ(laneInStore().size(), 1u);
    setAnnotatorName({});
}

TEST_F(WindowFixture, OneAnnotatorsSegmentsCanBeShownAlone) {
    clearLane();
    setAnnotatorName(QStringLiteral("ann"));
    ASSERT_EQ(window.editor().create(subject, 10, 30, {{"action", "squat"}}), QString());
    setAnnotatorName(QStringLiteral("bob"));
    ASSERT_EQ(window.editor().create(subject, 40, 50, {{"action", "squat"}}), QString());
    std::int64_t annId = 0, bobId = 0;
    for (const auto& s : laneInStore()) (s.annotator == "ann" ? annId : bobId) = s.id;
    window.timeline().setShownAnnotator(std::string("ann"));
    EXPECT_FALSE(window.timeline().segmentRect(annId).isEmpty());
    EXPECT_TRUE(window.timeline().segmentRect(bobId).isEmpty()) << "bob's segment is hidden";
    window.timeline().setShownAnnotator(std::nullopt);
    EXPECT_FALSE(window.timeline().segmentRect(bobId).isEmpty());
    setAnnotatorName({});
}
