#include "core/privacy/project_anonymisation.h"

#include "core/annotation/project_store.h"
#include "core/media/video_file_source.h"
#include "tests/core/privacy/privacy_fixtures.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace actionlens::privacy {
namespace {

using fixtures::TempDir;

TEST(ProjectAnonymisation, BlurredCopiesAndAPseudonymisedProjectReferringToThem) {
    TempDir dir, out;
    auto project = fixtures::makePrivateProject(dir);
    AnonymiseOptions options;
    options.outputFolder = out.file("anon");
    options.detectFaces = false;
    auto summary = anonymiseProject(*project.store, options);
    ASSERT_TRUE(summary.ok()) << summary.error();
    ASSERT_EQ(summary->videos.size(), 2u);  // the skeleton-only record comes along without a file
    {
        auto copy = annotation::ProjectStore::openReadOnly(summary->projectPath);
        ASSERT_TRUE(copy.ok()) << copy.error();
        int withFile = 0;
        for (const annotation::Video& v : copy.value()->videos().value()) {
            if (v.path.empty()) continue;
            ++withFile;
            EXPECT_EQ(v.path, out.file("anon/videos/" + v.name + ".mp4"));
            auto decoded = media::VideoFileSource::open(v.path, fixtures::withoutIndexCache());
            ASSERT_TRUE(decoded.ok()) << decoded.error();
            EXPECT_EQ(decoded.value()->info().frameCount, fixtures::kPrivateFrames);
            EXPECT_EQ(v.frameCount, fixtures::kPrivateFrames);
            EXPECT_EQ(v.contentHash.rfind("sha256:", 0), 0u);
        }
        EXPECT_EQ(withFile, 1);
        EXPECT_EQ(copy.value()->counts()->segments, 2);
        EXPECT_EQ(copy.value()->counts()->skeletonFrames, fixtures::kPrivateFrames);
    }
    // Nothing in the folder names anyone or anywhere: the project file, the videos, their names.
    const std::string bytes = fixtures::allBytes(out.file("anon"));
    for (const std::string& original : fixtures::identifyingStrings(dir))
        EXPECT_EQ(bytes.find(original), std::string::npos) << "'" << original << "' in the anonymised folder";
}

TEST(ProjectAnonymisation, OneVideoAloneAndRefusalsLeaveNothing) {
    TempDir dir, out;
    auto project = fixtures::makePrivateProject(dir);
    AnonymiseOptions options;
    options.outputFolder = out.file("one");
    options.detectFaces = false;
    options.videoIds = {project.videoId};
    auto summary = anonymiseProject(*project.store, options);
    ASSERT_TRUE(summary.ok()) << summary.error();
    {
        auto copy = annotation::ProjectStore::openReadOnly(summary->projectPath).value();
        EXPECT_EQ(copy->counts()->videos, 1);
        EXPECT_EQ(copy->counts()->segments, 1);
    }
    auto again = anonymiseProject(*project.store, options);
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().find("exists"), std::string::npos) << again.error();

    options.outputFolder = out.file("none");
    options.videoIds = {999};
    auto unknown = anonymiseProject(*project.store, options);
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().find("999"), std::string::npos);

    options.videoIds = {};
    options.cancelled = [] { return true; };
    ASSERT_FALSE(anonymiseProject(*project.store, options).ok());
    EXPECT_FALSE(std::filesystem::exists(out.file("none/anonymised.alproj")));
    EXPECT_TRUE(!std::filesystem::exists(out.file("none/videos")) || std::filesystem::is_empty(out.file("none/videos")));
}

}  // namespace
}  // namespace actionlens::privacy
