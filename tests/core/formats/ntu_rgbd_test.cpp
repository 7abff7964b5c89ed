#include "core/formats/ntu_rgbd.h"

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"
#include "core/formats/ntu25_layout.h"
#include "tests/core/formats/formats_fixtures.h"
#include "tests/core/formats/ntu_test_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::fixtures;

namespace {

// Penn Action's classes plus NTU's class codes A005 and A008 and the name "drink water".
std::unique_ptr<ProjectStore> ntuProject(const TempDir& dir) {
    auto store = newProject(dir);
    if (!store) return nullptr;
    Taxonomy taxonomy = builtinTaxonomy("penn_action").value();
    for (const char* name : {"A005", "A008", "drink water"}) taxonomy.tasks[0].values.push_back(TaskValue{name, "gym exercise", "", "", ""});
    EXPECT_TRUE(store->setTaxonomy(taxonomy).ok());
    return store;
}

const std::string kBodyA = "72057594037931101";
const std::string kBodyB = "72057594037931155";

// Two frames: body A alone (joint 3 inferred, joint 24 not tracked), then A and B.
std::string twoBodySample() {
    return ntuSkeletonText({{NtuTestBody{kBodyA, 900, 300, 2, 3, 24}}, {NtuTestBody{kBodyA, 901, 301}, NtuTestBody{kBodyB, 500, 100}}});
}

std::vector<std::string> sorted(std::vector<std::string> lines) {
    std::sort(lines.begin(), lines.end());
    return lines;
}

}  // namespace

TEST(NtuRgbd, AFileBecomesAVideoWithABodyPerSubjectAndAWholeClipSegmentEach) {
    TempDir dir;
    auto store = ntuProject(dir);
    ASSERT_TRUE(store);
    const std::string file = dir.file("S001C002P003R001A005.skeleton");
    writeFileBytes(file, twoBodySample());
    Status imported = formats::importProject("ntu-rgbd", file, *store);
    ASSERT_TRUE(imported.ok()) << imported.error();

    auto videos = store->videos().value();
    ASSERT_EQ(videos.size(), 1u);
    const Video& video = videos[0];
    EXPECT_EQ(video.name, "S001C002P003R001A005");
    EXPECT_EQ(video.path, "");
    EXPECT_EQ(video.fps, 30.0);
    EXPECT_EQ(video.width, 1920);
    EXPECT_EQ(video.height, 1080);
    EXPECT_EQ(video.frameCount, 2);
    // Performer 3 is a cross-subject test performer; camera 2 is a cross-view training camera.
    EXPECT_EQ(video.splits, (std::vector<std::string>{"cs-test", "cv-train"}));

    const std::string a = "S001C002P003R001A005 body " + kBodyA, b = "S001C002P003R001A005 body " + kBodyB;
    EXPECT_EQ(sorted(segmentSummaries(*store)), sorted({"S001C002P003R001A005 | " + a + " | 0-1 | action=A005; |  | unreviewed | - | ",
                                                        "S001C002P003R001A005 | " + b + " | 0-1 | action=A005; |  | unreviewed | - | "}));

    const SkeletonLayout* layout = store->skeletonLayout(formats::kNtu25LayoutName);
    ASSERT_NE(layout, nullptr);
    EXPECT_EQ(layout->joints.size(), 25u);
    EXPECT_EQ(layout->joints[20], "spine");
    EXPECT_TRUE(validateSkeletonLayout(*layout).ok());
    const auto frames = allFrames(*store, video.id);
    ASSERT_EQ(frames.size(), 3u);
    const auto names = subjectNames(*store);
    EXPECT_EQ(frames[0].frame, 0);
    EXPECT_EQ(names.at(frames[0].subjectId), a);
    EXPECT_EQ(frames[0].layoutId, layout->id);
    EXPECT_EQ(frames[0].source, PoseSource::Imported);
    EXPECT_EQ(frames[0].joints[5], (Joint{905, 310, 1.0f, true}));
    EXPECT_EQ(frames[0].joints[3], (Joint{903, 306, 0.5f, true}));
    EXPECT_EQ(frames[0].joints[24], (Joint{924, 348, 0.0f, false}));
    EXPECT_EQ(frames[2].frame, 1);
    EXPECT_EQ(names.at(frames[2].subjectId), b);
    EXPECT_EQ(frames[2].joints[0], (Joint{500, 100, 1.0f, true}));
}

