// TimelineWidget: lanes and blocks where the scale says, seeking, selection and edge drags.

#include "ui/document/project_document.h"
#include "ui/timeline/timeline_widget.h"
#include "ui_project_fixture.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

struct TimelineFixture : ::testing::Test {
    void SetUp() override {
        ASSERT_EQ(document.open(uitest::renderedProject()), QString());
        timeline = std::make_unique<TimelineWidget>(document);
        timeline->resize(1130, 200);  // 1000 px of lanes
        document.setCurrentVideo(document.videos().front().id);
        timeline->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(timeline.get()));
    }
    QPoint inside(const QRectF& r, double fraction = 0.5) const {
        return QPointF(r.left() + r.width() * fraction, r.center().y()).toPoint();
    }
    ProjectDocument document;
    std::unique_ptr<TimelineWidget> timeline;
};

}  // namespace

TEST_F(TimelineFixture, OneLanePerSubjectAndBlocksAtTheirFrames) {
    EXPECT_EQ(timeline->lanes(), document.subjectsOfCurrentVideo());
    ASSERT_EQ(timeline->lanes().size(), 2u);
    const double ppf = 1000.0 / double(document.currentVideo()->frameCount);
    EXPECT_DOUBLE_EQ(timeline->scale().pixelsPerFrame(), ppf);
    for (const auto& s : document.segments()) {
        const QRectF r = timeline->segmentRect(s.id);
        EXPECT_DOUBLE_EQ(r.left(), TimelineWidget::kHeaderWidth + s.firstFrame * ppf);
        EXPECT_DOUBLE_EQ(r.right(), TimelineWidget::kHeaderWidth + (s.lastFrame + 1) * ppf);
        const QRectF lane = timeline->laneRect(s.subjectId);
        EXPECT_TRUE(lane.contains(r.center()));
    }
}

TEST_F(TimelineFixture, ClickingTheRulerSeeksAndDraggingScrubs) {
    QSignalSpy seek(timeline.get(), &TimelineWidget::seekRequested);
    const int x = int(timeline->xOfFrame(40) + 1);
    QTest::mousePress(timeline.get(), Qt::LeftButton, {}, QPoint(x, 10));
    QTest::mouseMove(timeline.get(), QPoint(int(timeline->xOfFrame(60) + 1), 10));
    QTest::mouseRelease(timeline.get(), Qt::LeftButton, {}, QPoint(int(timeline->xOfFrame(60) + 1), 10));
    ASSERT_GE(seek.count(), 2);
    EXPECT_EQ(seek.front().front().toInt(), 40);
    EXPECT_EQ(seek.back().front().toInt(), 60);
}

TEST_F(TimelineFixture, ClickSelectsAndCtrlClickAddsToTheSelection) {
    ASSERT_GE(document.segments().size(), 2u);
    const auto& a = document.segments()[0];
    const auto& b = document.segments()[1];
    QSignalSpy changed(timeline.get(), &TimelineWidget::selectionChanged);
    QTest::mouseClick(timeline.get(), Qt::LeftButton, {}, inside(timeline->segmentRect(a.id)));
    EXPECT_EQ(timeline->selection(), std::set<std::int64_t>{a.id});
    EXPECT_EQ(timeline->currentSegment(), a.id);
    QTest::mouseClick(timeline.get(), Qt::LeftButton, Qt::ControlModifier, inside(timeline->segmentRect(b.id)));
    EXPECT_EQ(timeline->selection(), (std::set<std::int64_t>{a.id, b.id}));
    EXPECT_EQ(timeline->currentSegment(), b.id);
    EXPECT_EQ(changed.count(), 2);
}

TEST_F(TimelineFixture, DraggingAnEdgeReportsNewBoundsSnappedToFrames) {
    // Zoomed in so one frame is several pixels: the drag lands on exact frames.
    const annotation::Segment s = document.segments().front();
    timeline->scale().setPixelsPerFrame(10);
    timeline->scale().scrollTo(double(s.lastFrame) - 20);
    timeline->update();
    const QRectF r = timeline->segmentRect(s.id);
    ASSERT_GT(r.right(), TimelineWidget::kHeaderWidth);
    QSignalSpy edited(timeline.get(), &TimelineWidget::segmentBoundsEdited);
    const QPoint grab(int(r.right()) - 1, int(r.center().y()));
    QTest::mousePress(timeline.get(), Qt::LeftButton, {}, grab);
    // 5 frames earlier, with a 3 px offset that snapping absorbs.
    const QPoint to(int(timeline->xOfFrame(double(s.lastFrame - 5 + 1))) + 3, grab.y());
    QTest::mouseMove(timeline.get(), to);
    QTest::mouseRelease(timeline.get(), Qt::LeftButton, {}, to);
    ASSERT_EQ(edited.count(), 1);
    EXPECT_EQ(edited.front().at(0).toLongLong(), s.id);
    EXPECT_EQ(edited.front().at(1).toLongLong(), s.firstFrame);
    EXPECT_EQ(edited.front().at(2).toLongLong(), s.lastFrame - 5);
    // The widget itself wrote nothing.
    EXPECT_EQ(document.segments().front(), s);
}

TEST_F(TimelineFixture, ZoomReachesSingleFramesAndTheWholeVideo) {
    for (int i = 0; i < 20; ++i) timeline->zoomIn();
    EXPECT_DOUBLE_EQ(timeline->scale().pixelsPerFrame(), TimelineScale::kMaxPixelsPerFrame);
    timeline->zoomToFit();
    EXPECT_DOUBLE_EQ(timeline->scale().firstVisibleFrame(), 0.0);
    EXPECT_NEAR(timeline->scale().visibleFrames(), double(document.currentVideo()->frameCount), 1e-9);
}
