#include "core/annotation/project_lock.h"
#include "core/annotation/project_schema.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <algorithm>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

TEST(ProjectStore, CreatesAndReopensWithEverythingItStored) {
    ProjectFolder folder;
    std::int64_t segmentId = 0;
    {
        auto store = makeProject(folder);
        ASSERT_TRUE(store);
        auto id = store->insertSegment(sampleSegment(10, 20));
        ASSERT_TRUE(id.ok()) << id.error();
        segmentId = id.value();
    }
    auto reopened = ProjectStore::open(folder.file("p.alproj"));
    ASSERT_TRUE(reopened.ok()) << reopened.error();
    ProjectStore& store = *reopened.value();
    EXPECT_EQ(store.taxonomy(), pennTaxonomy());
    auto videos = store.videos();
    ASSERT_TRUE(videos.ok());
    ASSERT_EQ(videos->size(), 1u);
    Video expected = sampleVideo(folder);
    expected.id = 1;
    EXPECT_EQ(videos->front(), expected);
    auto segment = store.segment(segmentId);
    ASSERT_TRUE(segment.ok()) << segment.error();
    EXPECT_EQ(segment->firstFrame, 10);
    EXPECT_EQ(segment->lastFrame, 20);
    EXPECT_EQ(segment->labels.at("action"), "squat");
    EXPECT_GT(segment->createdMs, 0);
    auto counts = store.counts();
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->videos, 1);
    EXPECT_EQ(counts->subjects, 1);
    EXPECT_EQ(counts->segments, 1);
    EXPECT_EQ(counts->skeletonFrames, 0);
}

TEST(ProjectStore, UsesWalModeAndTheCurrentSchema) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    auto mode = store->journalMode();
    ASSERT_TRUE(mode.ok());
    EXPECT_EQ(mode.value(), "wal");
    auto version = store->schemaVersion();
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(version.value(), kSchemaVersion);
}

TEST(ProjectStore, RefusesASecondStoreOnTheSameFileAndAllowsItAfterClose) {
    ProjectFolder folder;
    auto first = makeProject(folder, "x.alproj");
    ASSERT_TRUE(first);
    auto second = ProjectStore::open(folder.file("x.alproj"));
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.error().find("'x.alproj' is already open"), std::string::npos) << second.error();
    EXPECT_NE(second.error().find("pid " + std::to_string(QCoreApplication::applicationPid())), std::string::npos)
        << second.error();
    first.reset();
    EXPECT_TRUE(ProjectStore::open(folder.file("x.alproj")).ok());
}

TEST(ProjectStore, CreateRefusesAnExistingFileAndOpenAMissingOne) {
    ProjectFolder folder;
    writeBytes(folder.file("a.alproj"), "x");
    auto created = ProjectStore::create(folder.file("a.alproj"));
    ASSERT_FALSE(created.ok());
    EXPECT_NE(created.error().find("exists"), std::string::npos);
    auto opened = ProjectStore::open(folder.file("missing.alproj"));
    ASSERT_FALSE(opened.ok());
    EXPECT_NE(opened.error().find("does not exist"), std::string::npos);
}

TEST(ProjectStore, GarbageFileGivesAClearErrorAndReleasesTheLock) {
    ProjectFolder folder;
    const std::string path = folder.file("junk.alproj");
    writeBytes(path, QByteArray(8192, '\x5a'));
    auto store = ProjectStore::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find("'junk.alproj' is not an ActionLens project or is damaged"), std::string::npos)
        << store.error();
    EXPECT_FALSE(QFile::exists(QString::fromStdString(ProjectLock::lockPathFor(path))));
}

TEST(ProjectStore, DamagedPagesAreReportedAndNotEdited) {
    ProjectFolder folder;
    const std::string path = folder.file("p.alproj");
    {
        auto store = makeProject(folder);
        ASSERT_TRUE(store);
        for (int i = 0; i < 200; ++i) ASSERT_TRUE(store->insertSegment(sampleSegment(i, i + 1)).ok());
    }
    const qint64 size = QFileInfo(QString::fromStdString(path)).size();
    ASSERT_GT(size, 3 * 4096);
    // Everything after the first page (the header and schema stay readable).
    writeBytes(path, QByteArray(static_cast<int>(size - 4096), '\xa5'), 4096);
    auto store = ProjectStore::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find("'p.alproj' is"), std::string::npos) << store.error();
    EXPECT_NE(store.error().find("damaged"), std::string::npos) << store.error();
}

TEST(ProjectStore, OtherSqliteFilesAreNotProjects) {
    ProjectFolder folder;
    const std::string path = folder.file("other.alproj");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "other");
        db.setDatabaseName(QString::fromStdString(path));
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec("CREATE TABLE t(x)");
        db.close();
    }
    QSqlDatabase::removeDatabase("other");
    auto store = ProjectStore::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find("not an ActionLens project"), std::string::npos) << store.error();
}

TEST(ProjectStore, RefusesAFileFromANewerVersion) {
    ProjectFolder folder;
    const std::string path = folder.file("p.alproj");
    {
        auto store = makeProject(folder);
        ASSERT_TRUE(store);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "newer");
        db.setDatabaseName(QString::fromStdString(path));
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec(QString("PRAGMA user_version = %1").arg(kSchemaVersion + 1));
        db.close();
    }
    QSqlDatabase::removeDatabase("newer");
    auto store = ProjectStore::open(path);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find("newer ActionLens"), std::string::npos) << store.error();
}

