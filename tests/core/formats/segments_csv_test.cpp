#include "core/formats/segments_csv.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"
#include "tests/core/formats/formats_fixtures.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::annotation;

namespace {

std::string inDir(const QTemporaryDir& dir, const std::string& name) { return dir.filePath(QString::fromStdString(name)).toStdString(); }

std::string readAll(const std::string& path) {
    QFile f(QString::fromStdString(path));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return f.readAll().toStdString();
}

}  // namespace

TEST(SegmentsCsv, QuotesFieldsAsRfc4180) {
    EXPECT_EQ(formats::csvRecord({"plain", "a,b", "say \"hi\"", "two\nlines", "", "é"}),
              "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,é");
}

TEST(SegmentsCsv, OneRowPerSegmentWithTasksGroupAndTimes) {
    QTemporaryDir dir;
    auto created = ProjectStore::create(inDir(dir, "p.alproj"));
    ASSERT_TRUE(created.ok()) << created.error();
    ProjectStore& store = *created.value();

    // Penn Action with a viewpoint value holding a comma and a per-subject task, which gets no
    // column (it is not a segment label).
    Taxonomy taxonomy = builtinTaxonomy("penn_action").value();
    for (TaskDefinition& task : taxonomy.tasks)
        if (task.name == "viewpoint") task.values.push_back(TaskValue{"front, low", "", "", ""});
    TaskDefinition handedness;
    handedness.name = "handedness";
    handedness.scope = TaskScope::Subject;
    handedness.values = {TaskValue{"left", "", "", ""}};
    taxonomy.tasks.push_back(handedness);
    ASSERT_TRUE(store.setTaxonomy(taxonomy).ok());

    ASSERT_TRUE(store.insertVideo(Video{0, inDir(dir, "a b.mp4"), 1, 25.0, 500, 64, 48, "", "", {}}).ok());
    ASSERT_TRUE(store.insertVideo(Video{0, "", 0, 0.0, 0, 0, 0, "", "0002", {}}).ok());
    ASSERT_TRUE(store.insertSubject(Subject{0, "Smith, J", {{"handedness", "left"}}}).ok());
    auto add = [&](Segment s) { ASSERT_TRUE(store.insertSegment(s).ok()); };
    add(Segment{0, 1, 0, 50, 74, {{"action", "tennis_serve"}}, "bob", 1, 1, ReviewStatus::Accepted, 0.8125, "model:run 2.alm"});
    add(Segment{0, 1, 1, 0, 24, {{"action", "squat"}, {"viewpoint", "front, low"}}, "ann \"x\"", 1, 1, ReviewStatus::Accepted});
    add(Segment{0, 2, 1, 3, 5, {{"action", "jump_rope"}, {"viewpoint", "back"}}, "line1\nline2", 1, 1, ReviewStatus::Rejected});

    const std::string out = inDir(dir, "segments.csv");
    Status s = formats::exportProject("segments-csv", store, out);
    ASSERT_TRUE(s.ok()) << s.error();
    EXPECT_EQ(readAll(out),
              "segment_id,video_id,video,subject,first_frame,last_frame,start_s,end_s,action,viewpoint,group,annotator,review,"
              "confidence,source\r\n"
              "2,1,a b.mp4,\"Smith, J\",0,24,0.000,1.000,squat,\"front, low\",gym exercise,\"ann \"\"x\"\"\",accepted,,\r\n"
              "1,1,a b.mp4,,50,74,2.000,3.000,tennis_serve,,swing / throw,bob,accepted,0.8125,model:run 2.alm\r\n"
              "3,2,0002,\"Smith, J\",3,5,,,jump_rope,back,music / rhythmic,\"line1\nline2\",rejected,,\r\n");
}

TEST(SegmentsCsv, AGroupOnlySegmentHasItsGroupAndNoAction) {
    QTemporaryDir dir;
    auto created = ProjectStore::create(inDir(dir, "p.alproj"));
    ASSERT_TRUE(created.ok()) << created.error();
    ProjectStore& store = *created.value();
    Taxonomy taxonomy = builtinTaxonomy("penn_action").value();
    taxonomy.tasks[0].groups[1].allowsGroupOnly = true;  // gym exercise
    ASSERT_TRUE(store.setTaxonomy(taxonomy).ok());
    ASSERT_TRUE(store.insertVideo(Video{0, "", 0, 0.0, 0, 0, 0, "", "v", {}}).ok());
    ASSERT_TRUE(store.insertSegment(Segment{0, 1, 0, 0, 9, {{kGroupOnlyLabelKey, "gym exercise"}}, "", 1, 1, ReviewStatus::Unreviewed}).ok());
    const std::string out = inDir(dir, "segments.csv");
    ASSERT_TRUE(formats::exportProject("segments-csv", store, out).ok());
    EXPECT_EQ(readAll(out),
              "segment_id,video_id,video,subject,first_frame,last_frame,start_s,end_s,action,viewpoint,group,annotator,review,"
              "confidence,source\r\n"
              "1,1,v,,0,9,,,,,gym exercise,,unreviewed,,\r\n");
}