TEST(NtuRgbd, AFolderSkipsTheSamplesListedWithMissingSkeletonsWithAWarning) {
    TempDir dir;
    auto store = ntuProject(dir);
    ASSERT_TRUE(store);
    const std::string folder = dir.file("nturgb+d_skeletons");
    std::filesystem::create_directory(folder);
    writeFileBytes(folder + "/S001C001P001R001A008.skeleton", ntuSkeletonText({{NtuTestBody{kBodyA, 10, 10}}}));
    writeFileBytes(folder + "/S001C003P007R002A005.skeleton", twoBodySample());
    writeFileBytes(folder + "/S001C002P001R001A008.skeleton", "this file is broken\n");  // listed: never read
    writeFileBytes(folder + "/NTU_RGBD_samples_with_missing_skeletons.txt", "S001C002P001R001A008\nS017C003P020R002A060\n");
    std::vector<std::string> warnings;
    formats::ImportOptions options;
    options.warning = [&](const std::string& message) { warnings.push_back(message); };
    Status imported = formats::importProject("ntu-rgbd", folder, *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(warnings, std::vector<std::string>{"S001C002P001R001A008.skeleton: skipped, listed among the samples with missing skeletons"});
    auto videos = store->videos().value();
    ASSERT_EQ(videos.size(), 2u);
    std::map<std::string, std::vector<std::string>> splits;
    for (const Video& v : videos) splits[v.name] = v.splits;
    EXPECT_EQ(splits, (std::map<std::string, std::vector<std::string>>{{"S001C001P001R001A008", {"cs-train", "cv-test"}},
                                                                      {"S001C003P007R002A005", {"cs-test", "cv-train"}}}));
    EXPECT_EQ(store->counts().value().segments, 3);
    // One NTU-25 layout for the whole import.
    EXPECT_EQ(std::count_if(store->skeletonLayouts().begin(), store->skeletonLayouts().end(),
                            [](const SkeletonLayout& l) { return l.name == formats::kNtu25LayoutName; }), 1);
}

TEST(NtuRgbd, AnActionsFileNamesTheClasses) {
    TempDir dir;
    auto store = ntuProject(dir);
    ASSERT_TRUE(store);
    writeFileBytes(dir.file(formats::kNtuActionNamesFileName), "A1. drink water.\nA2. eat meal/snack.\n");
    const std::string file = dir.file("S002C001P002R002A001.skeleton");
    writeFileBytes(file, ntuSkeletonText({{NtuTestBody{kBodyA, 10, 10}}}));
    Status imported = formats::importProject("ntu-rgbd", file, *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(segmentSummaries(*store), std::vector<std::string>{"S002C001P002R002A001 | S002C001P002R002A001 body " + kBodyA +
                                                                 " | 0-0 | action=drink water; |  | unreviewed | - | "});
}

// A brand-new project has no NTU classes: the import adds A001-A120 under their published names
// and groups; a project with some of them (by code or name) gets only the ones it lacks.
TEST(NtuRgbd, AProjectWithoutTheClassesGetsNtusPublishedClasses) {
    TempDir dir;
    auto fresh = newProject(dir, "fresh.alproj");
    ASSERT_TRUE(fresh);
    const std::string file = dir.file("S001C001P001R001A009.skeleton");
    writeFileBytes(file, ntuSkeletonText({{NtuTestBody{kBodyA, 10, 10}}}));
    Status imported = formats::importProject("ntu-rgbd", file, *fresh);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const TaskDefinition* action = fresh->taxonomy().actionTask();
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->values.size(), 120u);
    EXPECT_EQ(action->values.front().name, "drink water");
    EXPECT_EQ(action->values[49].name, "punching/slapping other person");
    EXPECT_EQ(action->values[49].group, "mutual actions");
    EXPECT_EQ(action->values.back().name, "finger-guessing game (playing rock-paper-scissors)");
    EXPECT_EQ(action->groups.size(), 3u);
    EXPECT_EQ(segmentSummaries(*fresh), std::vector<std::string>{"S001C001P001R001A009 | S001C001P001R001A009 body " + kBodyA +
                                                                 " | 0-0 | action=standing up (from sitting position); |  | unreviewed | - | "});

    // The test project has A005, A008 and "drink water" (A001): those stay and are used, the rest come.
    TempDir other;
    auto store = ntuProject(other);
    ASSERT_TRUE(store);
    const size_t before = store->taxonomy().actionTask()->values.size();
    writeFileBytes(other.file("S001C001P001R001A009.skeleton"), ntuSkeletonText({{NtuTestBody{kBodyA, 10, 10}}}));
    writeFileBytes(other.file("S001C001P001R001A001.skeleton"), ntuSkeletonText({{NtuTestBody{kBodyA, 10, 10}}}));
    ASSERT_TRUE(formats::importProject("ntu-rgbd", other.path(), *store).ok());
    EXPECT_EQ(store->taxonomy().actionTask()->values.size(), before + 117);
    const auto summaries = sorted(segmentSummaries(*store));
    ASSERT_EQ(summaries.size(), 2u);
    EXPECT_NE(summaries[0].find("action=drink water;"), std::string::npos) << summaries[0];
    // With every class there already, the taxonomy is left alone.
    const Taxonomy now = store->taxonomy();
    std::filesystem::create_directories(other.file("more"));
    writeFileBytes(other.file("more/S001C001P001R002A005.skeleton"), ntuSkeletonText({{NtuTestBody{kBodyA, 10, 10}}}));
    ASSERT_TRUE(formats::importProject("ntu-rgbd", other.file("more/S001C001P001R002A005.skeleton"), *store).ok());
    EXPECT_EQ(store->taxonomy(), now);
}

TEST(NtuRgbd, ARefusedFileNamesItselfAndLeavesTheProjectAsItWas) {
    TempDir dir;
    const std::string body = ntuSkeletonText({{NtuTestBody{kBodyA, 10, 10}}});
    const std::pair<std::pair<std::string, std::string>, std::string> cases[] = {
        {{"S001C001P001R001A121.skeleton", body}, "S001C001P001R001A121.skeleton: class A121 is not a value of the taxonomy's action task 'action'"},
        {{"clip.skeleton", body}, "clip.skeleton: the name is not an NTU sample"},
        {{"S001C001P001R001A005.skeleton", "1\n1\n"}, "S001C001P001R001A005.skeleton line 3: the file ends where a body"},
        {{"S001C001P001R001A005.skeleton", "2\n0\nx\n"}, "S001C001P001R001A005.skeleton line 3: the body count of frame 2 'x' is not a whole number from 0"},
    };
    for (const auto& [input, expected] : cases) {
        SCOPED_TRACE(expected);
        TempDir caseDir;
        auto store = ntuProject(caseDir);
        ASSERT_TRUE(store);
        const auto before = store->counts().value();
        const size_t layoutsBefore = store->skeletonLayouts().size();
        writeFileBytes(caseDir.file(input.first), input.second);
        Status refused = formats::importProject("ntu-rgbd", caseDir.file(input.first), *store);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().rfind(expected, 0), 0u) << refused.error();
        expectProjectUnchanged(*store, before, layoutsBefore);
        EXPECT_EQ(store->counts().value().segments, before.segments);
    }
}

TEST(NtuRgbd, ABadFileAfterAGoodOneInAFolderImportsNothing) {
    TempDir dir;
    auto store = ntuProject(dir);
    ASSERT_TRUE(store);
    const std::string folder = dir.file("skeletons");
    std::filesystem::create_directory(folder);
    writeFileBytes(folder + "/S001C001P001R001A005.skeleton", twoBodySample());
    writeFileBytes(folder + "/S001C001P001R002A005.skeleton", "1\n1\n7 0 1 1 1 1 0 0 0 2\n24\n");
    const auto before = store->counts().value();
    Status refused = formats::importProject("ntu-rgbd", folder, *store);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error(), "S001C001P001R002A005.skeleton line 4: the body has 24 joints, expected 25");
    expectCountsUnchanged(*store, before);
    EXPECT_EQ(store->videos().value().size(), 0u);
}
