// ProjectStore::openReadOnly: a reader beside the process that holds the project's lock sees
// what that process committed and cannot write.

#include "core/annotation/project_schema.h"
#include "core/annotation/project_store.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <QSqlQuery>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

TEST(ProjectStoreReadOnly, ReadsBesideTheWriterAndSeesItsCommits) {
    ProjectFolder folder;
    auto writer = makeProject(folder);
    ASSERT_TRUE(writer);
    EXPECT_FALSE(ProjectStore::open(folder.file("p.alproj")).ok()) << "a second writer is refused";
    auto toRead = ProjectStore::openToRead(folder.file("p.alproj"));
    ASSERT_TRUE(toRead.ok()) << toRead.error();
    EXPECT_TRUE(toRead.value()->isReadOnly());
    auto reader = ProjectStore::openReadOnly(folder.file("p.alproj"));
    ASSERT_TRUE(reader.ok()) << reader.error();
    EXPECT_TRUE(reader.value()->isReadOnly());
    EXPECT_FALSE(writer->isReadOnly());
    EXPECT_EQ(reader.value()->videos()->size(), 1u);
    EXPECT_EQ(reader.value()->taxonomy(), pennTaxonomy());

    ASSERT_TRUE(writer->insertSegment(sampleSegment(5, 9)).ok());
    auto counts = reader.value()->counts();
    ASSERT_TRUE(counts.ok()) << counts.error();
    EXPECT_EQ(counts->segments, 1) << "the writer's commit is visible to the next read";
}

TEST(ProjectStoreReadOnly, EveryWriteFailsAndChangesNothing) {
    ProjectFolder folder;
    auto writer = makeProject(folder);
    ASSERT_TRUE(writer);
    auto reader = ProjectStore::openReadOnly(folder.file("p.alproj"));
    ASSERT_TRUE(reader.ok()) << reader.error();
    EXPECT_FALSE(reader.value()->insertSubject(Subject{0, "bob", {}}).ok());
    EXPECT_FALSE(reader.value()->insertSegment(sampleSegment(1, 2)).ok());
    TrainingRun run;
    run.name = "r";
    run.startedMs = 1;
    EXPECT_FALSE(reader.value()->insertRun(run).ok());
    EXPECT_EQ(writer->counts()->subjects, 1);
    EXPECT_EQ(writer->counts()->segments, 0);
    EXPECT_TRUE(writer->runs()->empty());
}

TEST(ProjectStoreReadOnly, AnOlderSchemaIsRefusedWithWhatToDo) {
    ProjectFolder folder;
    {
        auto store = makeProject(folder);
        ASSERT_TRUE(store);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
        db.setDatabaseName(QString::fromStdString(folder.file("p.alproj")));
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        // Back to schema 5: without 10 (frame sources, assignments), 9 (consent), 8 (boxes), 7 (segment confidence and source) and 6
        // (mirror declarations).
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE frame_sources")));
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE video_assignments")));
        for (const char* column : {"consent", "consent_note", "consent_date"})
            ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE subjects DROP COLUMN %1").arg(QLatin1String(column))));
        for (const char* column : {"box_x", "box_y", "box_width", "box_height"})
            ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE skeleton_frames DROP COLUMN %1").arg(QLatin1String(column))));
        ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE segments DROP COLUMN confidence")));
        ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE segments DROP COLUMN source")));
        ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE tasks DROP COLUMN side_free")));
        ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE task_values DROP COLUMN mirror")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 5")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
    auto reader = ProjectStore::openReadOnly(folder.file("p.alproj"));
    ASSERT_FALSE(reader.ok());
    EXPECT_NE(reader.error().find("older ActionLens"), std::string::npos) << reader.error();
    auto toRead = ProjectStore::openToRead(folder.file("p.alproj"));
    ASSERT_TRUE(toRead.ok()) << toRead.error();  // nobody else has it open: opened as its writer, which upgrades it
    EXPECT_FALSE(toRead.value()->isReadOnly());
    EXPECT_EQ(toRead.value()->schemaVersion().value(), kSchemaVersion);
    EXPECT_TRUE(toRead.value()->runs()->empty());
}

TEST(ProjectStoreReadOnly, AMissingFileIsNamed) {
    ProjectFolder folder;
    auto reader = ProjectStore::openReadOnly(folder.file("none.alproj"));
    ASSERT_FALSE(reader.ok());
    EXPECT_NE(reader.error().find("none.alproj"), std::string::npos);
}
