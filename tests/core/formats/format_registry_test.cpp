// The registry's progress points: cancelling an import rolls its transaction back, cancelling an
// export leaves no file; without a cancel both run to the end.

#include "core/formats/format_registry.h"

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "tests/core/formats/formats_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace actionlens;
using namespace actionlens::formats;
using namespace actionlens::fixtures;

namespace {

// Two videos with a segment and skeleton frames each, exported as native JSON to `json`.
void writeNativeSource(const TempDir& dir, const std::string& json) {
    auto store = newProject(dir, "source.alproj");
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
    const annotation::SkeletonLayout* coco = store->skeletonLayout("COCO-17");
    ASSERT_TRUE(coco);
    for (int v = 0; v < 2; ++v) {
        annotation::Video video{0, "", 0, 30.0, 50, 0, 0, "", "clip" + std::to_string(v), {"train"}};
        const std::int64_t videoId = store->insertVideo(video).value();
        const std::int64_t subjectId = store->insertSubject(annotation::Subject{0, "p" + std::to_string(v), {}}).value();
        ASSERT_TRUE(store->insertSegment(annotation::Segment{0, videoId, subjectId, 0, 20, {{"action", "squat"}}, "", 0, 0,
                                                             annotation::ReviewStatus::Unreviewed})
                        .ok());
        std::vector<annotation::SkeletonFrame> frames;
        for (int f = 0; f < 10; ++f)
            frames.push_back({videoId, subjectId, f, coco->id, annotation::PoseSource::Imported,
                              std::vector<annotation::Joint>(17, annotation::Joint{1.0f * f, 2.0f, 0.9f, true})});
        ASSERT_TRUE(store->insertSkeletonFrames(frames).ok());
    }
    Status exported = exportProject("native", *store, json);
    ASSERT_TRUE(exported.ok()) << exported.error();
}

}  // namespace

TEST(FormatRegistry, CancelledImportLeavesTheProjectAsItWas) {
    TempDir dir;
    const std::string json = dir.file("project.json");
    writeNativeSource(dir, json);
    auto store = newProject(dir, "target.alproj");
    ASSERT_TRUE(store);
    const auto before = store->counts().value();
    const size_t layoutsBefore = store->skeletonLayouts().size();

    int progressCalls = 0;
    ImportOptions options;
    options.progress = [&](std::int64_t, std::int64_t) { ++progressCalls; };
    options.cancelRequested = [&] { return progressCalls >= 1; };  // stop at the first progress point
    Status imported = importProject("native", json, *store, options);
    ASSERT_FALSE(imported.ok());
    // The format may put the file's name in front ("project.json: cancelled").
    EXPECT_NE(imported.error().find(kCancelledMessage), std::string::npos) << imported.error();
    EXPECT_EQ(progressCalls, 1);
    expectProjectUnchanged(*store, before, layoutsBefore);
    EXPECT_EQ(store->counts().value().segments, before.segments);

    // The same file without a cancel imports completely.
    options.cancelRequested = [] { return false; };
    imported = importProject("native", json, *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(store->counts().value().videos, 2);
    EXPECT_EQ(store->counts().value().skeletonFrames, 20);
}

TEST(FormatRegistry, CancelBeforeStartingDoesNothing) {
    TempDir dir;
    const std::string json = dir.file("project.json");
    writeNativeSource(dir, json);
    auto store = newProject(dir, "target.alproj");
    ASSERT_TRUE(store);
    bool progressed = false;
    ImportOptions options;
    options.progress = [&](std::int64_t, std::int64_t) { progressed = true; };
    options.cancelRequested = [] { return true; };
    Status imported = importProject("native", json, *store, options);
    ASSERT_FALSE(imported.ok());
    EXPECT_FALSE(progressed);
    EXPECT_EQ(store->counts().value().videos, 0);
}

TEST(FormatRegistry, CancelledExportLeavesNoFile) {
    TempDir dir;
    writeNativeSource(dir, dir.file("ignored.json"));
    auto store = annotation::ProjectStore::open(dir.file("source.alproj"));
    ASSERT_TRUE(store.ok()) << store.error();
    for (const char* format : {"native", "coco", "segments-csv", "elan", "cvat-video", "boris", "activitynet", "ava"}) {
        SCOPED_TRACE(format);
        const std::string out = dir.file(std::string("out.") + format);
        int calls = 0;
        ExportOptions options;
        options.progress = [&](std::int64_t, std::int64_t) { ++calls; };
        options.cancelRequested = [&] { return calls >= 1; };
        Status exported = exportProject(format, *store.value(), out, options);
        ASSERT_FALSE(exported.ok());
        EXPECT_NE(exported.error().find(kCancelledMessage), std::string::npos) << exported.error();
        EXPECT_GE(calls, 1);
        EXPECT_FALSE(std::filesystem::exists(out));
        EXPECT_FALSE(std::filesystem::exists(out + ".part"));

        options.cancelRequested = [] { return false; };
        exported = exportProject(format, *store.value(), out, options);
        ASSERT_TRUE(exported.ok()) << exported.error();
        EXPECT_TRUE(std::filesystem::exists(out));
    }
}

TEST(FormatRegistry, AnImportCanBeOneAnnotatorsLayer) {
    TempDir dir;
    const std::string json = dir.file("project.json");
    writeNativeSource(dir, json);
    auto store = newProject(dir, "target.alproj");
    ASSERT_TRUE(store);
    ImportOptions options;
    options.annotator = "bob";
    ASSERT_TRUE(importProject("native", json, *store, options).ok());
    // Again, as someone else: the first import's segments stay bob's.
    options.annotator = "cat";
    ASSERT_TRUE(importProject("native", json, *store, options).ok());
    std::vector<std::string> annotators;
    for (const annotation::Video& v : store->videos().value())
        for (const annotation::Segment& s : store->segmentsOfVideo(v.id).value()) annotators.push_back(s.annotator);
    std::sort(annotators.begin(), annotators.end());
    EXPECT_EQ(annotators, (std::vector<std::string>{"bob", "bob", "cat", "cat"}));
    options.annotator = "model:x.alm";
    const Status refused = importProject("native", json, *store, options);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("names a model"), std::string::npos) << refused.error();
    EXPECT_EQ(store->counts().value().segments, 4) << "the refused import left nothing";
}
