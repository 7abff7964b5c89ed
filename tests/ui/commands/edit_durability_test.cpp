// Kill test: a child process makes 1,000 segment edits through the GUI's edit path and is
// killed (SIGKILL) part-way; every edit it reported done must be in the reopened project, and
// the project must pass SQLite's integrity check (ProjectStore::open runs it).

#include "ui/document/project_document.h"

#include "core/annotation/taxonomy_json.h"

#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <map>
#include <tuple>

using namespace actionlens;

TEST(EditDurability, EveryEditReportedBeforeAKillIsInTheReopenedProject) {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("kill.alproj")).toStdString();
    std::int64_t videoId = 0, subjectId = 0;
    {
        auto store = annotation::ProjectStore::create(path);
        ASSERT_TRUE(store.ok()) << store.error();
        auto taxonomy = annotation::builtinTaxonomy("penn_action");
        ASSERT_TRUE(taxonomy.ok());
        ASSERT_TRUE(store.value()->setTaxonomy(taxonomy.value()).ok());
        annotation::Video video;  // skeleton-only record: long enough for 1,000 edits
        video.name = "long";
        video.fps = 25;
        video.frameCount = 20000;
        auto id = store.value()->insertVideo(video);
        ASSERT_TRUE(id.ok());
        videoId = id.value();
        auto subject = store.value()->insertSubject(annotation::Subject{0, "writer", {}});
        ASSERT_TRUE(subject.ok());
        subjectId = subject.value();
    }

    QProcess writer;
    writer.start(QStringLiteral(ACTIONLENS_EDIT_WRITER_PATH),
                 {QString::fromStdString(path), QString::number(videoId), QString::number(subjectId), QStringLiteral("1000")});
    ASSERT_TRUE(writer.waitForStarted());
    // Read acknowledgements until a few hundred have arrived, then kill mid-stream.
    QByteArray received;
    int lines = 0;
    while (lines < 300 && writer.state() == QProcess::Running) {
        writer.waitForReadyRead(5000);
        received += writer.readAllStandardOutput();
        lines = int(received.count('\n'));
    }
    writer.kill();
    writer.waitForFinished();
    received += writer.readAllStandardOutput();
    ASSERT_GE(lines, 300) << "the writer stopped early: " << writer.readAllStandardError().toStdString();
    EXPECT_EQ(writer.exitStatus(), QProcess::CrashExit);
    // Usually a few dozen edits past 300: killed in the middle of its stream of transactions
    // (on a starved machine it may have finished all 1,000 and be waiting; the checks still hold).
    RecordProperty("edits_acknowledged_before_kill", int(received.count('\n')));

    // Only complete lines were acknowledged; a later line for a segment overrides an earlier one.
    std::map<std::int64_t, std::tuple<std::int64_t, std::int64_t, std::string>> expected;
    const QList<QByteArray> all = received.split('\n');
    for (int i = 0; i + 1 < all.size(); ++i) {
        const QList<QByteArray> f = all[i].split(' ');
        ASSERT_EQ(f.size(), 5) << all[i].toStdString();
        expected[f[1].toLongLong()] = {f[2].toLongLong(), f[3].toLongLong(), f[4].toStdString()};
    }

    ui::ProjectDocument document;  // opening runs PRAGMA integrity_check and takes over the stale lock
    ASSERT_EQ(document.open(QString::fromStdString(path)), QString());
    auto segments = document.store().segmentsOfVideo(videoId);
    ASSERT_TRUE(segments.ok());
    std::map<std::int64_t, annotation::Segment> stored;
    for (const auto& s : segments.value()) stored[s.id] = s;
    for (const auto& [id, state] : expected) {
        ASSERT_TRUE(stored.count(id)) << "acknowledged segment " << id << " is missing";
        const auto& s = stored[id];
        EXPECT_EQ(s.firstFrame, std::get<0>(state)) << "segment " << id;
        EXPECT_EQ(s.lastFrame, std::get<1>(state)) << "segment " << id;
        EXPECT_EQ(s.labels.at("action"), std::get<2>(state)) << "segment " << id;
    }
    // At most the one edit in flight at the kill may be there without its acknowledgement.
    EXPECT_LE(stored.size(), expected.size() + 1);
}