namespace {

// Penn Action whose gym exercises may stand alone, with a viewpoint value that needs quoting.
Taxonomy roundTripTaxonomy() {
    Taxonomy taxonomy = builtinTaxonomy("penn_action").value();
    taxonomy.tasks[0].groups[1].allowsGroupOnly = true;  // gym exercise
    for (TaskDefinition& task : taxonomy.tasks)
        if (task.name == "viewpoint") task.values.push_back(TaskValue{"front, \"low\"", "", "", ""});
    return taxonomy;
}

// Two videos (one with a file, one skeleton-only), subjects whose names need quoting, and
// segments of every kind: labelled fully, group-only, without a subject, a model's prediction,
// an accepted one with its source, a rejected one.
std::unique_ptr<ProjectStore> segmentsSource(const fixtures::TempDir& dir) {
    auto store = fixtures::newProject(dir, "source.alproj");
    if (!store) return nullptr;
    EXPECT_TRUE(store->setTaxonomy(roundTripTaxonomy()).ok());
    const std::int64_t a = store->insertVideo(Video{0, dir.file("clip a.mp4"), 1, 29.97, 300, 64, 48, "", "", {}}).value();
    const std::int64_t b = store->insertVideo(Video{0, "", 0, 30.0, 100, 0, 0, "", "0002", {}}).value();
    const std::int64_t smith = store->insertSubject(Subject{0, "Smith, \"J\"", {}}).value();
    const std::int64_t lee = store->insertSubject(Subject{0, "lee", {}}).value();
    auto add = [&](Segment s) {
        auto id = store->insertSegment(s);
        EXPECT_TRUE(id.ok()) << id.error();
    };
    add(Segment{0, a, smith, 0, 24, {{"action", "squat"}, {"viewpoint", "front, \"low\""}}, "ann 1", 1, 1, ReviewStatus::Accepted});
    add(Segment{0, a, lee, 10, 40, {{kGroupOnlyLabelKey, "gym exercise"}}, "line1\nline2", 1, 1, ReviewStatus::Unreviewed});
    add(Segment{0, a, 0, 50, 74, {{"action", "bowl"}}, "model:run 2.alm", 1, 1, ReviewStatus::Unreviewed, 0.8125});
    add(Segment{0, a, lee, 80, 99, {{"action", "bowl"}}, "ann 2", 1, 1, ReviewStatus::Accepted, 0.5, "model:run 2.alm"});
    add(Segment{0, b, smith, 3, 5, {{"action", "jump_rope"}, {"viewpoint", "back"}}, "", 1, 1, ReviewStatus::Rejected});
    add(Segment{0, b, 0, 90, 99, {}, "ann 1", 1, 1, ReviewStatus::Unreviewed});
    return store;
}

const char* kCsvHeader =
    "segment_id,video_id,video,subject,first_frame,last_frame,start_s,end_s,action,viewpoint,group,annotator,review,"
    "confidence,source\r\n";

}  // namespace

TEST(SegmentsCsv, ExportedSegmentsImportBackIntoAProjectWithTheSameTaxonomyAndVideos) {
    fixtures::TempDir dir;
    auto source = segmentsSource(dir);
    ASSERT_TRUE(source);
    const std::string csv = dir.file("segments.csv");
    Status exported = formats::exportProject("segments-csv", *source, csv);
    ASSERT_TRUE(exported.ok()) << exported.error();

    auto target = fixtures::emptyProjectLike(*source, dir, "target.alproj");
    ASSERT_TRUE(target);
    Status imported = formats::importProject("segments-csv", csv, *target);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const std::vector<std::string> expected = fixtures::segmentSummaries(*source);
    ASSERT_EQ(expected.size(), 6u);
    EXPECT_EQ(fixtures::segmentSummaries(*target), expected);
    EXPECT_EQ(fixtures::subjectNames(*target).size(), 2u) << "subjects are created once by name";

    // Into a project that already has the subjects, the rows join them instead of adding more.
    imported = formats::importProject("segments-csv", csv, *target);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(fixtures::subjectNames(*target).size(), 2u);
    EXPECT_EQ(target->counts().value().segments, 12);
}

