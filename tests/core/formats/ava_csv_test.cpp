#include "core/formats/ava_csv.h"

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/ava_label_map.h"
#include "core/formats/format_registry.h"
#include "core/formats/subject_boxes.h"
#include "tests/core/formats/formats_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::fixtures;

namespace {

// Penn Action's classes plus two named by AVA ids, for files read without a label map.
Taxonomy avaTaxonomy() {
    Taxonomy taxonomy = builtinTaxonomy("penn_action").value();
    taxonomy.tasks[0].values.push_back(TaskValue{"12", "gym exercise", "", "", ""});
    taxonomy.tasks[0].values.push_back(TaskValue{"80", "gym exercise", "", "", ""});
    return taxonomy;
}

// A project with the skeleton-only video "clip" (30 fps, 300 frames, 640x480).
std::unique_ptr<ProjectStore> avaProject(const TempDir& dir) {
    auto store = newProject(dir);
    if (!store) return nullptr;
    EXPECT_TRUE(store->setTaxonomy(avaTaxonomy()).ok());
    EXPECT_TRUE(store->insertVideo(Video{0, "", 0, 30.0, 300, 640, 480, "", "clip", {}}).ok());
    return store;
}

std::vector<std::string> sorted(std::vector<std::string> lines) {
    std::sort(lines.begin(), lines.end());
    return lines;
}

Segment segment(std::int64_t video, std::int64_t subject, std::int64_t first, std::int64_t last, const std::string& action,
                const std::string& annotator = "") {
    Segment s;
    s.videoId = video;
    s.subjectId = subject;
    s.firstFrame = first;
    s.lastFrame = last;
    s.labels = {{"action", action}};
    s.annotator = annotator;
    return s;
}

}  // namespace

