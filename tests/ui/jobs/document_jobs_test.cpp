// DocumentJobs: which job may run beside which, who holds the store, and closing the project
// cancels and waits for its jobs.

#include "ui/document/project_document.h"
#include "ui/jobs/document_jobs.h"
#include "ui_test_wait.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace actionlens::ui;

namespace {

Job* untilCancelled(const QString& title, QObject* parent) {
    return new Job(title, [](JobContext& context) {
        while (!context.isCancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }, parent);
}

}  // namespace

TEST(DocumentJobs, ABorrowerRunsAloneAndWritersRunTogether) {
    QObject owner;
    DocumentJobs jobs;
    Job* writer = untilCancelled(QStringLiteral("Estimating poses"), &owner);
    ASSERT_EQ(jobs.start(writer, StoreUse::Writes), QString());
    EXPECT_EQ(jobs.conflictFor(StoreUse::Writes), QString()) << "writers write on the GUI thread, one after the other";
    EXPECT_EQ(jobs.conflictFor(StoreUse::None), QString());
    const QString refused = jobs.conflictFor(StoreUse::Borrows);
    EXPECT_TRUE(refused.contains(QStringLiteral("Estimating poses"))) << refused.toStdString();

    Job* borrower = untilCancelled(QStringLiteral("Importing"), &owner);
    EXPECT_EQ(jobs.start(borrower, StoreUse::Borrows), refused);
    EXPECT_FALSE(borrower->isRunning()) << "a refused job is not started";
    EXPECT_EQ(jobs.storeBorrower(), nullptr);

    writer->cancel();
    ASSERT_TRUE(actionlens::uitest::waitUntil([&] { return !writer->isRunning(); }));
    ASSERT_EQ(jobs.start(borrower, StoreUse::Borrows), QString());
    EXPECT_EQ(jobs.storeBorrower(), borrower);
    EXPECT_TRUE(jobs.conflictFor(StoreUse::Writes).contains(QStringLiteral("Importing")));
    EXPECT_EQ(jobs.conflictFor(StoreUse::None), QString()) << "work that never touches the store may always run";
    jobs.cancelAll();
    EXPECT_FALSE(borrower->isRunning());
    EXPECT_EQ(jobs.storeBorrower(), nullptr);
    EXPECT_FALSE(jobs.isBusy());
}

TEST(DocumentJobs, ClosingTheProjectCancelsAndWaitsForItsJobs) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("p.alproj"))), QString());
    auto stopped = std::make_shared<std::atomic<bool>>(false);
    auto* job = new Job(QStringLiteral("Exporting"), [stopped](JobContext& context) {
        while (!context.isCancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stopped->store(true);
    }, &document);
    ASSERT_EQ(document.jobs().start(job, StoreUse::Borrows), QString());
    EXPECT_TRUE(document.isStoreLent());
    document.close();
    EXPECT_TRUE(stopped->load()) << "the store is closed only after the job returned";
    EXPECT_FALSE(document.isStoreLent());
    EXPECT_TRUE(job->hasFinished());
}
