// Job: work on its own thread; progress coalesced, deliveries in order before finished(),
// cancel, pause, and destruction that waits.

#include "ui/jobs/job.h"
#include "ui_test_wait.h"

#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace actionlens::ui;
using actionlens::uitest::waitUntil;

TEST(Job, RunsOffTheGuiThreadAndDeliversInOrderBeforeFinished) {
    std::vector<int> events;  // GUI thread only
    Qt::HANDLE workThread = nullptr;
    Job job(QStringLiteral("count"), [&workThread](JobContext& context) {
        workThread = QThread::currentThreadId();
        for (int i = 1; i <= 5; ++i) context.setProgress(i, 5);
    });
    int delivered = 0;
    auto* recorder = new Job(QStringLiteral("deliveries"), [&](JobContext& context) {
        for (int i = 0; i < 100; ++i) context.deliver([&events, i] { events.push_back(i); });
    }, &job);
    QObject::connect(recorder, &Job::finished, [&] { delivered = int(events.size()); });
    QSignalSpy finished(&job, &Job::finished);
    QSignalSpy progress(&job, &Job::progressChanged);
    ASSERT_TRUE(job.start());
    EXPECT_FALSE(job.start()) << "a job runs once";
    ASSERT_TRUE(recorder->start());
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1 && recorder->hasFinished(); }));
    EXPECT_NE(workThread, QThread::currentThreadId());
    EXPECT_FALSE(finished.front().at(0).toBool()) << "not cancelled";
    EXPECT_FALSE(job.isRunning());
    ASSERT_GE(progress.count(), 1);
    EXPECT_EQ(progress.back().at(0).toLongLong(), 5);  // the latest values, whatever was coalesced
    EXPECT_EQ(job.done(), 5);
    EXPECT_EQ(job.total(), 5);
    EXPECT_EQ(delivered, 100) << "every delivery arrives before finished()";
    for (int i = 0; i < 100; ++i) ASSERT_EQ(events[size_t(i)], i);
}

TEST(Job, ProgressFromATightLoopIsCoalescedNotQueuedPerCall) {
    Job job(QStringLiteral("tight"), [](JobContext& context) {
        for (int i = 1; i <= 200000; ++i) context.setProgress(i, 200000);
    });
    QSignalSpy progress(&job, &Job::progressChanged);
    job.start();
    job.wait();  // the GUI thread was not processing events meanwhile
    EXPECT_TRUE(job.hasFinished());
    ASSERT_EQ(progress.count(), 1) << "one queued notification, carrying the latest values";
    EXPECT_EQ(progress.front().at(0).toLongLong(), 200000);
}

TEST(Job, CancelStopsTheWorkAndFinishedSaysSo) {
    std::atomic<int> iterations{0};
    Job job(QStringLiteral("endless"), [&](JobContext& context) {
        while (!context.isCancelled()) {
            ++iterations;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    ASSERT_TRUE(waitUntil([&] { return iterations.load() > 3; }));
    job.cancel();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }));
    EXPECT_TRUE(finished.front().at(0).toBool());
    EXPECT_TRUE(job.isCancelled());
}

TEST(Job, PauseHoldsTheWorkUntilResumedOrCancelled) {
    std::atomic<int> steps{0};
    Job job(QStringLiteral("steps"), [&](JobContext& context) {
        while (context.waitWhilePaused()) {
            ++steps;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    QSignalSpy paused(&job, &Job::pausedChanged);
    job.start();
    ASSERT_TRUE(waitUntil([&] { return steps.load() > 2; }));
    job.setPaused(true);
    EXPECT_TRUE(job.isPaused());
    QTest::qWait(20);  // a step in progress may finish
    const int held = steps.load();
    QTest::qWait(60);
    EXPECT_EQ(steps.load(), held) << "no step while paused";
    job.setPaused(false);
    ASSERT_TRUE(waitUntil([&] { return steps.load() > held + 2; }));
    job.setPaused(true);
    job.cancel();  // ends the pause: waitWhilePaused returns false
    job.wait();
    EXPECT_TRUE(job.hasFinished());
    EXPECT_EQ(paused.count(), 3);
}

TEST(Job, DestroyingARunningJobCancelsAndWaitsForIt) {
    auto returned = std::make_shared<std::atomic<bool>>(false);
    {
        Job job(QStringLiteral("long"), [returned](JobContext& context) {
            while (!context.isCancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            returned->store(true);
        });
        job.start();
    }
    EXPECT_TRUE(returned->load()) << "the destructor waited for the work to return";
}

TEST(Job, StageChangesReachTheGuiThread) {
    Job job(QStringLiteral("stages"), [](JobContext& context) {
        context.setStage(QStringLiteral("first"));
        context.setStage(QStringLiteral("second"));
    });
    QSignalSpy stages(&job, &Job::stageChanged);
    job.start();
    job.wait();
    ASSERT_EQ(stages.count(), 2);
    EXPECT_EQ(stages.back().at(0).toString(), QStringLiteral("second"));
    EXPECT_EQ(job.stage(), QStringLiteral("second"));
}
