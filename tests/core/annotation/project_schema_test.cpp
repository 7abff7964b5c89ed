#include "core/annotation/project_schema.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <QSqlQuery>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

TEST(ProjectSchema, StepsAreOrderedAndEndAtTheCurrentVersion) {
    const auto& steps = migrations();
    ASSERT_FALSE(steps.empty());
    for (size_t i = 0; i < steps.size(); ++i) EXPECT_EQ(steps[i].toVersion, static_cast<int>(i) + 1);
    EXPECT_EQ(steps.back().toVersion, kSchemaVersion);
}

TEST(ProjectSchema, OpeningAVersion1ProjectUpgradesItAndKeepsItsData) {
    ProjectFolder folder;
    const std::string path = folder.file("old.alproj");
    {
        // A project as version 1 wrote it: no skeleton tables yet, rollback journal.
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "v1");
        db.setDatabaseName(QString::fromStdString(path));
        ASSERT_TRUE(db.open());
        ASSERT_TRUE(migrations().front().apply(db).ok());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec("PRAGMA user_version = 1"));
        ASSERT_TRUE(q.exec(QString("PRAGMA application_id = %1").arg(kProjectApplicationId)));
        ASSERT_TRUE(q.exec("INSERT INTO videos(id, path, size_bytes, fps, frame_count, width, height)"
                           " VALUES (1, 'a.mp4', 10, 25.0, 100, 320, 240)"));
        ASSERT_TRUE(q.exec("INSERT INTO segments(id, video_id, first_frame, last_frame, created_ms, modified_ms)"
                           " VALUES (7, 1, 3, 9, 1000, 2000)"));
        ASSERT_TRUE(q.exec("INSERT INTO subjects(id, name) VALUES (4, 'Ada')"));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase("v1");

    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error();
    EXPECT_EQ(store.value()->schemaVersion().value(), kSchemaVersion);
    EXPECT_EQ(store.value()->journalMode().value(), "wal");
    EXPECT_NE(store.value()->skeletonLayout("Penn-13"), nullptr);
    auto segment = store.value()->segment(7);
    ASSERT_TRUE(segment.ok()) << segment.error();
    EXPECT_EQ(segment->firstFrame, 3);
    EXPECT_EQ(segment->createdMs, 1000);
    EXPECT_FALSE(segment->confidence.has_value()) << "version 7: a person's segment has no confidence";
    EXPECT_EQ(segment->source, "");
    EXPECT_EQ(store.value()->video(1)->path, folder.file("a.mp4"));
    EXPECT_EQ(store.value()->video(1)->name, "") << "version 3 adds names, empty for old videos";
    EXPECT_TRUE(store.value()->video(1)->splits.empty());
    EXPECT_EQ(store.value()->counts()->skeletonFrames, 0);
    // Version 9: consent not recorded for existing subjects, and a pseudonym secret.
    const Subject ada = store.value()->subjects()->front();
    EXPECT_EQ(ada.consent, ConsentStatus::Unknown);
    EXPECT_EQ(ada.consentNote, "");
    EXPECT_EQ(store.value()->infoValue("pseudonym_secret")->size(), 64u);
    // Version 8: skeleton frames have box columns.
    SkeletonFrame frame;
    frame.videoId = 1;
    frame.subjectId = 0;
    frame.layoutId = store.value()->skeletonLayout("Penn-13")->id;
    frame.joints.resize(13);
    frame.box = SubjectBox{1, 2, 3, 4};
    ASSERT_TRUE(store.value()->insertSubject(Subject{0, "a", {}}).ok());
    frame.subjectId = store.value()->subjects()->front().id;
    ASSERT_TRUE(store.value()->insertSkeletonFrames({frame}).ok());
    EXPECT_EQ(store.value()->skeletonFrames(1, 0, 0)->front().box, frame.box);
}

