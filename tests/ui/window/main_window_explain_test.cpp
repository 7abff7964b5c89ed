// MainWindow's explanations: the Explanations dock explains the segment under the playhead with
// the chosen run's model, lays it over the video, answers a second visit from its cache, and
// `actionlens --panel explanation --screenshot` shows it end to end.

#include "gui_process.h"
#include "learning/learning_fixture.h"
#include "ui/explain/explanation_overlay.h"
#include "ui/explain/explanation_session.h"
#include "ui/explain/explanation_view.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"

#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(MainWindowExplain, TheSegmentUnderThePlayheadIsExplainedOverTheVideo) {
    QTemporaryDir dir;
    MainWindow window;
    ASSERT_EQ(window.openProject(uitest::copyOfProject(dir)), QString());
    EXPECT_FALSE(window.showExplanation(0).isEmpty()) << "no run with a model yet";
    const annotation::TrainingRun run = uitest::trainOnce(window.document());
    window.show();
    const std::int64_t video = window.document().videos().front().id;
    window.openProjectVideo(video, 0);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().frameCount() > 0; }, 30000));
    ASSERT_EQ(window.showExplanation(run.id), QString());
    EXPECT_FALSE(window.showExplanation(run.id + 100).isEmpty()) << "not a training run";
    ASSERT_EQ(window.showExplanation(run.id), QString());

    const annotation::Segment segment = window.document().segments().front();
    const int inside = int((segment.firstFrame + segment.lastFrame) / 2);
    window.showFrame(inside);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.explanationView()->result() != nullptr; }, 60000))
        << window.explanationView()->message().toStdString();
    const ExplanationResult& result = *window.explanationView()->result();
    EXPECT_EQ(result.request.runId, run.id);
    EXPECT_EQ(result.clip.firstFrame, segment.firstFrame);
    EXPECT_EQ(result.lastFrame(), segment.lastFrame);
    EXPECT_EQ(window.explanationOverlay()->result().get(), &result) << "the overlay draws it";
    EXPECT_TRUE(window.explanationOverlay()->isVisible());

    // Scrubbing inside the segment, away and back: answered from the cache, no new job.
    window.showFrame(int(segment.firstFrame));
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() == int(segment.firstFrame); }, 10000));
    EXPECT_FALSE(window.explanationSession()->isBusy());
    // Another method is computed anew.
    window.explanationView()->chooseMethod(explain::ExplanationMethod::Attention);
    ASSERT_TRUE(uitest::waitUntil([&] {
        const auto& r = window.explanationView()->result();
        return r && r->request.method == explain::ExplanationMethod::Attention;
    }, 60000));
    // Edited poses make what was explained stale: it is computed again.
    const auto before = window.explanationView()->result();
    Q_EMIT window.document().skeletonsChanged();
    EXPECT_EQ(window.explanationSession()->cached(before->request), nullptr);
    ASSERT_TRUE(uitest::waitUntil([&] {
        const auto& r = window.explanationView()->result();
        return r && r != before && r->request.key() == before->request.key();
    }, 60000));
    // The overlay follows the dock: hidden with it.
    window.explanationView()->parentWidget()->hide();
    EXPECT_FALSE(window.explanationOverlay()->isVisible());
}

TEST(MainWindowExplain, PanelScreenshotWaitsForTheExplanation) {
    QTemporaryDir dir;
    const QString project = uitest::copyOfProject(dir);
    std::int64_t frame = 0;
    {
        ProjectDocument document;
        ASSERT_EQ(document.open(project), QString());
        uitest::trainOnce(document);
        document.setCurrentVideo(document.videos().front().id);
        frame = document.segments().front().firstFrame + 2;
    }
    const QString out = dir.filePath(QStringLiteral("explanation.png"));
    const uitest::GuiRun shot = uitest::runGui({project, QStringLiteral("--frame"), QString::number(frame), QStringLiteral("--panel"),
                                                QStringLiteral("explanation"), QStringLiteral("--screenshot"), out});
    ASSERT_EQ(shot.exitCode, 0) << shot.errors.toStdString();
    EXPECT_FALSE(QImage(out).isNull());
}