TEST(AvaCsv, EachRunOfAPersonsKeyframesWithAnActionBecomesOneSegment) {
    TempDir dir;
    auto store = avaProject(dir);
    ASSERT_TRUE(store);
    const std::string csv = dir.file("ava.csv");
    writeFileBytes(csv,
                   "clip,0002,0.1,0.2,0.3,0.4,12,1\n"
                   "clip,0003,0.1,0.2,0.3,0.4,12,1\n"
                   "clip,0003,0.1,0.2,0.3,0.4,80,1\n"
                   "clip,0004,0.1,0.2,0.3,0.4,12,1\n"
                   "clip,0005,0.1,0.2,0.3,0.4,80,1\n"  // the person's keyframe at 5 s lacks 12: its run ends
                   "clip,0006,0.1,0.2,0.3,0.4,12,1\n"
                   "clip,0003,0.5,0.2,0.9,1.0,12,2\n");
    Status imported = formats::importProject("ava", csv, *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(sorted(segmentSummaries(*store)), sorted({
        "clip | clip person 1 | 60-149 | action=12; |  | unreviewed | - | ",
        "clip | clip person 1 | 90-119 | action=80; |  | unreviewed | - | ",
        "clip | clip person 1 | 150-179 | action=80; |  | unreviewed | - | ",
        "clip | clip person 1 | 180-209 | action=12; |  | unreviewed | - | ",
        "clip | clip person 2 | 90-119 | action=12; |  | unreviewed | - | ",
    }));
}

TEST(AvaCsv, ALabelMapBesideTheCsvNamesTheActionIds) {
    TempDir dir;
    auto store = avaProject(dir);
    ASSERT_TRUE(store);
    writeFileBytes(dir.file(formats::kAvaLabelMapFileName), "item {\n  name: \"squat\"\n  id: 12\n}\n");
    const std::string csv = dir.file("ava.csv");
    writeFileBytes(csv, "clip,0001,0.1,0.2,0.3,0.4,12,7\n");
    Status imported = formats::importProject("ava", csv, *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(segmentSummaries(*store), std::vector<std::string>{"clip | clip person 7 | 30-59 | action=squat; |  | unreviewed | - | "});

    // An id the map lacks is refused even when a class is named by the number.
    writeFileBytes(csv, "clip,0001,0.1,0.2,0.3,0.4,12,7\nclip,0002,0.1,0.2,0.3,0.4,80,7\n");
    const auto before = store->counts().value();
    Status refused = formats::importProject("ava", csv, *store);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error(), "ava.csv line 2: action_id 80 is not in actions.pbtxt");
    expectCountsUnchanged(*store, before);
}

TEST(AvaCsv, AKeyframeRunPastTheVideoIsCutWithAWarning) {
    TempDir dir;
    auto store = avaProject(dir);
    ASSERT_TRUE(store);
    const std::string csv = dir.file("ava.csv");
    // 280 frames at 30 fps: the keyframe at 9 s starts at frame 270, its second would end at 299.
    ASSERT_TRUE(store->insertVideo(Video{0, "", 0, 30.0, 280, 640, 480, "", "short", {}}).ok());
    writeFileBytes(csv, "short,0009,0.1,0.2,0.3,0.4,80,1\nshort,0009,0.1,0.2,0.3,0.4,12,1\n");
    std::vector<std::string> warnings;
    formats::ImportOptions options;
    options.warning = [&](const std::string& message) { warnings.push_back(message); };
    Status imported = formats::importProject("ava", csv, *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(sorted(segmentSummaries(*store)), sorted({"short | short person 1 | 270-279 | action=12; |  | unreviewed | - | ",
                                                        "short | short person 1 | 270-279 | action=80; |  | unreviewed | - | "}));
    // Each warning names the row of its own action.
    EXPECT_EQ(sorted(warnings), sorted({"ava.csv line 1: '80' of short person 1 runs past the video; cut at its last frame 279",
                                        "ava.csv line 2: '12' of short person 1 runs past the video; cut at its last frame 279"}));
}

TEST(AvaCsv, MalformedRowsNameLineAndFieldAndImportNothing) {
    const std::string good = "clip,0001,0.1,0.2,0.3,0.4,12,1\n";
    const std::pair<std::string, std::string> cases[] = {
        {"clip,0002,0.1,0.2,0.3,0.4,12\n", "ava.csv line 2: 7 fields, expected 8"},
        {"clip,abc,0.1,0.2,0.3,0.4,12,1\n", "ava.csv line 2: middle_frame_timestamp 'abc' is not a time in seconds from 0"},
        {"clip,2.5,0.1,0.2,0.3,0.4,12,1\n", "ava.csv line 2: middle_frame_timestamp '2.5' is not a whole second"},
        {"clip,0002,0.5,0.2,0.1,0.4,12,1\n", "ava.csv line 2: x2 0.1 is not after x1 0.5"},
        {"clip,0002,0.1,0.4,0.3,0.4,12,1\n", "ava.csv line 2: y2 0.4 is not below y1 0.4"},
        {"clip,0002,0.1,0.2,0.3,1.5,12,1\n", "ava.csv line 2: y2 '1.5' is not a number from 0 to 1"},
        {"clip,0002,0.1,0.2,0.3,0.4,x,1\n", "ava.csv line 2: action_id 'x' is not a whole number from 1"},
        {"clip,0002,0.1,0.2,0.3,0.4,12,-1\n", "ava.csv line 2: person_id '-1' is not a whole number from 0"},
        {"clip,0002,0.1,0.2,0.3,0.4,99,1\n", "ava.csv line 2: action_id 99: '99' is not a class of task 'action'"},
        {"other,0002,0.1,0.2,0.3,0.4,12,1\n", "ava.csv line 2: video_id: "},
        {"clip,0010,0.1,0.2,0.3,0.4,12,1\n", "ava.csv line 2: middle_frame_timestamp 10 s lies past the video's last frame 299"},
        {"clip,1" + std::string(108, '0') + ",0.1,0.2,0.3,0.4,12,1\n", "ava.csv line 2: middle_frame_timestamp '1000"},
    };
    for (const auto& [bad, expected] : cases) {
        SCOPED_TRACE(bad);
        TempDir dir;
        auto store = avaProject(dir);
        ASSERT_TRUE(store);
        const auto before = store->counts().value();
        const std::string csv = dir.file("ava.csv");
        writeFileBytes(csv, good + bad);
        Status refused = formats::importProject("ava", csv, *store);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().rfind(expected, 0), 0u) << refused.error();
        expectCountsUnchanged(*store, before);
    }
    // Nothing at all is no AVA file either (found by the bad-input sweep: it read as zero rows).
    TempDir dir;
    auto store = avaProject(dir);
    ASSERT_TRUE(store);
    writeFileBytes(dir.file("ava.csv"), "");
    Status empty = formats::importProject("ava", dir.file("ava.csv"), *store);
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().rfind("ava.csv has no rows", 0), 0u) << empty.error();
    EXPECT_FALSE(formats::exportProject("ava", *store, dir.file("out.csv")).ok()) << "a project without segments has no rows";
}

