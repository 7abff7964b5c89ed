// MainWindow reviewing a model's predictions (Edit > Predictions) end to end: they lie in a lane
// of their own, the keys accept and reject them as one undoable step each, accepting keeps the
// model as the segment's source and the user as its annotator.

#include "ui/commands/model_segments_command.h"
#include "ui/dataset/dataset_browser.h"
#include "ui/dataset/dataset_table_model.h"
#include "ui/editing/annotator_name.h"
#include "ui/editing/segment_editor.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/segment_label_overlay.h"
#include "ui/timeline/timeline_widget.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

const std::string kModel = "model:test run.alm";

struct PredictionsFixture : ::testing::Test {
    void SetUp() override {
        setAnnotatorName(QStringLiteral("tester"));
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        ASSERT_EQ(window.openProject(uitest::copyOfProject(dir)), QString());
        ASSERT_TRUE(uitest::waitUntil([&] { return window.player().isOpen() && window.view().frame(); }));
        video = window.document().currentVideoId();
        subject = window.timeline().activeSubject();
        ASSERT_NE(subject, 0);
        // The subject's own lane emptied; three predictions: 2-9 (0.9), 12-20 (0.55), 24-30 (0.75).
        std::vector<std::int64_t> ids;
        for (const auto& s : window.document().segments())
            if (s.subjectId == subject) ids.push_back(s.id);
        ASSERT_EQ(window.editor().remove(ids), QString());
        std::vector<annotation::Segment> predicted;
        for (auto [first, last, confidence] : {std::tuple{2, 9, 0.9}, std::tuple{12, 20, 0.55}, std::tuple{24, 30, 0.75}}) {
            annotation::Segment s;
            s.videoId = video;
            s.subjectId = subject;
            s.firstFrame = first;
            s.lastFrame = last;
            s.labels = {{"action", "squat"}};
            s.annotator = kModel;
            s.confidence = confidence;
            predicted.push_back(s);
        }
        ASSERT_EQ(DocumentCommand::push(window.document(), std::make_unique<ModelSegmentsCommand>(window.document(), video, kModel, predicted)),
                  QString());
    }
    void TearDown() override { setAnnotatorName({}); }

    std::vector<annotation::Segment> ofSubject(bool predictions) {
        std::vector<annotation::Segment> out;
        for (const auto& s : window.document().store().segmentsOfVideo(video).value())
            if (s.subjectId == subject && annotation::isModelPrediction(s) == predictions) out.push_back(s);
        return out;
    }
    std::int64_t predictionAt(std::int64_t first) {
        for (const auto& s : ofSubject(true))
            if (s.firstFrame == first) return s.id;
        return 0;
    }

    QTemporaryDir dir;
    MainWindow window;
    std::int64_t video = 0;
    std::int64_t subject = 0;
};

}  // namespace

TEST_F(PredictionsFixture, PredictionsLieInTheirOwnRowUnderTheSubject) {
    const TimelineWidget& timeline = window.timeline();
    const QRectF lane = timeline.laneRect(subject);
    const QRectF row = timeline.rowRect(TimelineWidget::Row{subject, kModel});
    ASSERT_FALSE(row.isEmpty());
    EXPECT_GT(row.top(), lane.bottom() - 1) << "under the subject's lane";
    EXPECT_LT(row.height(), lane.height());
    const QRectF block = timeline.segmentRect(predictionAt(2));
    EXPECT_TRUE(row.contains(block.center()));
    // On the picture too, a proposal says so, with its confidence.
    window.showFrame(5);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() == 5 && window.view().frame() && window.view().frame()->index == 5; }));
    ASSERT_TRUE(uitest::waitUntil([&] {
        for (const auto& line : window.overlays().labels().lines())
            if (line.details.startsWith(QStringLiteral("proposed, 0.90"))) return true;
        return false;
    }));
}

