// ProjectSnapshot: take, change, restore gives back exactly the old rows of every table; a
// damaged or foreign snapshot is refused and leaves the project as it was.

#include "core/annotation/project_snapshot.h"

#include "annotation_fixtures.h"
#include "project_rows.h"

#include <QFile>

using namespace actionlens::annotation;
using actionlens::Status;
using namespace actionlens::annotation::fixtures;
using actionlens::testing::checkProjectFile;
using actionlens::testing::ProjectRows;
using actionlens::testing::readProjectRows;

namespace {

// A project with content in every table: taxonomy, videos with splits, subjects with
// attributes, labelled segments, a custom layout and skeleton frames.
std::unique_ptr<ProjectStore> makeFullProject(const ProjectFolder& folder) {
    auto store = makeProject(folder);
    if (!store) return nullptr;
    Video second = sampleVideo(folder, "second.mp4");
    second.splits = {"train"};
    EXPECT_TRUE(store->insertVideo(second).ok());
    EXPECT_TRUE(store->insertSubject(Subject{0, "bob", {}}).ok());
    for (auto [first, last] : {std::pair{0, 10}, std::pair{20, 40}}) EXPECT_TRUE(store->insertSegment(sampleSegment(first, last)).ok());
    SkeletonLayout hand{0, "hand-3", {"wrist", "thumb", "index"}, {{0, 1}, {0, 2}}, {}};
    EXPECT_TRUE(store->insertSkeletonLayout(hand).ok());
    const SkeletonLayout* layout = store->skeletonLayout("hand-3");
    std::vector<SkeletonFrame> frames;
    for (int f = 0; f < 12; ++f)
        frames.push_back({1, 1, f, layout->id, PoseSource::Manual, std::vector<Joint>(3, Joint{float(f), 2.0f, 0.5f, true})});
    EXPECT_TRUE(store->insertSkeletonFrames(frames).ok());
    return store;
}

// Changes every kind of row: new and removed rows, changed values, a new layout.
void changeEverything(ProjectStore& store, const ProjectFolder& folder) {
    ASSERT_TRUE(store.transaction([&]() -> Status {
        if (auto id = store.insertVideo(sampleVideo(folder, "third.mp4")); !id) return id.takeError();
        if (auto removed = store.removeSegment(1); !removed) return removed.takeError();
        Segment changed = store.segment(2).value();
        changed.labels["action"] = "bowl";
        if (auto updated = store.updateSegment(changed); !updated) return updated.takeError();
        if (auto subject = store.updateSubject(Subject{2, "robert", {}}); !subject) return subject.takeError();
        if (auto layout = store.insertSkeletonLayout(SkeletonLayout{0, "foot-2", {"heel", "toe"}, {{0, 1}}, {}}); !layout)
            return layout.takeError();
        if (auto removed = store.removeSkeletonFrames(1, 0, 5); !removed) return removed.takeError();
        Taxonomy taxonomy = store.taxonomy();
        taxonomy.name += " (edited)";
        if (auto previous = store.setTaxonomy(taxonomy); !previous) return previous.takeError();
        return Status::success();
    }).ok());
}

}  // namespace

TEST(ProjectSnapshot, RestoreGivesBackExactlyTheRowsOfEveryTable) {
    ProjectFolder folder;
    auto store = makeFullProject(folder);
    ASSERT_TRUE(store);
    const ProjectRows before = readProjectRows(store->path());
    const Taxonomy taxonomyBefore = store->taxonomy();
    const size_t layoutsBefore = store->skeletonLayouts().size();
    const SkeletonLayout* coco = store->skeletonLayout("COCO-17");  // callers keep these across writes

    auto snapshot = ProjectSnapshot::take(*store, folder.file("before.snapshot"));
    ASSERT_TRUE(snapshot.ok()) << snapshot.error();
    EXPECT_GT(snapshot->sizeBytes(), 0);
    EXPECT_EQ(readProjectRows(snapshot->file()), before) << "the copy holds the same rows";

    changeEverything(*store, folder);
    const ProjectRows changed = readProjectRows(store->path());
    for (const char* table : {"videos", "segments", "segment_labels", "subjects", "skeleton_layouts", "skeleton_frames", "project_info"})
        EXPECT_NE(changed.at(table), before.at(table)) << table << " was meant to change";
    auto after = ProjectSnapshot::take(*store, folder.file("after.snapshot"));
    ASSERT_TRUE(after.ok()) << after.error();

    ASSERT_TRUE(snapshot->restoreInto(*store).ok());
    EXPECT_EQ(readProjectRows(store->path()), before);
    EXPECT_EQ(checkProjectFile(store->path()), "ok");
    // The store's caches follow the rows.
    EXPECT_EQ(store->taxonomy().name, taxonomyBefore.name);
    EXPECT_EQ(store->skeletonLayouts().size(), layoutsBefore);
    EXPECT_EQ(store->skeletonLayout("foot-2"), nullptr);
    EXPECT_EQ(store->subjects().value().at(1).name, "bob");

    ASSERT_TRUE(after->restoreInto(*store).ok());  // redo
    EXPECT_EQ(readProjectRows(store->path()), changed);
    EXPECT_NE(store->skeletonLayout("foot-2"), nullptr);
    EXPECT_EQ(store->skeletonLayout("COCO-17"), coco) << "the layouts that stayed did not move";
    EXPECT_EQ(checkProjectFile(store->path()), "ok");

    // The store keeps working on restored rows, and they survive reopening.
    ASSERT_TRUE(snapshot->restoreInto(*store).ok());
    auto id = store->insertSegment(sampleSegment(50, 60));
    ASSERT_TRUE(id.ok()) << id.error();
    const ProjectRows edited = readProjectRows(store->path());
    const std::string path = store->path();
    store.reset();
    auto reopened = ProjectStore::open(path);
    ASSERT_TRUE(reopened.ok()) << reopened.error();
    EXPECT_EQ(readProjectRows(path), edited);
}