TEST(AvaCsv, ExportWritesARowPerWholeSecondAndReadsBackToTheSameSegments) {
    TempDir dir;
    auto source = newProject(dir, "source.alproj");
    ASSERT_TRUE(source);
    ASSERT_TRUE(source->setTaxonomy(avaTaxonomy()).ok());
    const std::int64_t clip = source->insertVideo(Video{0, "", 0, 25.0, 250, 640, 480, "", "clip", {}}).value();
    const std::int64_t alice = source->insertSubject(Subject{0, "clip person 3", {}}).value();
    const std::int64_t bob = source->insertSubject(Subject{0, "bob", {}}).value();
    // Alice's skeleton at frame 25 (1 s): joints at (64, 48) and (320, 240), a hidden one far out.
    const std::int64_t coco = source->skeletonLayout("COCO-17")->id;
    std::vector<Joint> joints(17, Joint{600, 470, 0, false});
    joints[0] = Joint{64, 48, 1, true};
    joints[1] = Joint{320, 240, 1, true};
    ASSERT_TRUE(source->insertSkeletonFrames({SkeletonFrame{clip, alice, 25, coco, PoseSource::Imported, joints, std::nullopt}}).ok());
    for (const Segment& s : {segment(clip, alice, 0, 49, "squat"),                  // 0 s and 1 s
                             segment(clip, alice, 25, 74, "12"),                    // 1 s and 2 s, beside squat
                             segment(clip, bob, 100, 124, "squat"),                 // 4 s
                             segment(clip, bob, 150, 174, "squat", "model:m.alm"),  // a prediction: left out
                             segment(clip, 0, 200, 224, "squat")})                  // no subject: left out
        ASSERT_TRUE(source->insertSegment(s).ok());

    const std::string csv = dir.file("out.csv");
    Status exported = formats::exportProject("ava", *source, csv);
    ASSERT_TRUE(exported.ok()) << exported.error();
    // Action ids are places in the action task: find squat's and "12"'s.
    const auto& values = source->taxonomy().tasks[0].values;
    auto place = [&](const std::string& name) {
        return std::to_string(std::find_if(values.begin(), values.end(), [&](const TaskValue& v) { return v.name == name; }) - values.begin() + 1);
    };
    const std::string squat = place("squat"), twelve = place("12");
    EXPECT_EQ(readFileBytes(csv), "clip,0000,0.000,0.000,1.000,1.000," + squat + ",3\n"
                                  "clip,0001,0.100,0.100,0.500,0.500," + squat + ",3\n"
                                  "clip,0001,0.100,0.100,0.500,0.500," + twelve + ",3\n"
                                  "clip,0002,0.000,0.000,1.000,1.000," + twelve + ",3\n"
                                  "clip,0004,0.000,0.000,1.000,1.000," + squat + "," + std::to_string(bob) + "\n");
    auto labels = formats::parseAvaLabelMap(readFileBytes(dir.file(formats::kAvaLabelMapFileName)), "actions.pbtxt");
    ASSERT_TRUE(labels.ok()) << labels.error();
    EXPECT_EQ(labels->size(), values.size());
    EXPECT_EQ(labels->at(std::stoi(squat)), "squat");
    EXPECT_FALSE(std::filesystem::exists(dir.file(std::string(formats::kAvaLabelMapFileName) + ".part")));

    auto target = emptyProjectLike(*source, dir, "target.alproj");
    ASSERT_TRUE(target);
    ASSERT_TRUE(target->insertSubject(Subject{0, "clip person " + std::to_string(bob), {}}).ok());
    Status imported = formats::importProject("ava", csv, *target);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(sorted(segmentSummaries(*target)), sorted({
        "clip | clip person 3 | 0-49 | action=squat; |  | unreviewed | - | ",
        "clip | clip person 3 | 25-74 | action=12; |  | unreviewed | - | ",
        "clip | clip person " + std::to_string(bob) + " | 100-124 | action=squat; |  | unreviewed | - | ",
    }));
}

