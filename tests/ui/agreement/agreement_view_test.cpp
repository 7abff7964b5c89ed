// The Agreement dock: two annotators of a project compared, their disagreements listed, and one
// chosen shown in the window with both layers side by side.

#include "core/annotation/project_store.h"
#include "ui/agreement/agreement_view.h"
#include "ui/jobs/job.h"
#include "ui/timeline/timeline_widget.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

// The rendered project with a second coding of its first video by "bob": every segment two
// frames shorter at its end. Returns the first video's segment count.
int addBobsCoding(const QString& path, std::int64_t* video) {
    auto store = annotation::ProjectStore::open(path.toStdString());
    EXPECT_TRUE(store.ok()) << store.error();
    *video = store.value()->videos().value().front().id;
    const auto segments = store.value()->segmentsOfVideo(*video).value();
    for (annotation::Segment s : segments) {
        s.id = 0;
        s.annotator = "bob";
        s.lastFrame -= 2;
        EXPECT_TRUE(store.value()->insertSegment(s).ok());
    }
    return int(segments.size());
}

}  // namespace

TEST(AgreementView, ComparesTwoAnnotatorsAndListsWhereTheyDisagree) {
    QTemporaryDir dir;
    const QString path = uitest::copyOfProject(dir);
    std::int64_t video = 0;
    const int segments = addBobsCoding(path, &video);
    ASSERT_GT(segments, 0);
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_EQ(window.openProject(path), QString());
    AgreementView* view = window.showAgreement();
    ASSERT_NE(view, nullptr);
    ASSERT_EQ(view->firstBox()->count(), 2);
    EXPECT_NE(view->firstBox()->currentData(), view->secondBox()->currentData());
    EXPECT_EQ(view->taskBox()->currentText(), QStringLiteral("action"));
    ASSERT_EQ(view->compare(), QString()) << view->summaryLabel()->text().toStdString();
    // A job with Cancel while it runs; the results when it is done.
    ASSERT_NE(view->job(), nullptr);
    EXPECT_FALSE(view->cancelButton()->isHidden());
    view->job()->wait();
    EXPECT_TRUE(view->cancelButton()->isHidden());
    EXPECT_TRUE(view->summaryLabel()->text().contains(QStringLiteral("Cohen's kappa"))) << view->summaryLabel()->text().toStdString();
    // Each of the video's segments ends two frames earlier in bob's coding: one stretch each.
    ASSERT_EQ(int(view->disagreements().size()), segments);
    EXPECT_EQ(view->disagreementTable()->rowCount(), segments);
    for (const auto& d : view->disagreements()) {
        EXPECT_EQ(d.videoId, video);
        EXPECT_EQ(d.lastFrame - d.firstFrame, 1);
    }
    // Choosing one: its video, both layers, the marks around it.
    const agreement::Disagreement chosen = view->disagreements().front();
    view->disagreementTable()->setCurrentCell(0, 0);
    Q_EMIT view->disagreementChosen(chosen);
    EXPECT_EQ(window.document().currentVideoId(), chosen.videoId);
    EXPECT_TRUE(window.timeline().showsAnnotatorLayers());
    EXPECT_EQ(window.markIn(), int(chosen.firstFrame));
    EXPECT_EQ(window.markOut(), int(chosen.lastFrame));

    view->secondBox()->setCurrentIndex(view->firstBox()->currentIndex());
    EXPECT_FALSE(view->compare().isEmpty()) << "one annotator with themselves";
}

TEST(AgreementView, ACancelledComparisonShowsNothing) {
    QTemporaryDir dir;
    const QString path = uitest::copyOfProject(dir);
    std::int64_t video = 0;
    addBobsCoding(path, &video);
    MainWindow window;
    ASSERT_EQ(window.openProject(path), QString());
    AgreementView* view = window.showAgreement();
    ASSERT_EQ(view->compare(), QString());
    EXPECT_NE(view->compare(), QString()) << "one comparison at a time";
    view->job()->cancel();
    view->job()->wait();
    EXPECT_TRUE(view->disagreements().empty());
    EXPECT_TRUE(view->summaryLabel()->text().contains(QStringLiteral("cancelled"))) << view->summaryLabel()->text().toStdString();
    // Compared again, it runs to the end.
    ASSERT_EQ(view->compare(), QString());
    view->job()->wait();
    EXPECT_FALSE(view->disagreements().empty());
}
