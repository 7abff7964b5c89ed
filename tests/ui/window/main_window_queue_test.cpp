// The Labelling queue in the window: a trained model ranks the unlabelled clips, the next-clip
// key shows one with the marks around it, an action's hotkey labels it, and the refreshed queue
// no longer offers it.

#include "learning/learning_fixture.h"
#include "ui/editing/segment_editor.h"
#include "ui/learning/labelling_queue_session.h"
#include "ui/learning/labelling_queue_view.h"
#include "ui/timeline/timeline_widget.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

bool overlapsPeoplesSegment(ProjectDocument& document, const predict::QueueClip& clip) {
    for (const annotation::Segment& s : document.store().segmentsOfVideo(clip.videoId).value())
        if (!annotation::isModelPrediction(s) && s.subjectId == clip.subjectId && s.lastFrame >= clip.firstFrame &&
            s.firstFrame <= clip.lastFrame)
            return true;
    return false;
}

}  // namespace

TEST(MainWindowQueue, TheNextClipToLabelIsShownMarkedAndOnceLabelledLeavesTheQueue) {
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_EQ(window.openProject(uitest::copyOfProject(dir)), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().isOpen() && window.view().frame(); }));
    // The first video's people's segments go: its tracks are unlabelled.
    const std::int64_t first = window.document().currentVideoId();
    std::vector<std::int64_t> ids;
    for (const auto& s : window.document().segments()) ids.push_back(s.id);
    ASSERT_EQ(window.editor().remove(ids), QString());
    const annotation::TrainingRun trained = uitest::trainOnce(window.document(), 30);

    LabellingQueueView& view = *window.labellingQueueView();
    LabellingQueueSession& session = *window.labellingQueue();
    view.chooseRun(trained.id);
    EXPECT_EQ(view.runBox()->currentData().toLongLong(), trained.id);
    QSignalSpy ready(&session, &LabellingQueueSession::finished);
    ASSERT_EQ(view.refresh(), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return !ready.isEmpty() && !session.isRunning(); }, 120000));
    ASSERT_EQ(ready.last().at(0).toString(), QString());
    const std::vector<predict::QueueClip> queue = session.queue();
    ASSERT_FALSE(queue.empty());
    EXPECT_EQ(view.table()->rowCount(), int(queue.size()));
    for (size_t i = 0; i < queue.size(); ++i) {
        EXPECT_FALSE(overlapsPeoplesSegment(window.document(), queue[i])) << "clip " << i;
        if (i > 0 && queue[i].videoId == queue[i - 1].videoId) EXPECT_LE(queue[i].uncertainty, queue[i - 1].uncertainty + 1e-9);
    }
    bool fromFirst = false;
    for (const auto& clip : queue) fromFirst |= clip.videoId == first;
    EXPECT_TRUE(fromFirst) << "the unlabelled video is in the queue";

    // Ctrl+] : the first clip, shown and marked.
    QTest::keyClick(&window.view(), Qt::Key_BracketRight, Qt::ControlModifier);
    const predict::QueueClip clip = queue.front();
    EXPECT_EQ(view.currentRow(), 0);
    EXPECT_EQ(window.document().currentVideoId(), clip.videoId);
    EXPECT_EQ(window.markIn(), int(clip.firstFrame));
    EXPECT_EQ(window.markOut(), int(clip.lastFrame));
    EXPECT_EQ(window.timeline().activeSubject(), clip.subjectId);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().currentFrame() == int(clip.firstFrame); }));
    ASSERT_EQ(window.createSegmentFromMarks({{"action", "squat"}}), QString());

    ready.clear();
    ASSERT_EQ(view.refresh(), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return !ready.isEmpty() && !session.isRunning(); }, 120000));
    for (const auto& c : session.queue())
        EXPECT_FALSE(c.videoId == clip.videoId && c.subjectId == clip.subjectId && c.firstFrame <= clip.lastFrame &&
                     c.lastFrame >= clip.firstFrame)
            << "the labelled clip left the queue";
}
