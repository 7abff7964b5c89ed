#include "core/annotation/project_store.h"
#include "core/formats/format_registry.h"
#include "tests/core/formats/formats_fixtures.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace actionlens;
using namespace actionlens::formats;
using namespace actionlens::fixtures;

namespace fs = std::filesystem;

namespace {

// A small clip as the datasets ship them (MPEG-4 Part 2 in AVI for UCF101/HMDB51).
void makeClip(const std::string& path, int frames, const std::string& codec = "mpeg4") {
    fs::create_directories(fs::path(path).parent_path());
    fixtures::StampedVideoSpec spec;
    spec.frames = frames;
    spec.width = 64;
    spec.height = 48;
    spec.codec = codec;
    spec.gop = 12;
    spec.bframes = 0;
    fixtures::makeStampedVideo(path, spec);
}

void writeUcf101(const fixtures::TempDir& dir) {
    fs::create_directories(dir.file("ucf/ucfTrainTestlist"));
    fixtures::writeFileBytes(dir.file("ucf/ucfTrainTestlist/classInd.txt"), "1 ApplyEyeMakeup\r\n2 YoYo\r\n");
    fixtures::writeFileBytes(dir.file("ucf/ucfTrainTestlist/trainlist01.txt"),
                             "ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1\r\nYoYo/v_YoYo_g08_c01.avi 2\r\n");
    fixtures::writeFileBytes(dir.file("ucf/ucfTrainTestlist/testlist01.txt"),
                             "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi\r\nYoYo/v_YoYo_g01_c01.avi\r\n");
    makeClip(dir.file("ucf/UCF-101/ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi"), 20);
    makeClip(dir.file("ucf/UCF-101/YoYo/v_YoYo_g08_c01.avi"), 15);
    makeClip(dir.file("ucf/UCF-101/ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi"), 12);
    // v_YoYo_g01_c01.avi is missing on purpose.
}

}  // namespace

TEST(DatasetImport, Ucf101ClipsBecomeLabelledVideosWithSplits) {
    fixtures::TempDir dir;
    writeUcf101(dir);
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    std::vector<std::string> warnings;
    ImportOptions options;
    options.warning = [&](const std::string& w) { warnings.push_back(w); };
    Status imported = importProject("ucf101", dir.file("ucf"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();

    EXPECT_EQ(store->counts()->videos, 3);
    EXPECT_EQ(store->counts()->segments, 3);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("1 of 4 listed videos are missing"), std::string::npos) << warnings[0];
    EXPECT_NE(warnings[0].find("YoYo/v_YoYo_g01_c01.avi"), std::string::npos) << warnings[0];

    const annotation::TaskDefinition* action = store->taxonomy().actionTask();
    ASSERT_NE(action, nullptr);
    ASSERT_EQ(action->values.size(), 2u);
    EXPECT_EQ(action->values[1].name, "YoYo");

    auto videos = store->videos();
    ASSERT_EQ(videos->size(), 3u);
    const annotation::Video& yoyo = videos.value()[1];
    EXPECT_EQ(yoyo.name, "v_YoYo_g08_c01");
    EXPECT_EQ(yoyo.frameCount, 15);
    EXPECT_EQ(yoyo.width, 64);
    EXPECT_NE(yoyo.contentHash, "");
    EXPECT_EQ(yoyo.splits, (std::vector<std::string>{"train1"}));
    auto segments = store->segmentsOfVideo(yoyo.id);
    ASSERT_EQ(segments->size(), 1u);
    EXPECT_EQ(segments.value()[0].labels.at("action"), "YoYo");
    EXPECT_EQ(segments.value()[0].lastFrame, 14);
    EXPECT_EQ(videos.value()[2].splits, (std::vector<std::string>{"test1"}));
}

TEST(DatasetImport, ABadListLineLeavesTheProjectUnchanged) {
    fixtures::TempDir dir;
    writeUcf101(dir);
    fixtures::writeFileBytes(dir.file("ucf/ucfTrainTestlist/trainlist02.txt"), "YoYo/v_YoYo_g08_c01.avi 3\r\n");
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    Status imported = importProject("ucf101", dir.file("ucf"), *store);
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error(), "trainlist02.txt line 1: class index 3 is not in classInd.txt (1-2)");
    EXPECT_EQ(store->counts()->videos, 0);
    EXPECT_EQ(store->taxonomy().actionTask(), nullptr);
}