TEST(ProjectSnapshot, DamagedSnapshotIsRefusedAndTheProjectStaysAsItWas) {
    ProjectFolder folder;
    auto store = makeFullProject(folder);
    ASSERT_TRUE(store);
    auto snapshot = ProjectSnapshot::take(*store, folder.file("before.snapshot"));
    ASSERT_TRUE(snapshot.ok()) << snapshot.error();
    changeEverything(*store, folder);
    const ProjectRows current = readProjectRows(store->path());

    // Garbage over the pages after the header page: the b-trees no longer hold together.
    QFile file(QString::fromStdString(snapshot->file()));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray good = file.readAll();
    file.close();
    ASSERT_GT(good.size(), 8192);
    QByteArray damaged = good;
    for (int i = 4096; i < damaged.size(); i += 7) damaged[i] = char(0x5a ^ i);
    writeBytes(snapshot->file(), damaged);
    Status refused = snapshot->restoreInto(*store);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("damaged"), std::string::npos) << refused.error();
    EXPECT_NE(refused.error().find("before.snapshot"), std::string::npos) << "names the file: " << refused.error();
    EXPECT_EQ(readProjectRows(store->path()), current);

    // Not a database at all, and a file cut short.
    writeBytes(snapshot->file(), QByteArray(8192, 'x'));
    refused = snapshot->restoreInto(*store);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("not a project copy or is damaged"), std::string::npos) << refused.error();
    writeBytes(snapshot->file(), good.left(good.size() / 2));
    EXPECT_FALSE(snapshot->restoreInto(*store).ok());
    EXPECT_EQ(readProjectRows(store->path()), current);

    // Missing: refused rather than ATTACHed as a new empty database.
    ASSERT_TRUE(QFile::remove(QString::fromStdString(snapshot->file())));
    refused = snapshot->restoreInto(*store);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("does not exist"), std::string::npos) << refused.error();
    EXPECT_FALSE(QFile::exists(QString::fromStdString(snapshot->file())));

    // The intact copy still restores after all those refusals (nothing stayed attached).
    writeBytes(snapshot->file(), good);
    ASSERT_TRUE(snapshot->restoreInto(*store).ok());
    EXPECT_EQ(checkProjectFile(store->path()), "ok");
    EXPECT_NE(readProjectRows(store->path()), current);
}

namespace {

// Runs one statement on a database file through a connection of its own.
void execOn(const std::string& path, const QString& sql) {
    const bool opened = actionlens::testing::detail::withConnection(
        path, [&](QSqlDatabase& db) { EXPECT_TRUE(QSqlQuery(db).exec(sql)) << sql.toStdString(); }, false);
    EXPECT_TRUE(opened) << path;
}

}  // namespace

TEST(ProjectSnapshot, RefusesACopyOfOtherTablesAndAPlainDatabase) {
    ProjectFolder folder;
    auto store = makeFullProject(folder);
    ASSERT_TRUE(store);
    const ProjectRows current = readProjectRows(store->path());

    // A project copy whose tables differ from the project's (as another schema's would).
    auto snapshot = ProjectSnapshot::take(*store, folder.file("s.snapshot"));
    ASSERT_TRUE(snapshot.ok()) << snapshot.error();
    execOn(snapshot->file(), QStringLiteral("CREATE TABLE extra(x INTEGER)"));
    Status refused = snapshot->restoreInto(*store);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("tables differ"), std::string::npos) << refused.error();

    // Another schema version.
    execOn(snapshot->file(), QStringLiteral("DROP TABLE extra"));
    execOn(snapshot->file(), QStringLiteral("PRAGMA user_version = 3"));
    refused = snapshot->restoreInto(*store);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("schema version 3"), std::string::npos) << refused.error();

    // An SQLite file that is no project.
    const std::string plain = folder.file("plain.db");
    execOn(plain, QStringLiteral("CREATE TABLE t(x)"));
    auto notAProject = ProjectSnapshot::take(*store, folder.file("t.snapshot"));
    ASSERT_TRUE(notAProject.ok());
    ASSERT_TRUE(QFile::remove(QString::fromStdString(notAProject->file())));
    ASSERT_TRUE(QFile::copy(QString::fromStdString(plain), QString::fromStdString(notAProject->file())));
    refused = notAProject->restoreInto(*store);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("not a copy of an ActionLens project"), std::string::npos) << refused.error();

    EXPECT_EQ(readProjectRows(store->path()), current);
}

TEST(ProjectSnapshot, NeitherTakenNorRestoredInsideATransaction) {
    ProjectFolder folder;
    auto store = makeFullProject(folder);
    ASSERT_TRUE(store);
    auto snapshot = ProjectSnapshot::take(*store, folder.file("s.snapshot"));
    ASSERT_TRUE(snapshot.ok()) << snapshot.error();
    EXPECT_FALSE(ProjectSnapshot::take(*store, folder.file("s.snapshot")).ok()) << "the file exists";
    Status inside = store->transaction([&]() -> Status {
        auto taken = ProjectSnapshot::take(*store, folder.file("t.snapshot"));
        EXPECT_FALSE(taken.ok());
        EXPECT_FALSE(QFile::exists(QString::fromStdString(folder.file("t.snapshot"))));
        Status restored = snapshot->restoreInto(*store);
        EXPECT_FALSE(restored.ok());
        EXPECT_NE(restored.error().find("transaction"), std::string::npos) << restored.error();
        return Status::success();
    });
    EXPECT_TRUE(inside.ok());
}