TEST(SegmentsCsv, ColumnsAreFoundByNameAndOptionalOnesMayBeMissing) {
    fixtures::TempDir dir;
    auto source = segmentsSource(dir);
    ASSERT_TRUE(source);
    auto target = fixtures::emptyProjectLike(*source, dir, "target.alproj");
    ASSERT_TRUE(target);
    // A hand-written file: no ids, no times, columns in another order, LF line ends.
    fixtures::writeFileBytes(dir.file("hand.csv"), "last_frame,action,first_frame,video\n20,golf_swing,10,clip a.mp4\n");
    Status imported = formats::importProject("segments-csv", dir.file("hand.csv"), *target);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(fixtures::segmentSummaries(*target),
              (std::vector<std::string>{dir.file("clip a.mp4") + " | - | 10-20 | action=golf_swing; |  | unreviewed | - | "}));
}

TEST(SegmentsCsv, MalformedRowsNameFileLineAndColumnAndChangeNothing) {
    fixtures::TempDir dir;
    auto source = segmentsSource(dir);
    ASSERT_TRUE(source);
    auto target = fixtures::emptyProjectLike(*source, dir, "target.alproj");
    ASSERT_TRUE(target);
    // A good first row, so a refusal must also undo what came before it.
    const std::string good = "1,1,clip a.mp4,newcomer,0,9,,,squat,,gym exercise,ann,accepted,,\r\n";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {good + "2,1,clip a.mp4,,0,9,,,moonwalk,,,,,,\r\n", "bad.csv line 3, action: 'moonwalk' is not a value of task 'action'"},
        {good + "2,1,other.mp4,,0,9,,,squat,,,,,,\r\n", "bad.csv line 3, video: no video of the project is named 'other.mp4'"},
        {good + "2,1,clip a.mp4,,9,3,,,squat,,,,,,\r\n", "bad.csv line 3: last_frame 3 is before first_frame 9"},
        {good + "2,1,clip a.mp4,,x,9,,,squat,,,,,,\r\n", "bad.csv line 3, first_frame: 'x' is not a frame number"},
        {good + "2,1,clip a.mp4,,0,9,,,squat,,,,maybe,,\r\n", "bad.csv line 3, review: 'maybe' is not unreviewed, accepted or rejected"},
        {good + "2,1,clip a.mp4,,0,9,,,squat,,,,,1.5,\r\n", "bad.csv line 3, confidence: '1.5' is not a number from 0 to 1"},
        {good + "2,1,clip a.mp4,,0,9,,,squat,,music / rhythmic,,,,\r\n", "bad.csv line 3, group: 'music / rhythmic' is not the group of action 'squat'"},
        {good + "2,1,clip a.mp4,,0,9,,,,,swing / throw,,,,\r\n", "bad.csv line 3, group: class group 'swing / throw' needs an action"},
        {good + "2,1,clip a.mp4,,0,300,,,squat,,,,,,\r\n", "bad.csv line 3: segment ends at frame 300 but the video has 300 frames"},
        {good + "2,1,clip a.mp4,,0,9,,,squat\r\n", "bad.csv line 3: 9 fields, the header has 15"},
        {good + "2,1,\"clip a.mp4,,0,9,,,squat,,,,,,\r\n", "bad.csv line 3: a quoted field is not closed"},
    };
    for (const auto& [rows, message] : cases) {
        SCOPED_TRACE(message);
        fixtures::writeFileBytes(dir.file("bad.csv"), kCsvHeader + rows);
        const auto before = target->counts().value();
        Status imported = formats::importProject("segments-csv", dir.file("bad.csv"), *target);
        ASSERT_FALSE(imported.ok());
        EXPECT_EQ(imported.error().rfind(message, 0), 0u) << imported.error();
        fixtures::expectCountsUnchanged(*target, before);
    }
    // The header is checked against the project's taxonomy.
    fixtures::writeFileBytes(dir.file("bad.csv"), "video,first_frame,last_frame,mood\r\nclip a.mp4,0,9,happy\r\n");
    Status imported = formats::importProject("segments-csv", dir.file("bad.csv"), *target);
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error(),
              "bad.csv line 1: column 'mood' is neither a segments-csv column nor a per-segment task of the project's taxonomy");
    fixtures::writeFileBytes(dir.file("bad.csv"), "video,first_frame\r\n");
    imported = formats::importProject("segments-csv", dir.file("bad.csv"), *target);
    ASSERT_FALSE(imported.ok());
    EXPECT_EQ(imported.error(), "bad.csv line 1: no 'last_frame' column in the header");
    EXPECT_EQ(target->counts().value().segments, 0);
}
