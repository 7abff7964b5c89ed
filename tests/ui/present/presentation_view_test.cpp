// The presentation view: the newest model's answers per subject beside the video, bars that
// glide to them, keys that drive the window's player, Esc that leaves.

#include "learning/learning_fixture.h"
#include "ui/player/video_view.h"
#include "ui/present/confidence_panel.h"
#include "ui/present/live_predictions.h"
#include "ui/present/presentation_view.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(ConfidencePanel, BarsGlideToTheirValues) {
    ConfidencePanel panel;
    panel.resize(400, 600);
    panel.show();
    ConfidencePanel::Subject s;
    s.name = QStringLiteral("alice");
    s.answer.subjectId = 3;
    s.answer.tasks.push_back(TaskAnswer{"action", {"jump", "run"}, {0.8f, 0.2f}});
    panel.setAnswers({s});
    EXPECT_LT(panel.shownValue(3, "action", "jump"), 0.8) << "not there at once";
    ASSERT_TRUE(uitest::waitUntil([&] { return std::abs(panel.shownValue(3, "action", "jump") - 0.8) < 1e-6; }, 3000));
    EXPECT_NEAR(panel.shownValue(3, "action", "run"), 0.2, 1e-6);
    panel.setMessage(QStringLiteral("nobody"));
    EXPECT_TRUE(panel.subjects().empty());
}

TEST(PresentationView, ShowsTheNewestModelsAnswersForTheFrameAndLeavesOnEscape) {
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_EQ(window.openProject(uitest::copyOfProject(dir)), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().isOpen() && window.view().frame(); }));

    // Without a model it says how to get one.
    PresentationView* view = window.openPresentation(false);
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->panel().message().contains(QStringLiteral("train one"))) << view->panel().message().toStdString();
    view->close();
    ASSERT_TRUE(uitest::waitUntil([&] { return window.presentation() == nullptr; }));

    uitest::trainOnce(window.document(), 2);
    const annotation::TrainingRun newest = uitest::trainOnce(window.document(), 30);
    view = window.openPresentation(false);
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(uitest::waitUntil([&] { return view->predictions().isReady(); }, 120000));
    EXPECT_EQ(view->predictions().runId(), newest.id);
    EXPECT_EQ(view->predictions().videoId(), window.document().currentVideoId());
    window.player().seek(10);
    ASSERT_TRUE(uitest::waitUntil([&] { return !view->panel().subjects().empty() && view->view().frame() && view->view().frame()->index == 10; }));
    for (const ConfidencePanel::Subject& s : view->panel().subjects()) {
        ASSERT_FALSE(s.answer.tasks.empty());
        for (const TaskAnswer& t : s.answer.tasks) {
            ASSERT_FALSE(t.probabilities.empty());
            EXPECT_TRUE(std::is_sorted(t.probabilities.rbegin(), t.probabilities.rend())) << "likeliest first";
            float sum = 0;
            for (float p : t.probabilities) sum += p;
            EXPECT_LE(sum, 1.0f + 1e-4f);
        }
    }
    // The keys drive the window's player.
    QTest::keyClick(view, Qt::Key_Right);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() == 11; }));
    // The playlist: from near the end of this video on into the next, playing.
    const std::int64_t first = window.document().currentVideoId();
    window.player().seek(window.player().frameCount() - 4);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() == window.player().frameCount() - 4; }));
    QTest::keyClick(view, Qt::Key_P);
    EXPECT_TRUE(view->isPlaylist());
    ASSERT_TRUE(uitest::waitUntil([&] { return window.document().currentVideoId() != first && window.player().isPlaying(); }, 20000));
    EXPECT_EQ(window.document().currentVideoId(), window.document().videos()[1].id);
    ASSERT_TRUE(uitest::waitUntil([&] { return view->predictions().isReady() && view->predictions().videoId() == window.document().currentVideoId(); },
                                  60000))
        << "the bars follow the new video";
    window.player().pause();
    QTest::keyClick(view, Qt::Key_Escape);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.presentation() == nullptr; }));
}