TEST_F(PredictionsFixture, CtrlReturnAcceptsTheSelectedPredictionAsOneUndoableStep) {
    const std::int64_t id = predictionAt(12);
    window.timeline().setSelection({id});
    const int undoBefore = window.document().undoStack().count();
    QTest::keyClick(&window.view(), Qt::Key_Return, Qt::ControlModifier);
    const auto people = ofSubject(false);
    ASSERT_EQ(people.size(), 1u);
    EXPECT_EQ(people[0].id, id);
    EXPECT_EQ(people[0].annotator, "tester");
    EXPECT_EQ(people[0].source, kModel);
    EXPECT_EQ(people[0].review, annotation::ReviewStatus::Accepted);
    EXPECT_EQ(people[0].confidence, 0.55);
    EXPECT_EQ(ofSubject(true).size(), 2u);
    EXPECT_EQ(window.document().undoStack().count(), undoBefore + 1);
    // On to the next proposal.
    EXPECT_EQ(window.timeline().selection(), std::set<std::int64_t>{predictionAt(24)});
    // The dataset browser tells proposals and model-assisted segments apart.
    DatasetTableModel* table = window.datasetBrowser().model();
    int row = 0;
    while (row < table->rowCount() && table->videoIdAt(row) != video) ++row;
    ASSERT_LT(row, table->rowCount());
    const auto cell = [&](int column) { return table->index(row, column).data().toString(); };
    EXPECT_EQ(cell(DatasetTableModel::Proposed), QStringLiteral("2"));
    EXPECT_EQ(cell(DatasetTableModel::Accepted).section(QLatin1Char('/'), 0, 0), QStringLiteral("1"));
    window.document().undoStack().undo();
    EXPECT_TRUE(ofSubject(false).empty());
    EXPECT_EQ(ofSubject(true).size(), 3u);
}

TEST_F(PredictionsFixture, ShiftDeleteRejectsAndAPersonsSegmentIsNotRejected) {
    window.timeline().setSelection({predictionAt(2)});
    QTest::keyClick(&window.view(), Qt::Key_Delete, Qt::ShiftModifier);
    EXPECT_EQ(ofSubject(true).size(), 2u);
    EXPECT_EQ(predictionAt(2), 0);
    ASSERT_EQ(window.editor().create(subject, 40, 45), QString());
    const std::int64_t person = ofSubject(false).at(0).id;
    EXPECT_EQ(ofSubject(false).at(0).annotator, "tester") << "drawn segments carry the user's name";
    window.timeline().setSelection({person});
    EXPECT_NE(window.rejectPredictions(), QString());
    EXPECT_EQ(ofSubject(false).size(), 1u);
}

TEST_F(PredictionsFixture, AcceptAboveAConfidenceAndInsideTheMarks) {
    // A person's segment over 24-30's range keeps that prediction a proposal.
    ASSERT_EQ(window.editor().create(subject, 26, 28), QString());
    EXPECT_EQ(window.acceptPredictionsAbove(0.7), QString());
    std::vector<std::int64_t> firsts;
    for (const auto& s : ofSubject(false)) firsts.push_back(s.firstFrame);
    EXPECT_EQ(firsts, (std::vector<std::int64_t>{2, 26}));
    EXPECT_EQ(ofSubject(true).size(), 2u);  // 12-20 below, 24-30 in the way

    window.setMarkIn(14);
    window.setMarkOut(17);
    EXPECT_EQ(window.acceptPredictionsInMarks(), QString());
    firsts.clear();
    for (const auto& s : ofSubject(false)) firsts.push_back(s.firstFrame);
    EXPECT_EQ(firsts, (std::vector<std::int64_t>{2, 14, 26}));
    std::vector<std::pair<std::int64_t, std::int64_t>> left;
    for (const auto& s : ofSubject(true)) left.push_back({s.firstFrame, s.lastFrame});
    EXPECT_EQ(left, (std::vector<std::pair<std::int64_t, std::int64_t>>{{12, 13}, {18, 20}, {24, 30}}));
}

TEST_F(PredictionsFixture, NextAndPreviousWalkThePredictions) {
    window.showFrame(0);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() == 0; }));
    ASSERT_TRUE(window.goToPrediction(+1));
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() == 2; }));
    ASSERT_TRUE(window.goToPrediction(+1));
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() == 12; }));
    EXPECT_EQ(window.timeline().selection(), std::set<std::int64_t>{predictionAt(12)});
    ASSERT_TRUE(window.goToPrediction(-1));
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() == 2; }));
    EXPECT_FALSE(window.goToPrediction(-1));
}
