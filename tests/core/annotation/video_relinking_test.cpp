#include "core/annotation/video_relinking.h"

#include "core/annotation/video_fingerprint.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <QDir>

using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

namespace {

QByteArray recording(int seed, int size = (2 << 20) + 1000) {
    QByteArray bytes(size, '\0');
    for (int i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 31 + seed * 7);
    return bytes;
}

// A video record as the store keeps it for a file that is at `path` now.
Video recordOf(std::int64_t id, const std::string& path) {
    Video v;
    v.id = id;
    v.path = path;
    v.sizeBytes = QFileInfo(QString::fromStdString(path)).size();
    v.contentHash = videoContentHash(path).value();
    return v;
}

// writeBytes, creating the folders on the way.
void put(const std::string& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(QString::fromStdString(path)).absolutePath());
    writeBytes(path, bytes);
}

void moveFile(const std::string& from, const std::string& to) {
    QDir().mkpath(QFileInfo(QString::fromStdString(to)).absolutePath());
    ASSERT_TRUE(QFile::rename(QString::fromStdString(from), QString::fromStdString(to)));
}

}  // namespace

TEST(VideoRelinking, MissingVideosAreThoseWhoseFileIsGone) {
    ProjectFolder folder;
    writeBytes(folder.file("here.mp4"), recording(1, 100));
    Video here{1, folder.file("here.mp4")};
    Video gone{2, folder.file("gone.mp4")};
    Video skeletonOnly{3, ""};
    Video imageFolder{4, folder.path()};  // a folder of numbered frames is a video too
    EXPECT_FALSE(videoFileMissing(imageFolder));
    EXPECT_FALSE(videoFileMissing(here));
    EXPECT_TRUE(videoFileMissing(gone));
    EXPECT_FALSE(videoFileMissing(skeletonOnly));
    const auto missing = missingVideos({here, gone, skeletonOnly});
    ASSERT_EQ(missing.size(), 1u);
    EXPECT_EQ(missing[0].id, 2);
}

TEST(VideoRelinking, FindsMovedVideosByNameAndHashAndRefusesSameNameWithOtherContent) {
    ProjectFolder folder;
    QDir(QString::fromStdString(folder.path())).mkpath(QStringLiteral("old"));
    writeBytes(folder.file("old/walk.mp4"), recording(1));
    writeBytes(folder.file("old/jump.mp4"), recording(2));
    writeBytes(folder.file("old/run.mp4"), recording(3));
    const Video walk = recordOf(1, folder.file("old/walk.mp4"));
    const Video jump = recordOf(2, folder.file("old/jump.mp4"));
    const Video run = recordOf(3, folder.file("old/run.mp4"));

    // walk moved two folders down; jump was replaced by another recording of the same name
    // (and also exists with its real content under another name: not a match); run is gone.
    moveFile(folder.file("old/walk.mp4"), folder.file("new/day1/walk.mp4"));
    moveFile(folder.file("old/jump.mp4"), folder.file("new/jump-renamed.mp4"));
    put(folder.file("new/jump.mp4"), recording(9));
    QFile::remove(QString::fromStdString(folder.file("old/run.mp4")));
    ASSERT_EQ(missingVideos({walk, jump, run}).size(), 3u);

    std::vector<std::int64_t> progress;
    RelinkOptions options;
    options.progress = [&](std::int64_t done, std::int64_t total) {
        EXPECT_EQ(total, 3);
        progress.push_back(done);
    };
    auto plan = planRelink({walk, jump, run}, folder.file("new"), options);
    ASSERT_TRUE(plan.ok()) << plan.error();
    EXPECT_EQ(progress, (std::vector<std::int64_t>{1, 2, 3}));
    ASSERT_EQ(plan->found.size(), 1u);
    EXPECT_EQ(plan->found[0].videoId, 1);
    EXPECT_EQ(plan->found[0].newPath, QFileInfo(QString::fromStdString(folder.file("new/day1/walk.mp4"))).absoluteFilePath().toStdString());
    EXPECT_EQ(plan->found[0].oldPath, walk.path);
    EXPECT_EQ(plan->found[0].confirmedBy, "content hash");
    ASSERT_EQ(plan->notFound.size(), 2u);
    EXPECT_EQ(plan->notFound[0].videoId, 2);
    EXPECT_NE(plan->notFound[0].reason.find("other content"), std::string::npos) << plan->notFound[0].reason;
    EXPECT_EQ(plan->notFound[1].videoId, 3);
    EXPECT_EQ(plan->notFound[1].reason, "no file named run.mp4");

    // Without descending into subfolders, walk (in new/day1) is not found.
    options.recursive = false;
    options.progress = nullptr;
    auto shallow = planRelink({walk}, folder.file("new"), options);
    ASSERT_TRUE(shallow.ok());
    EXPECT_TRUE(shallow->found.empty());
}

TEST(VideoRelinking, AmongSeveralSameNamedFilesTheOneWithTheContentWins) {
    ProjectFolder folder;
    writeBytes(folder.file("clip.mp4"), recording(4));
    const Video clip = recordOf(7, folder.file("clip.mp4"));
    moveFile(folder.file("clip.mp4"), folder.file("b/clip.mp4"));
    put(folder.file("a/clip.mp4"), recording(5));  // sorted first, other content
    auto plan = planRelink({clip}, folder.path());
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->found.size(), 1u);
    EXPECT_EQ(QFileInfo(QString::fromStdString(plan->found[0].newPath)).dir().dirName(), QStringLiteral("b"));
}

TEST(VideoRelinking, VideosStoredWithoutAHashAreConfirmedBySize) {
    ProjectFolder folder;
    put(folder.file("moved/legacy.mp4"), recording(6, 5000));
    Video legacy{1, folder.file("legacy.mp4")};
    legacy.sizeBytes = 5000;
    auto plan = planRelink({legacy}, folder.file("moved"));
    ASSERT_TRUE(plan.ok());
    ASSERT_EQ(plan->found.size(), 1u);
    EXPECT_EQ(plan->found[0].confirmedBy, "size");
    legacy.sizeBytes = 4999;
    plan = planRelink({legacy}, folder.file("moved"));
    ASSERT_TRUE(plan.ok());
    EXPECT_TRUE(plan->found.empty());
    ASSERT_EQ(plan->notFound.size(), 1u);
    EXPECT_NE(plan->notFound[0].reason.find("another size"), std::string::npos);
}

TEST(VideoRelinking, BadFolderAndCancelAreErrors) {
    ProjectFolder folder;
    auto plan = planRelink({}, folder.file("no-such-folder"));
    ASSERT_FALSE(plan.ok());
    EXPECT_NE(plan.error().find("no-such-folder"), std::string::npos);
    RelinkOptions options;
    options.cancelRequested = [] { return true; };
    EXPECT_FALSE(planRelink({Video{1, folder.file("x.mp4")}}, folder.path(), options).ok());
}
