#include "tests/core/annotation/annotation_fixtures.h"

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

namespace {

SkeletonFrame pose(const SkeletonLayout& layout, std::int64_t subject, std::int64_t frame) {
    SkeletonFrame f;
    f.videoId = 1;
    f.subjectId = subject;
    f.frame = frame;
    f.layoutId = layout.id;
    f.source = PoseSource::Imported;
    for (size_t j = 0; j < layout.joints.size(); ++j)
        f.joints.push_back({float(frame) + 0.25f * j, float(subject) * 100 + j, 0.5f, j % 3 != 0});
    return f;
}

}  // namespace

TEST(ProjectStoreSkeletons, EveryProjectHasTheBuiltInLayouts) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    for (const SkeletonLayout& builtin : builtinSkeletonLayouts()) {
        const SkeletonLayout* stored = store->skeletonLayout(builtin.name);
        ASSERT_NE(stored, nullptr) << builtin.name;
        EXPECT_GT(stored->id, 0);
        EXPECT_EQ(stored->joints, builtin.joints);
        EXPECT_EQ(stored->edges, builtin.edges);
        EXPECT_EQ(stored->mirrorPairs, builtin.mirrorPairs);
    }
}

TEST(ProjectStoreSkeletons, RangeQueriesReturnExactlyTheRequestedFrames) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->insertSubject(Subject{0, "bob", {}}).ok());
    const SkeletonLayout layout = *store->skeletonLayout("Penn-13");
    std::vector<SkeletonFrame> frames;
    for (int subject = 1; subject <= 2; ++subject)
        for (int frame = 0; frame < 100; ++frame) frames.push_back(pose(layout, subject, frame));
    ASSERT_TRUE(store->insertSkeletonFrames(frames).ok());
    EXPECT_EQ(store->counts()->skeletonFrames, 200);

    auto one = store->skeletonFrames(1, 10, 19, 2);
    ASSERT_TRUE(one.ok()) << one.error();
    ASSERT_EQ(one->size(), 10u);
    for (int i = 0; i < 10; ++i) EXPECT_EQ((one.value())[i], pose(layout, 2, 10 + i));

    auto both = store->skeletonFrames(1, 98, 200);
    ASSERT_TRUE(both.ok());
    ASSERT_EQ(both->size(), 4u);
    EXPECT_EQ((both.value())[0], pose(layout, 1, 98));
    EXPECT_EQ((both.value())[1], pose(layout, 2, 98));
    EXPECT_EQ((both.value())[3], pose(layout, 2, 99));
    EXPECT_TRUE(store->skeletonFrames(1, 100, 150)->empty());
    EXPECT_TRUE(store->skeletonFrames(2, 0, 99)->empty());
}

TEST(ProjectStoreSkeletons, BulkInsertIsAllOrNothing) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    const SkeletonLayout layout = *store->skeletonLayout("COCO-17");
    ASSERT_TRUE(store->insertSkeletonFrames({pose(layout, 1, 50)}).ok());
    std::vector<SkeletonFrame> frames;
    for (int frame = 0; frame < 60; ++frame) frames.push_back(pose(layout, 1, frame));  // 50 exists
    ASSERT_FALSE(store->insertSkeletonFrames(frames).ok());
    EXPECT_EQ(store->counts()->skeletonFrames, 1);

    SkeletonFrame wrong = pose(layout, 1, 70);
    wrong.joints.pop_back();
    auto refused = store->insertSkeletonFrames({wrong});
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("has 16 joints, but layout 'COCO-17' has 17"), std::string::npos) << refused.error();
}

TEST(ProjectStoreSkeletons, PutReturnsTheReplacedFrameAndRemoveReturnsWhatItRemoved) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    const SkeletonLayout layout = *store->skeletonLayout("Penn-13");
    auto first = store->putSkeletonFrame(pose(layout, 1, 7));
    ASSERT_TRUE(first.ok()) << first.error();
    EXPECT_FALSE(first->has_value());
    SkeletonFrame edited = pose(layout, 1, 7);
    edited.source = PoseSource::Manual;
    edited.joints[3] = {1.5f, 2.5f, 1.0f, true};
    auto replaced = store->putSkeletonFrame(edited);
    ASSERT_TRUE(replaced.ok());
    ASSERT_TRUE(replaced->has_value());
    EXPECT_EQ(replaced.value().value(), pose(layout, 1, 7));
    EXPECT_EQ(store->skeletonFrames(1, 7, 7)->front(), edited);

    ASSERT_TRUE(store->insertSkeletonFrames({pose(layout, 1, 8), pose(layout, 1, 9)}).ok());
    auto removed = store->removeSkeletonFrames(1, 8, 20);
    ASSERT_TRUE(removed.ok());
    ASSERT_EQ(removed->size(), 2u);
    EXPECT_EQ(store->counts()->skeletonFrames, 1);
    ASSERT_TRUE(store->insertSkeletonFrames(removed.value()).ok());  // undo
    EXPECT_EQ(store->skeletonFrames(1, 8, 9).value(), removed.value());
}

