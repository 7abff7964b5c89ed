#include "core/formats/segments_csv.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"

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

TEST(SegmentsCsv, IsExportOnly) {
    const formats::FormatHandler* handler = formats::findFormat("segments-csv");
    ASSERT_NE(handler, nullptr);
    EXPECT_TRUE(handler->exporter);
    EXPECT_FALSE(handler->importer);
}