// AVA's boxes are the person's box at each keyframe: kept as the subject's box in that frame (on
// its skeleton frame there, else a box-only frame) and written back, so a file reads back to the
// same rows, boxes included.
TEST(AvaCsv, BoxesAreKeptAsTheSubjectsBoxesAndWrittenBack) {
    TempDir dir;
    auto store = avaProject(dir);
    ASSERT_TRUE(store);
    const std::int64_t clip = store->videos()->front().id;
    // Person 1 already has a pose at 3 s (frame 90): the box joins it.
    const std::int64_t person1 = store->insertSubject(Subject{0, "clip person 1", {}}).value();
    const std::int64_t coco = store->skeletonLayout("COCO-17")->id;
    std::vector<Joint> joints(17, Joint{100, 100, 1, true});
    ASSERT_TRUE(store->insertSkeletonFrames({SkeletonFrame{clip, person1, 90, coco, PoseSource::Manual, joints, std::nullopt}}).ok());
    const std::string rows = "clip,0002,0.125,0.250,0.375,0.500,12,1\n"
                             "clip,0003,0.100,0.200,0.300,0.400,12,1\n"
                             "clip,0003,0.500,0.200,0.900,1.000,12,2\n";
    writeFileBytes(dir.file("ava.csv"), rows);
    Status imported = formats::importProject("ava", dir.file("ava.csv"), *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    auto frames = allFrames(*store, clip);
    ASSERT_EQ(frames.size(), 3u);
    EXPECT_EQ(frames[0].frame, 60);
    ASSERT_TRUE(frames[0].box.has_value());
    EXPECT_EQ(*frames[0].box, (SubjectBox{80, 120, 160, 120})) << "0.125 x 640, 0.25 x 480, ...";
    EXPECT_TRUE(formats::isBoxOnly(frames[0]));
    EXPECT_EQ(frames[1].frame, 90);
    EXPECT_EQ(frames[1].subjectId, person1);
    EXPECT_EQ(frames[1].joints, joints) << "the pose there is kept";
    ASSERT_TRUE(frames[1].box.has_value());
    EXPECT_NEAR(frames[1].box->x, 64, 1e-3);
    EXPECT_NEAR(frames[1].box->height, 96, 1e-3);
    EXPECT_FALSE(formats::isBoxOnly(frames[1]));
    ASSERT_TRUE(frames[2].box.has_value());
    EXPECT_NEAR(frames[2].box->width, 256, 1e-3);

    // Exported again: the same boxes (the label map renumbers the actions).
    ASSERT_TRUE(formats::exportProject("ava", *store, dir.file("out.csv")).ok());
    const std::string out = readFileBytes(dir.file("out.csv"));
    const auto& values = store->taxonomy().tasks[0].values;
    const std::string twelve =
        std::to_string(std::find_if(values.begin(), values.end(), [](const TaskValue& v) { return v.name == "12"; }) - values.begin() + 1);
    EXPECT_EQ(out, "clip,0002,0.125,0.250,0.375,0.500," + twelve + ",1\n"
                   "clip,0003,0.100,0.200,0.300,0.400," + twelve + ",1\n"
                   "clip,0003,0.500,0.200,0.900,1.000," + twelve + ",2\n");

    // Read into a fresh project: the same boxes, as box-only frames.
    auto target = emptyProjectLike(*store, dir, "target.alproj");
    ASSERT_TRUE(target);
    ASSERT_TRUE(formats::importProject("ava", dir.file("out.csv"), *target).ok());
    auto again = allFrames(*target, target->videos()->front().id);
    ASSERT_EQ(again.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(again[i].frame, frames[i].frame);
        ASSERT_TRUE(again[i].box.has_value());
        EXPECT_NEAR(again[i].box->x, frames[i].box->x, 1e-3);
        EXPECT_NEAR(again[i].box->width, frames[i].box->width, 1e-3);
        EXPECT_TRUE(formats::isBoxOnly(again[i]));
    }
}