TEST(ProjectStoreSkeletons, ASubjectsBoxIsKeptBesideTheJointsAndNoBoxStaysNone) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    const SkeletonLayout layout = *store->skeletonLayout("Penn-13");
    SkeletonFrame boxed = pose(layout, 1, 3);
    boxed.box = SubjectBox{10.5f, 20.25f, 40.0f, 96.0f};
    ASSERT_TRUE(store->insertSkeletonFrames({boxed, pose(layout, 1, 4)}).ok());
    auto read = store->skeletonFrames(1, 3, 4);
    ASSERT_TRUE(read.ok()) << read.error();
    ASSERT_EQ(read->size(), 2u);
    EXPECT_EQ(read->at(0), boxed);
    ASSERT_TRUE(read->at(0).box.has_value());
    EXPECT_EQ(read->at(0).box->height, 96.0f);
    EXPECT_FALSE(read->at(1).box.has_value());
    // Replacing a frame replaces its box too (an edit that drops it, and undo that restores it).
    auto replaced = store->putSkeletonFrame(pose(layout, 1, 3));
    ASSERT_TRUE(replaced.ok());
    EXPECT_EQ(replaced->value(), boxed);
    EXPECT_FALSE(store->skeletonFrames(1, 3, 3)->front().box.has_value());
    ASSERT_TRUE(store->putSkeletonFrame(boxed).ok());
    EXPECT_EQ(store->skeletonFrames(1, 3, 3)->front(), boxed);
}

TEST(ProjectStoreSkeletons, CustomLayoutsPersist) {
    ProjectFolder folder;
    SkeletonLayout custom{0, "hand-3", {"wrist", "thumb", "index"}, {{0, 1}, {0, 2}}, {}};
    {
        auto store = makeProject(folder);
        ASSERT_TRUE(store);
        auto id = store->insertSkeletonLayout(custom);
        ASSERT_TRUE(id.ok()) << id.error();
        custom.id = id.value();
        EXPECT_FALSE(store->insertSkeletonLayout(custom).ok());  // name taken
    }
    auto store = ProjectStore::open(folder.file("p.alproj"));
    ASSERT_TRUE(store.ok());
    const SkeletonLayout* stored = store.value()->skeletonLayout("hand-3");
    ASSERT_NE(stored, nullptr);
    EXPECT_EQ(*stored, custom);
}

// Callers keep `const SkeletonLayout*` across writes (the pose job, the dataset reader): adding
// layouts and rolling back a transaction that added one must leave those layouts in place.
TEST(ProjectStoreSkeletons, LayoutPointersSurviveAddedLayoutsAndRolledBackTransactions) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    const SkeletonLayout* coco = store->skeletonLayout("COCO-17");
    ASSERT_NE(coco, nullptr);
    const SkeletonLayout copy = *coco;
    for (int i = 0; i < 40; ++i) {  // enough growth to move a vector's elements several times
        SkeletonLayout extra{0, "extra-" + std::to_string(i), {"a", "b"}, {{0, 1}}, {}};
        ASSERT_TRUE(store->insertSkeletonLayout(extra).ok());
    }
    EXPECT_EQ(store->skeletonLayout("COCO-17"), coco);
    const size_t before = store->skeletonLayouts().size();
    Status failed = store->transaction([&]() -> Status {
        SkeletonLayout doomed{0, "doomed", {"a", "b"}, {{0, 1}}, {}};
        if (auto id = store->insertSkeletonLayout(doomed); !id) return id.takeError();
        return makeError("the edit fails after adding a layout");
    });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(store->skeletonLayout("doomed"), nullptr) << "the rolled-back layout is gone";
    EXPECT_EQ(store->skeletonLayouts().size(), before);
    EXPECT_EQ(store->skeletonLayout("COCO-17"), coco);
    EXPECT_EQ(*coco, copy);
    EXPECT_NE(store->skeletonLayout("extra-39"), nullptr);
}
