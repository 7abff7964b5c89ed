#include "core/formats/activitynet_json.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"
#include "tests/core/formats/formats_fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::fixtures;

namespace {

// Three videos (29.97 fps in split train1, a skeleton-only one in "validation", a downloaded
// "v_<id>.mp4" in none) and segments the format carries and ones it leaves out.
std::unique_ptr<ProjectStore> activitySource(const TempDir& dir) {
    auto store = newProject(dir, "source.alproj");
    if (!store) return nullptr;
    EXPECT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t a = store->insertVideo(Video{0, dir.file("clip a.mp4"), 1, 29.97, 300, 640, 480, "", "", {"train1"}}).value();
    const std::int64_t b = store->insertVideo(Video{0, "", 0, 30.0, 100, 0, 0, "", "0002", {"validation"}}).value();
    const std::int64_t c = store->insertVideo(Video{0, dir.file("v_abc.mp4"), 1, 25.0, 250, 0, 0, "", "", {}}).value();
    const std::int64_t alice = store->insertSubject(Subject{0, "alice", {}}).value();
    for (const Segment& s : {segment(a, alice, 0, 24, {{"action", "squat"}, {"viewpoint", "front"}}, "ann"),
                             segment(a, 0, 20, 30, {{"action", "bowl"}}),
                             segment(a, 0, 1, 1, {{kGroupOnlyLabelKey, "gym exercise"}}),
                             segment(a, alice, 40, 50, {{"viewpoint", "back"}}),                    // no action: left out
                             segment(a, 0, 60, 70, {{"action", "bowl"}}, "model:run 1.alm"),        // a prediction: left out
                             segment(a, 0, 290, 299, {{"action", "jump_rope"}}),
                             segment(b, alice, 3, 5, {{"action", "pullup"}}),
                             segment(c, 0, 10, 20, {{"action", "golf_swing"}})}) {
        auto id = store->insertSegment(s);
        EXPECT_TRUE(id.ok()) << id.error();
    }
    return store;
}

QJsonObject readJson(const std::string& path) { return QJsonDocument::fromJson(QByteArray::fromStdString(readFileBytes(path))).object(); }

}  // namespace

TEST(ActivityNetJson, ExportWritesTheDatabaseLayoutAndImportsBackToTheSameSegments) {
    TempDir dir;
    auto source = activitySource(dir);
    ASSERT_TRUE(source);
    const std::string json = dir.file("anet.json");
    Status exported = formats::exportProject("activitynet", *source, json);
    ASSERT_TRUE(exported.ok()) << exported.error();

    const QJsonObject root = readJson(json);
    EXPECT_EQ(root[QStringLiteral("version")].toString(), QStringLiteral("VERSION 1.3"));
    const QJsonObject database = root[QStringLiteral("database")].toObject();
    EXPECT_EQ(database.keys(), (QStringList{QStringLiteral("0002"), QStringLiteral("clip a"), QStringLiteral("v_abc")}));
    const QJsonObject clip = database[QStringLiteral("clip a")].toObject();
    EXPECT_EQ(clip[QStringLiteral("subset")].toString(), QStringLiteral("training"));
    EXPECT_DOUBLE_EQ(clip[QStringLiteral("duration")].toDouble(), 300 / 29.97);
    EXPECT_EQ(clip[QStringLiteral("resolution")].toString(), QStringLiteral("640x480"));
    EXPECT_TRUE(clip[QStringLiteral("url")].toString().startsWith(QStringLiteral("file:///")));
    const QJsonArray annotations = clip[QStringLiteral("annotations")].toArray();
    ASSERT_EQ(annotations.size(), 4);
    // Frame 0..24 at 29.97 fps: from 0 s to the start of frame 25 (834.168 ms), rounded up to a whole ms.
    EXPECT_EQ(annotations[0].toObject(), (QJsonObject{{"segment", QJsonArray{0.0, 0.835}}, {"label", "squat"}}));
    EXPECT_EQ(annotations[1].toObject()[QStringLiteral("label")].toString(), QStringLiteral("gym exercise"));
    EXPECT_EQ(database[QStringLiteral("0002")].toObject()[QStringLiteral("subset")].toString(), QStringLiteral("validation"));
    EXPECT_FALSE(database[QStringLiteral("v_abc")].toObject().contains(QStringLiteral("subset"))) << "no split says which";
    const QJsonArray nodes = root[QStringLiteral("taxonomy")].toArray();
    EXPECT_EQ(nodes.size(), 1 + 3 + 15);
    EXPECT_EQ(nodes[4].toObject()[QStringLiteral("nodeName")].toString(), QStringLiteral("baseball_pitch"));
    EXPECT_EQ(nodes[4].toObject()[QStringLiteral("parentName")].toString(), QStringLiteral("swing / throw"));

    auto target = emptyProjectLike(*source, dir, "target.alproj");
    ASSERT_TRUE(target);
    std::vector<std::string> warnings;
    formats::ImportOptions options;
    options.warning = [&](const std::string& w) { warnings.push_back(w); };
    Status imported = formats::importProject("activitynet", json, *target, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    const std::string a = dir.file("clip a.mp4"), c = dir.file("v_abc.mp4");
    EXPECT_EQ(segmentSummaries(*target), (std::vector<std::string>{
                                             a + " | - | 0-24 | action=squat; |  | unreviewed | - | ",
                                             a + " | - | 1-1 | @group=gym exercise; |  | unreviewed | - | ",
                                             a + " | - | 20-30 | action=bowl; |  | unreviewed | - | ",
                                             a + " | - | 290-299 | action=jump_rope; |  | unreviewed | - | ",
                                             "0002 | - | 3-5 | action=pullup; |  | unreviewed | - | ",
                                             c + " | - | 10-20 | action=golf_swing; |  | unreviewed | - | ",
                                         }));
    EXPECT_EQ(target->videos().value()[0].splits, (std::vector<std::string>{"train1", "training"}));
    EXPECT_EQ(target->videos().value()[1].splits, (std::vector<std::string>{"validation"}));
}

TEST(ActivityNetJson, ReadsTheOfficialLayoutAndCutsSegmentsPastTheVideo) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("v_sJFgo9H6zNo.mp4"), 1, 25.0, 250, 0, 0, "", "", {}}).ok());
    writeFileBytes(dir.file("activity_net.v1-3.min.json"), R"json({"version": "VERSION 1.3",
 "taxonomy": [{"parentName": "Root", "nodeName": "Sports", "nodeId": 1, "parentId": 0}],
 "database": {"sJFgo9H6zNo": {"duration": 9.98, "subset": "training", "resolution": "1280x720",
                              "url": "https://www.youtube.com/watch?v=sJFgo9H6zNo",
                              "annotations": [{"segment": [0.01, 4.2], "label": "golf_swing"},
                                              {"segment": [6.5, 10.31], "label": "squat"}]}}})json");
    std::vector<std::string> warnings;
    formats::ImportOptions options;
    options.warning = [&](const std::string& w) { warnings.push_back(w); };
    Status imported = formats::importProject("activitynet", dir.file("activity_net.v1-3.min.json"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const std::string video = dir.file("v_sJFgo9H6zNo.mp4");
    EXPECT_EQ(segmentSummaries(*store), (std::vector<std::string>{video + " | - | 0-104 | action=golf_swing; |  | unreviewed | - | ",
                                                                  video + " | - | 162-249 | action=squat; |  | unreviewed | - | "}));
    EXPECT_EQ(store->videos().value()[0].splits, (std::vector<std::string>{"training"}));
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0], "activity_net.v1-3.min.json: database[\"sJFgo9H6zNo\"].annotations[1] ends past the video; cut at its last frame 249");
}