TEST(DatasetImport, NoClipPresentIsAnError) {
    fixtures::TempDir dir;
    fs::create_directories(dir.file("ucf"));
    fixtures::writeFileBytes(dir.file("ucf/classInd.txt"), "1 A\r\n");
    fixtures::writeFileBytes(dir.file("ucf/trainlist01.txt"), "A/a.avi 1\r\n");
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    Status imported = importProject("ucf101", dir.file("ucf"), *store);
    ASSERT_FALSE(imported.ok());
    EXPECT_NE(imported.error().find("none of the 1 videos"), std::string::npos) << imported.error();
}

TEST(DatasetImport, Hmdb51SplitsAndClips) {
    fixtures::TempDir dir;
    fs::create_directories(dir.file("hmdb/testTrainMulti_7030_splits"));
    fixtures::writeFileBytes(dir.file("hmdb/testTrainMulti_7030_splits/wave_test_split1.txt"), "w1.avi 1 \nw2.avi 2 \n");
    fixtures::writeFileBytes(dir.file("hmdb/testTrainMulti_7030_splits/jump_test_split1.txt"), "j1.avi 0 \n");
    makeClip(dir.file("hmdb/hmdb51_org/wave/w1.avi"), 10);
    makeClip(dir.file("hmdb/hmdb51_org/wave/w2.avi"), 11);
    makeClip(dir.file("hmdb/hmdb51_org/jump/j1.avi"), 12);
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    Status imported = importProject("hmdb51", dir.file("hmdb"), *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    auto videos = store->videos();
    ASSERT_EQ(videos->size(), 3u);
    EXPECT_EQ(videos.value()[0].name, "j1");
    EXPECT_TRUE(videos.value()[0].splits.empty()) << "0: not used in split 1";
    EXPECT_EQ(videos.value()[2].splits, (std::vector<std::string>{"test1"}));
    EXPECT_EQ(store->segmentsOfVideo(videos.value()[0].id).value()[0].labels.at("action"), "jump");
}

TEST(DatasetImport, KineticsFindsClipsByNameAnywhereUnderTheFolder) {
    fixtures::TempDir dir;
    fs::create_directories(dir.file("k400"));
    fixtures::writeFileBytes(dir.file("k400/train.csv"),
                             "label,youtube_id,time_start,time_end,split\n"
                             "abseiling,abc123,1,11,train\n\"air drumming\",def456,4,14,train\n");
    fixtures::writeFileBytes(dir.file("k400/validate.csv"), "label,youtube_id,time_start,time_end\nabseiling,ghi789,0,10\n");
    makeClip(dir.file("k400/videos/train/abseiling/abc123_000001_000011.mp4"), 10, "h264");
    makeClip(dir.file("k400/videos/val/ghi789_000000_000010.mp4"), 10, "h264");
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    std::vector<std::string> warnings;
    ImportOptions options;
    options.warning = [&](const std::string& w) { warnings.push_back(w); };
    Status imported = importProject("kinetics", dir.file("k400"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    auto videos = store->videos();
    ASSERT_EQ(videos->size(), 2u);
    EXPECT_EQ(videos.value()[1].splits, (std::vector<std::string>{"validate"})) << "a CSV without a split column";
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("def456_000004_000014.mp4"), std::string::npos);
    EXPECT_EQ(store->taxonomy().actionTask()->values.size(), 2u);
}
