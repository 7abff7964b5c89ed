#include "core/formats/video_lookup.h"

#include "core/annotation/project_store.h"
#include "tests/core/formats/formats_fixtures.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::fixtures;
using annotation::Video;

TEST(VideoLookup, FindsVideosByNameFileNameAndStem) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    const std::int64_t clip = store->insertVideo(Video{0, dir.file("clips/clip a.mp4"), 1, 25.0, 10, 0, 0, "", "", {}}).value();
    const std::int64_t named = store->insertVideo(Video{0, dir.file("raw/0001.avi"), 1, 25.0, 10, 0, 0, "", "first take", {}}).value();
    const std::int64_t poses = store->insertVideo(Video{0, "", 0, 25.0, 10, 0, 0, "", "0002", {}}).value();
    store->insertVideo(Video{0, dir.file("x/same.mp4"), 1, 25.0, 10, 0, 0, "", "", {}}).value();
    store->insertVideo(Video{0, dir.file("y/same.mp4"), 1, 25.0, 10, 0, 0, "", "", {}}).value();
    auto lookup = formats::VideoLookup::load(*store);
    ASSERT_TRUE(lookup.ok()) << lookup.error();

    EXPECT_EQ(lookup->findOne("clip a.mp4")->id, clip);
    EXPECT_EQ(lookup->findOne("clip a")->id, clip) << "a file name without its extension";
    EXPECT_EQ(lookup->findOne("first take")->id, named);
    EXPECT_EQ(lookup->findOne("0001.avi")->id, named) << "a named video keeps its file name";
    EXPECT_EQ(lookup->findOne("0002.mp4")->id, poses) << "a media file named after a skeleton-only video";
    EXPECT_EQ(lookup->findOne("clip b.mp4").error(), "no video of the project is named 'clip b.mp4' or has that file name");
    EXPECT_EQ(lookup->findOne("same.mp4").error(), "'same.mp4' could be any of the project's videos 4, 5 (they share the name)");
    EXPECT_TRUE(lookup->find("").empty());
}

TEST(VideoLookup, FileNamesOfPathsAndUrls) {
    EXPECT_EQ(formats::fileNameOfLocation("file:///C:/Users/ann/clip%20a.mp4"), "clip a.mp4");
    EXPECT_EQ(formats::fileNameOfLocation("C:\\videos\\walk.mov"), "walk.mov");
    EXPECT_EQ(formats::fileNameOfLocation("./0002"), "0002");
    EXPECT_EQ(formats::withoutExtension("a.b.mp4"), "a.b");
    EXPECT_EQ(formats::withoutExtension(".hidden"), ".hidden");
}