TEST(ActivityNetJson, MalformedFilesNameFileAndMemberAndChangeNothing) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("a.mp4"), 1, 25.0, 250, 0, 0, "", "", {}}).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("b.mp4"), 1, 25.0, 250, 0, 0, "", "", {}}).ok());
    // "a" is good and comes first, so each failure in "b" must also undo it.
    const std::string good = R"("a": {"subset": "testing", "annotations": [{"segment": [1, 2], "label": "squat"}]})";
    auto file = [&](const std::string& b) { return "{\"version\": \"VERSION 1.3\", \"database\": {" + good + ",\n" + b + "}}"; };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {file(R"("b": {"annotations": [{"segment": [1, 2], "label": "squat"}, {"segment": [3, 4], "label": "Long jump"}]})"),
         "anet.json: database[\"b\"].annotations[1].label: 'Long jump' is not a class of task 'action'"},
        {file(R"("c": {"annotations": []}, "d": {})"),
         "anet.json: database[\"c\"]: no video of the project is named 'c' or 'v_c' (or has that file name); 2 of the file's 3 videos are not in the project"},
        {file(R"("b": {"annotations": [{"segment": [2, 1], "label": "squat"}]})"),
         "anet.json: database[\"b\"].annotations[0].segment: ends at 1 s, not after its start at 2 s"},
        {file(R"("b": {"annotations": [{"segment": [20, 21], "label": "squat"}]})"),
         "anet.json: database[\"b\"].annotations[0].segment: starts at 20 s (frame 500), past the video's last frame 249"},
        {file(R"("b": {"annotations": [{"segment": [1], "label": "squat"}]})"),
         "anet.json: database[\"b\"].annotations[0].segment: expected [start, end] in seconds"},
        {file(R"("b": {"annotations": [{"segment": [1, 2]}]})"), "anet.json: database[\"b\"].annotations[0].label is missing, expected a string"},
        {file(R"("b": {"subset": 1})"), "anet.json: database[\"b\"].subset is a number, expected a string"},
        {file(R"("b": [])"), "anet.json: database[\"b\"] is an array, expected an object"},
        {"{\"database\": {" + good + ",\n\"b\": {\"annotations\": [}}}", "anet.json line 2: not valid JSON"},
        {"{\"version\": \"VERSION 1.3\"}", "anet.json: database: missing"},
    };
    for (const auto& [text, message] : cases) {
        SCOPED_TRACE(message);
        writeFileBytes(dir.file("anet.json"), text);
        const auto before = store->counts().value();
        Status imported = formats::importProject("activitynet", dir.file("anet.json"), *store);
        ASSERT_FALSE(imported.ok());
        EXPECT_EQ(imported.error().rfind(message, 0), 0u) << imported.error();
        expectCountsUnchanged(*store, before);
        EXPECT_TRUE(store->videos().value()[0].splits.empty()) << "the good entry's subset is undone too";
    }
}

TEST(ActivityNetJson, AnExportNeedsFrameRatesForItsSegments) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t video = store->insertVideo(Video{0, "", 0, 0.0, 0, 0, 0, "", "poses", {}}).value();
    ASSERT_TRUE(store->insertSegment(segment(video, 0, 0, 9, {{"action", "squat"}})).ok());
    Status exported = formats::exportProject("activitynet", *store, dir.file("anet.json"));
    ASSERT_FALSE(exported.ok());
    EXPECT_EQ(exported.error(), "video 'poses' has no frame rate, so its segments have no times in seconds");
}