TEST(ProjectSchema, Version4AddsTheGroupOnlyPermissionOffForExistingGroups) {
    ProjectFolder folder;
    const std::string path = folder.file("v3.alproj");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "v3");
        db.setDatabaseName(QString::fromStdString(path));
        ASSERT_TRUE(db.open());
        for (size_t i = 0; i < 3; ++i) ASSERT_TRUE(migrations()[i].apply(db).ok());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec("PRAGMA user_version = 3"));
        ASSERT_TRUE(q.exec(QString("PRAGMA application_id = %1").arg(kProjectApplicationId)));
        ASSERT_TRUE(q.exec("INSERT INTO tasks(id, position, name, kind, scope) VALUES (1, 0, 'action', 'action', 'segment')"));
        ASSERT_TRUE(q.exec("INSERT INTO class_groups(id, task_id, position, name) VALUES (1, 1, 0, 'sport')"));
        ASSERT_TRUE(q.exec("INSERT INTO task_values(task_id, position, name, group_id) VALUES (1, 0, 'run', 1)"));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase("v3");
    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error();
    ASSERT_NE(store.value()->taxonomy().actionTask(), nullptr);
    EXPECT_EQ(store.value()->taxonomy().actionTask()->groups.at(0).name, "sport");
    EXPECT_FALSE(store.value()->taxonomy().actionTask()->groups.at(0).allowsGroupOnly);
}

TEST(ProjectSchema, Version10AddsFrameSourcesAndAssignmentsToAVersion9Project) {
    ProjectFolder folder;
    const std::string path = folder.file("v9.alproj");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "v9");
        db.setDatabaseName(QString::fromStdString(path));
        ASSERT_TRUE(db.open());
        for (size_t i = 0; i < 9; ++i) ASSERT_TRUE(migrations()[i].apply(db).ok()) << i;
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec("PRAGMA user_version = 9"));
        ASSERT_TRUE(q.exec(QString("PRAGMA application_id = %1").arg(kProjectApplicationId)));
        ASSERT_TRUE(q.exec("INSERT INTO videos(id, path, size_bytes, fps, frame_count, width, height, name)"
                           " VALUES (3, '', 0, 25.0, 100, 320, 240, 'clip')"));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase("v9");
    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error();
    ProjectStore& s = *store.value();
    EXPECT_EQ(s.schemaVersion().value(), 10);
    auto video = s.video(3);
    ASSERT_TRUE(video.ok()) << video.error();
    EXPECT_EQ(video->name, "clip");
    EXPECT_TRUE(video->annotators.empty()) << "an old video is assigned to nobody";
    EXPECT_TRUE(s.frameSources(3)->empty());

    // Assignments: written and read with the video, replaced as a whole, the previous ones returned.
    auto previous = s.setVideoAnnotators(3, {"zoe", "ada", "zoe"});
    ASSERT_TRUE(previous.ok()) << previous.error();
    EXPECT_TRUE(previous->empty());
    EXPECT_EQ(s.video(3)->annotators, (std::vector<std::string>{"ada", "zoe"}));
    EXPECT_EQ(s.videos()->front().annotators, (std::vector<std::string>{"ada", "zoe"}));
    EXPECT_EQ(s.setVideoAnnotators(3, {"ada"}).value(), (std::vector<std::string>{"ada", "zoe"}));
    EXPECT_FALSE(s.setVideoAnnotators(3, {""}).ok()) << "an annotator needs a name";
    EXPECT_FALSE(s.setVideoAnnotators(99, {"ada"}).ok()) << "no such video";
    EXPECT_EQ(s.video(3)->annotators, (std::vector<std::string>{"ada"}));

    // Frame sources: a COCO image's file name and id per frame; a second source of a frame is refused.
    ASSERT_TRUE(s.insertFrameSources({FrameSource{3, 7, "seq/000007.jpg", 10007}, FrameSource{3, 2, "seq/000002.jpg", std::nullopt}}).ok());
    auto sources = s.frameSources(3);
    ASSERT_TRUE(sources.ok()) << sources.error();
    EXPECT_EQ(*sources, (std::vector<FrameSource>{FrameSource{3, 2, "seq/000002.jpg", std::nullopt}, FrameSource{3, 7, "seq/000007.jpg", 10007}}));
    EXPECT_FALSE(s.insertFrameSources({FrameSource{3, 9, "a.jpg", 1}, FrameSource{3, 7, "b.jpg", 2}}).ok());
    EXPECT_EQ(s.frameSources(3)->size(), 2u) << "a refused insert adds none";
}
