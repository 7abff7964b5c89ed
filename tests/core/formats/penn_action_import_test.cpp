#include "core/annotation/project_store.h"
#include "core/formats/format_registry.h"
#include "core/formats/penn_action_labels.h"
#include "core/media/frame_stamp.h"
#include "core/media/image_io.h"
#include "tests/core/formats/formats_fixtures.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace actionlens;
using namespace actionlens::formats;
using namespace actionlens::fixtures;

namespace fs = std::filesystem;

namespace {

fs::path pennTrainFolder() { return fs::path(ACTIONLENS_SHARED_DIR) / "data" / "penn_action" / "train"; }

// A dataset folder in the official layout with a few real label files: DIR/labels/NNNN.mat.
void copyRealLabels(const fixtures::TempDir& dir, const std::vector<std::string>& names) {
    fs::create_directories(dir.file("penn/labels"));
    for (const std::string& name : names) {
        fs::copy_file(pennTrainFolder() / (name + ".mat"), dir.file("penn/labels/" + name + ".mat"));
    }
}

}  // namespace

TEST(PennActionImport, RealLabelFilesBecomeVideosSubjectsSkeletonsAndSegments) {
    fixtures::TempDir dir;
    copyRealLabels(dir, {"0002", "0003", "0011"});
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    std::vector<std::int64_t> progress;
    ImportOptions options;
    options.progress = [&](std::int64_t done, std::int64_t total) {
        EXPECT_EQ(total, 3);
        progress.push_back(done);
    };
    Status imported = importProject("penn-action", dir.file("penn"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(progress, (std::vector<std::int64_t>{1, 2, 3}));

    auto expected = readPennActionLabels((pennTrainFolder() / "0003.mat").string());
    ASSERT_TRUE(expected.ok());
    auto counts = store->counts();
    EXPECT_EQ(counts->videos, 3);
    EXPECT_EQ(counts->subjects, 3);
    EXPECT_EQ(counts->segments, 3);

    auto videos = store->videos();
    ASSERT_EQ(videos->size(), 3u);
    const annotation::Video& v = videos.value()[1];
    EXPECT_EQ(v.name, "0003");
    EXPECT_EQ(v.path, "") << "no frames/ folder: a skeleton-only record";
    EXPECT_EQ(v.frameCount, expected->frameCount);
    EXPECT_EQ(v.splits, (std::vector<std::string>{"train"}));

    auto segments = store->segmentsOfVideo(v.id);
    ASSERT_EQ(segments->size(), 1u);
    EXPECT_EQ(segments.value()[0].labels.at("action"), expected->action);
    EXPECT_EQ(segments.value()[0].labels.at("viewpoint"), expected->viewpoint);
    EXPECT_EQ(segments.value()[0].lastFrame, expected->frameCount - 1);
    EXPECT_NE(store->taxonomy().actionTask()->findValue(expected->action)->group, "") << "the group comes with the action";

    const int frame = expected->frameCount / 2;
    auto skeletons = store->skeletonFrames(v.id, frame, frame);
    ASSERT_EQ(skeletons->size(), 1u);
    const auto& joints = skeletons.value()[0].joints;
    ASSERT_EQ(joints.size(), 13u);
    for (int j = 0; j < 13; ++j) {
        const size_t at = static_cast<size_t>(frame) * 13 + static_cast<size_t>(j);
        EXPECT_FLOAT_EQ(joints[static_cast<size_t>(j)].x, expected->x[at]);
        EXPECT_FLOAT_EQ(joints[static_cast<size_t>(j)].y, expected->y[at]);
        EXPECT_EQ(joints[static_cast<size_t>(j)].visible, expected->visible[at] != 0);
    }
    EXPECT_EQ(store->skeletonLayout("Penn-13")->id, skeletons.value()[0].layoutId);
}

TEST(PennActionImport, LinksTheImageSequenceWhenFramesSitBesideLabels) {
    fixtures::TempDir dir;
    copyRealLabels(dir, {"0002"});
    auto expected = readPennActionLabels((pennTrainFolder() / "0002.mat").string());
    ASSERT_TRUE(expected.ok());
    fs::create_directories(dir.file("penn/frames/0002"));
    media::VideoFrame picture;
    picture.width = 32;
    picture.height = 24;
    picture.stride = media::alignedRgbStride(32);
    picture.rgb.resize(static_cast<size_t>(picture.stride) * 24);
    for (int i = 1; i <= expected->frameCount; ++i) {
        char name[32];
        std::snprintf(name, sizeof(name), "%06d.jpg", i);
        ASSERT_TRUE(media::saveFrameImage(picture, dir.file("penn/frames/0002/") + name).ok());
    }
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    Status imported = importProject("penn-action", dir.file("penn"), *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(store->video(1)->path, dir.file("penn/frames/0002"));

    // One image too few: the label file and the frames disagree, nothing is imported.
    fs::remove(dir.file("penn/frames/0002/000001.jpg"));
    auto second = newProject(dir, "q.alproj");
    ASSERT_TRUE(second);
    Status refused = importProject("penn-action", dir.file("penn"), *second);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("0002.mat: nframes is"), std::string::npos) << refused.error();
    EXPECT_EQ(second->counts()->videos, 0);
}

TEST(PennActionImport, ADamagedFileLeavesTheProjectUnchanged) {
    fixtures::TempDir dir;
    copyRealLabels(dir, {"0002", "0003"});
    const std::string bytes = fixtures::readFileBytes(dir.file("penn/labels/0003.mat"));
    fixtures::writeFileBytes(dir.file("penn/labels/0003.mat"), bytes.substr(0, bytes.size() / 3));
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    Status imported = importProject("penn-action", dir.file("penn"), *store);
    ASSERT_FALSE(imported.ok());
    EXPECT_NE(imported.error().find("0003.mat"), std::string::npos) << imported.error();
    auto counts = store->counts();
    EXPECT_EQ(counts->videos, 0);
    EXPECT_EQ(counts->skeletonFrames, 0);
    EXPECT_EQ(store->taxonomy().actionTask(), nullptr) << "even the taxonomy it set is rolled back";
}

TEST(PennActionImport, TheTestFlagBecomesSplitMembership) {
    fixtures::TempDir dir;
    copyRealLabels(dir, {"0002"});
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(importProject("penn-action", dir.file("penn/labels"), *store).ok());
    auto splits = store->splitCounts();
    ASSERT_TRUE(splits.ok());
    ASSERT_EQ(splits->size(), 1u);
    EXPECT_EQ(splits.value()[0].split, "train");
    EXPECT_EQ(splits.value()[0].videos, 1);
    EXPECT_GT(splits.value()[0].skeletonFrames, 0);
}

TEST(PennActionImport, UnknownFormatsAndMissingSourcesAreRefused) {
    fixtures::TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    auto unknown = importProject("penn", dir.path(), *store);
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().find("penn-action"), std::string::npos) << "lists the known formats: " << unknown.error();
    EXPECT_FALSE(importProject("penn-action", dir.file("nothing-here"), *store).ok());
    EXPECT_FALSE(importProject("penn-action", dir.path(), *store).ok()) << "a folder without label files";
}
