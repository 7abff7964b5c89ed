// Kill test for ProjectSnapshot::restoreInto: a child process restores two copies in turn and is
// killed (SIGKILL) in the middle; the reopened project (ProjectStore::open runs integrity_check)
// holds exactly one of the two states, never a mix.

#include "core/annotation/project_snapshot.h"

#include "annotation_fixtures.h"
#include "project_rows.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;
using actionlens::Status;
using actionlens::testing::checkProjectFile;
using actionlens::testing::ProjectRows;
using actionlens::testing::readProjectRows;

TEST(ProjectSnapshotKill, AKilledRestoreLeavesOneWholeStateOrTheOther) {
    ProjectFolder folder;
    const std::string path = folder.file("p.alproj");
    ProjectRows stateA, stateB;
    {
        auto store = makeProject(folder);
        ASSERT_TRUE(store);
        const SkeletonLayout* coco = store->skeletonLayout("COCO-17");
        // Enough rows that a restore takes a while, so the kill lands inside one.
        std::vector<SkeletonFrame> frames;
        for (int f = 0; f < 6000; ++f)
            frames.push_back({1, 1, f, coco->id, PoseSource::Imported, std::vector<Joint>(17, Joint{float(f), 1.0f, 0.9f, true})});
        ASSERT_TRUE(store->insertSkeletonFrames(frames).ok());
        ASSERT_TRUE(ProjectSnapshot::take(*store, folder.file("a.copy")).ok());
        stateA = readProjectRows(path);
        ASSERT_TRUE(store->transaction([&]() -> Status {
            if (auto removed = store->removeSkeletonFrames(1, 0, 2999); !removed) return removed.takeError();
            if (auto id = store->insertVideo(sampleVideo(folder, "b.mp4")); !id) return id.takeError();
            for (SkeletonFrame& frame : frames) frame.videoId = 2;
            if (Status s = store->insertSkeletonFrames(frames); !s) return s;
            if (auto segment = store->insertSegment(sampleSegment(0, 99)); !segment) return segment.takeError();
            return Status::success();
        }).ok());
        ASSERT_TRUE(ProjectSnapshot::take(*store, folder.file("b.copy")).ok());
        stateB = readProjectRows(path);
    }
    ASSERT_NE(stateA, stateB);

    // Kills at several points of a restore: a fraction of the time one restore takes after the
    // child said the previous one committed.
    for (int kill = 0; kill < 6; ++kill) {
        QProcess restorer;
        restorer.start(QStringLiteral(ACTIONLENS_SNAPSHOT_RESTORER_PATH),
                       {QString::fromStdString(path), QString::fromStdString(folder.file("a.copy")),
                        QString::fromStdString(folder.file("b.copy")), QStringLiteral("1000")});
        ASSERT_TRUE(restorer.waitForStarted());
        QByteArray said;
        QElapsedTimer clock;
        while (said.count('\n') < 4 && restorer.state() == QProcess::Running) {
            restorer.waitForReadyRead(10000);
            said += restorer.readAllStandardOutput();
            if (!clock.isValid() && said.count('\n') >= 1) clock.start();  // from the first commit on
        }
        const qint64 perRestore = clock.isValid() ? clock.elapsed() / 3 : 0;  // three restores since
        QThread::msleep(static_cast<unsigned long>(perRestore * (kill + 1) / 7));
        restorer.kill();
        restorer.waitForFinished();
        ASSERT_GE(said.count('\n'), 4) << "the restorer stopped early: " << restorer.readAllStandardError().toStdString();

        auto reopened = ProjectStore::open(path);  // integrity_check
        ASSERT_TRUE(reopened.ok()) << reopened.error();
        reopened.value().reset();
        EXPECT_EQ(checkProjectFile(path), "ok");
        const ProjectRows rows = readProjectRows(path);
        EXPECT_TRUE(rows == stateA || rows == stateB) << "after kill " << kill << " the project holds neither state whole";
    }
}