TEST(ProjectStore, FailedTransactionLeavesTheProjectUnchanged) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->insertSegment(sampleSegment(0, 5)).ok());
    const Taxonomy before = store->taxonomy();
    Status s = store->transaction([&]() -> Status {
        for (int i = 10; i < 20; ++i)
            if (auto id = store->insertSegment(sampleSegment(i, i)); !id) return id.takeError();
        if (auto subject = store->insertSubject(Subject{0, "bob", {}}); !subject) return subject.takeError();
        Taxonomy bigger = before;
        bigger.tasks.front().values.push_back({"extra", "gym exercise", "", ""});
        if (auto old = store->setTaxonomy(bigger); !old) return old.takeError();
        return makeError("importer failed on line 12");
    });
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error(), "importer failed on line 12");
    auto counts = store->counts();
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->segments, 1);
    EXPECT_EQ(counts->subjects, 1);
    EXPECT_EQ(store->taxonomy(), before);  // the cached copy is rolled back too
    store.reset();
    auto reopened = ProjectStore::open(folder.file("p.alproj"));
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(reopened.value()->taxonomy(), before);
    EXPECT_EQ(reopened.value()->counts()->segments, 1);
}

TEST(ProjectStore, SuccessfulTransactionCommitsAllItsWork) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    Status s = store->transaction([&]() -> Status {
        for (int i = 0; i < 50; ++i)
            if (auto id = store->insertSegment(sampleSegment(i, i)); !id) return id.takeError();
        return Status::success();
    });
    ASSERT_TRUE(s.ok()) << s.error();
    store.reset();
    auto reopened = ProjectStore::open(folder.file("p.alproj"));
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(reopened.value()->counts()->segments, 50);
}

TEST(ProjectStore, KeepsVideoPathsInsideTheProjectFolderRelative) {
    ProjectFolder folder, elsewhere;
    {
        auto store = makeProject(folder);  // clip.mp4 inside the folder
        ASSERT_TRUE(store);
        Video outside = sampleVideo(elsewhere, "far.mp4");
        ASSERT_TRUE(store->insertVideo(outside).ok());
    }
    // Move the project together with its video.
    ProjectFolder moved;
    const QString target = QString::fromStdString(moved.path()) + "/project";
    ASSERT_TRUE(QDir().rename(QString::fromStdString(folder.path()), target));
    auto store = ProjectStore::open((target + "/p.alproj").toStdString());
    ASSERT_TRUE(store.ok()) << store.error();
    auto videos = store.value()->videos();
    ASSERT_TRUE(videos.ok());
    ASSERT_EQ(videos->size(), 2u);
    EXPECT_EQ((videos.value())[0].path, (target + "/clip.mp4").toStdString());
    EXPECT_EQ((videos.value())[1].path, elsewhere.file("far.mp4"));
    store.value().reset();
    QDir().rename(target, QString::fromStdString(folder.path()));  // let QTemporaryDir clean up
}

TEST(ProjectStore, TaxonomyChangeThatWouldOrphanLabelsIsRefused) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->insertSegment(sampleSegment(0, 5, "pullup")).ok());
    Taxonomy without = pennTaxonomy();
    auto& classes = without.tasks.front().values;
    classes.erase(std::remove_if(classes.begin(), classes.end(), [](const TaskValue& v) { return v.name == "pullup"; }),
                  classes.end());
    auto result = store->setTaxonomy(without);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().find("'pullup'"), std::string::npos) << result.error();
    EXPECT_NE(result.error().find("1 segments use it"), std::string::npos) << result.error();
    EXPECT_EQ(store->taxonomy(), pennTaxonomy());
}

TEST(ProjectStore, SetTaxonomyReturnsThePreviousOneForUndo) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    auto generic = builtinTaxonomy("generic");
    ASSERT_TRUE(generic.ok());
    auto old = store->setTaxonomy(generic.value());
    ASSERT_TRUE(old.ok()) << old.error();
    EXPECT_EQ(old.value(), pennTaxonomy());
    EXPECT_EQ(store->taxonomy(), generic.value());
    ASSERT_TRUE(store->setTaxonomy(old.value()).ok());
    EXPECT_EQ(store->taxonomy(), pennTaxonomy());
}

TEST(ProjectStore, SubjectsKeepPerSubjectAttributesOnly) {
    ProjectFolder folder;
    auto store = ProjectStore::create(folder.file("g.alproj"));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store.value()->setTaxonomy(builtinTaxonomy("generic").value()).ok());
    auto id = store.value()->insertSubject(Subject{0, "carol", {{"handedness", "left"}}});
    ASSERT_TRUE(id.ok()) << id.error();
    auto wrongScope = store.value()->insertSubject(Subject{0, "dave", {{"viewpoint", "front"}}});
    ASSERT_FALSE(wrongScope.ok());
    EXPECT_NE(wrongScope.error().find("per segment"), std::string::npos) << wrongScope.error();
    auto old = store.value()->updateSubject(Subject{id.value(), "carol", {{"handedness", "right"}}});
    ASSERT_TRUE(old.ok()) << old.error();
    EXPECT_EQ(old->attributes.at("handedness"), "left");
    auto removed = store.value()->removeSubject(id.value());
    ASSERT_TRUE(removed.ok()) << removed.error();
    EXPECT_EQ(removed->attributes.at("handedness"), "right");
    ASSERT_TRUE(store.value()->insertSubject(removed.value()).ok());
    auto subjects = store.value()->subjects();
    ASSERT_TRUE(subjects.ok());
    ASSERT_EQ(subjects->size(), 1u);
    EXPECT_EQ(subjects->front(), removed.value());
}
