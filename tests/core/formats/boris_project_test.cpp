#include "core/formats/boris_project.h"

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

QJsonObject readJson(const std::string& path) { return QJsonDocument::fromJson(QByteArray::fromStdString(readFileBytes(path))).object(); }

// A project as BORIS 8 saves it: one observation on "clip.mp4" (a Windows path), player 1
// offset by 1 s, state events of two subjects interleaved, a point event of no focal subject.
const char* kHandWrittenProject = R"json({
 "time_format": "hh:mm:ss",
 "project_date": "2024-03-01T10:00:00",
 "project_name": "gym",
 "project_description": "",
 "project_format_version": "7.0",
 "subjects_conf": {"0": {"key": "a", "name": "alice", "description": ""},
                   "1": {"key": "b", "name": "bob", "description": ""}},
 "ethogram": {"0": {"type": "State event", "key": "s", "code": "squat", "description": "", "category": "", "modifiers": "", "exclusion": 0},
              "1": {"type": "State event", "key": "w", "code": "bowl", "description": "", "category": "", "modifiers": ""},
              "2": {"type": "Point event", "key": "p", "code": "pullup", "description": "", "category": "", "modifiers": ""}},
 "observations": {
  "session 1": {
   "file": {"1": ["C:/Users/lab/videos/clip.mp4"], "2": [], "3": [], "4": [], "5": [], "6": [], "7": [], "8": []},
   "type": "MEDIA",
   "date": "2024-03-01T10:05:00",
   "description": "",
   "time offset": 0.0,
   "events": [
     [3.0, "alice", "squat", "front", ""],
     [4.0, "bob", "squat", "", ""],
     [4.0, "alice", "squat", "front", ""],
     [5.0, "alice", "bowl", "smiling", "first throw"],
     [6.0, "", "pullup", "", ""],
     [6.0, "bob", "squat", "", ""],
     [7.0, "alice", "bowl", "smiling", ""],
     [8.0, "alice", "bowl", "smiling|back", ""],
     [9.0, "alice", "bowl", "", ""]
   ],
   "independent_variables": {},
   "media_info": {"length": {"C:/Users/lab/videos/clip.mp4": 10.0}, "fps": {"C:/Users/lab/videos/clip.mp4": 25.0},
                  "hasVideo": {"C:/Users/lab/videos/clip.mp4": true}, "hasAudio": {"C:/Users/lab/videos/clip.mp4": false},
                  "offset": {"1": 1.0}}
  }
 }
})json";

}  // namespace

TEST(BorisProject, ReadsAHandWrittenProjectFile) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("clip.mp4"), 1, 25.0, 250, 640, 480, "", "", {}}).ok());
    writeFileBytes(dir.file("gym.boris"), kHandWrittenProject);
    std::vector<std::string> warnings;
    formats::ImportOptions options;
    options.warning = [&](const std::string& w) { warnings.push_back(w); };
    Status imported = formats::importProject("boris", dir.file("gym.boris"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const std::string clip = dir.file("clip.mp4");
    // Times less the 1 s offset, at 25 fps; a stop's time is the first frame after the segment.
    EXPECT_EQ(segmentSummaries(*store), (std::vector<std::string>{
                                            clip + " | alice | 50-74 | action=squat;viewpoint=front; |  | unreviewed | - | ",
                                            clip + " | bob | 75-124 | action=squat; |  | unreviewed | - | ",
                                            clip + " | alice | 100-149 | action=bowl; |  | unreviewed | - | ",
                                            clip + " | No focal subject | 125-125 | action=pullup; |  | unreviewed | - | ",
                                            clip + " | alice | 175-199 | action=bowl;viewpoint=back; |  | unreviewed | - | ",
                                        }));
    EXPECT_EQ(warnings, (std::vector<std::string>{"gym.boris: modifier 'smiling' is no value of a per-segment task; not kept"}))
        << "one warning for a modifier however often it comes";
}

TEST(BorisProject, ExportWritesTheProjectLayoutAndImportsBackToTheSameSegments) {
    TempDir dir;
    auto source = newProject(dir, "source.alproj");
    ASSERT_TRUE(source);
    ASSERT_TRUE(source->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t a = source->insertVideo(Video{0, dir.file("clip a.mp4"), 1, 29.97, 300, 640, 480, "", "", {}}).value();
    const std::int64_t b = source->insertVideo(Video{0, "", 0, 30.0, 100, 0, 0, "", "0002", {}}).value();
    const std::int64_t alice = source->insertSubject(Subject{0, "alice", {}}).value();
    const std::int64_t bob = source->insertSubject(Subject{0, "bob", {}}).value();
    const std::int64_t focal = source->insertSubject(Subject{0, "No focal subject", {}}).value();
    for (const Segment& s : {segment(a, alice, 0, 24, {{"action", "squat"}, {"viewpoint", "front"}}),
                             segment(a, alice, 25, 40, {{"action", "squat"}}),  // adjacent: its start meets the stop above
                             segment(a, bob, 10, 10, {{"action", "squat"}}),    // one frame of a state code: a pair
                             segment(a, focal, 12, 12, {{"action", "pullup"}}),  // only one-frame: a point event
                             segment(a, bob, 30, 60, {{kGroupOnlyLabelKey, "gym exercise"}}),
                             segment(a, alice, 50, 60, {{"viewpoint", "back"}}),                  // no action: left out
                             segment(a, bob, 70, 80, {{"action", "bowl"}}, "model:run 1.alm"),    // a prediction: left out
                             segment(b, alice, 3, 5, {{"action", "bowl"}, {"viewpoint", "left"}})}) {
        auto id = source->insertSegment(s);
        ASSERT_TRUE(id.ok()) << id.error();
    }
    const std::string file = dir.file("out.boris");
    Status exported = formats::exportProject("boris", *source, file);
    ASSERT_TRUE(exported.ok()) << exported.error();

    const QJsonObject root = readJson(file);
    EXPECT_EQ(root[QStringLiteral("project_format_version")].toString(), QStringLiteral("7.0"));
    const QJsonObject ethogram = root[QStringLiteral("ethogram")].toObject();
    ASSERT_EQ(ethogram.size(), 15 + 1);
    std::map<QString, QString> types;
    for (const QJsonValue& behaviour : ethogram) types[behaviour[QStringLiteral("code")].toString()] = behaviour[QStringLiteral("type")].toString();
    EXPECT_EQ(types[QStringLiteral("squat")], QStringLiteral("State event"));
    EXPECT_EQ(types[QStringLiteral("pullup")], QStringLiteral("Point event"));
    EXPECT_EQ(types[QStringLiteral("gym exercise")], QStringLiteral("State event"));
    EXPECT_EQ(root[QStringLiteral("subjects_conf")].toObject().size(), 3);
    const QJsonObject observations = root[QStringLiteral("observations")].toObject();
    EXPECT_EQ(observations.keys(), (QStringList{QStringLiteral("0002"), QStringLiteral("clip a")}));
    const QJsonObject clip = observations[QStringLiteral("clip a")].toObject();
    EXPECT_EQ(clip[QStringLiteral("file")].toObject()[QStringLiteral("1")].toArray(), (QJsonArray{QString::fromStdString(dir.file("clip a.mp4"))}));
    EXPECT_DOUBLE_EQ(clip[QStringLiteral("media_info")].toObject()[QStringLiteral("fps")].toObject()[QString::fromStdString(dir.file("clip a.mp4"))].toDouble(),
                     29.97);
    const QJsonArray events = clip[QStringLiteral("events")].toArray();
    ASSERT_EQ(events.size(), 9);
    EXPECT_EQ(events[0].toArray(), (QJsonArray{0.0, "alice", "squat", "front", ""}));
    // Frame 25 at 29.97 fps starts at 834.168 ms: alice's first squat stops there before her second starts.
    EXPECT_EQ(events[4].toArray(), (QJsonArray{0.835, "alice", "squat", "front", ""}));
    EXPECT_EQ(events[5].toArray(), (QJsonArray{0.835, "alice", "squat", "", ""}));

    auto target = emptyProjectLike(*source, dir, "target.alproj");
    ASSERT_TRUE(target);
    for (const char* name : {"alice", "bob", "No focal subject"}) ASSERT_TRUE(target->insertSubject(Subject{0, name, {}}).ok());
    Status imported = formats::importProject("boris", file, *target);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const std::string clipA = dir.file("clip a.mp4");
    EXPECT_EQ(segmentSummaries(*target), (std::vector<std::string>{
                                             clipA + " | alice | 0-24 | action=squat;viewpoint=front; |  | unreviewed | - | ",
                                             clipA + " | bob | 10-10 | action=squat; |  | unreviewed | - | ",
                                             clipA + " | No focal subject | 12-12 | action=pullup; |  | unreviewed | - | ",
                                             clipA + " | alice | 25-40 | action=squat; |  | unreviewed | - | ",
                                             clipA + " | bob | 30-60 | @group=gym exercise; |  | unreviewed | - | ",
                                             "0002 | alice | 3-5 | action=bowl;viewpoint=left; |  | unreviewed | - | ",
                                         }));
}

TEST(BorisProject, OverlappingSegmentsOfOneSubjectAndCodeAreRefused) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    const std::int64_t video = store->insertVideo(Video{0, dir.file("a.mp4"), 1, 25.0, 250, 0, 0, "", "", {}}).value();
    const std::int64_t alice = store->insertSubject(Subject{0, "alice", {}}).value();
    ASSERT_TRUE(store->insertSegment(segment(video, alice, 0, 20, {{"action", "squat"}})).ok());
    ASSERT_TRUE(store->insertSegment(segment(video, alice, 10, 30, {{"action", "squat"}})).ok());
    Status exported = formats::exportProject("boris", *store, dir.file("out.boris"));
    ASSERT_FALSE(exported.ok());
    EXPECT_EQ(exported.error(), "video 'a': subject 'alice' has overlapping 'squat' segments at frame 10, which BORIS cannot pair apart");
}

TEST(BorisProject, MalformedFilesNameFileAndPlaceAndChangeNothing) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("a.mp4"), 1, 25.0, 250, 0, 0, "", "", {}}).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("b.mp4"), 1, 25.0, 250, 0, 0, "", "", {}}).ok());
    const std::string ethogram = R"("ethogram": {"0": {"type": "State event", "code": "squat"}, "1": {"type": "Point event", "code": "pullup"},
                                                "2": {"type": "State event", "code": "hop"}})";
    // Observation "a" is good and comes first, so each failure in "b" must also undo it.
    const std::string good = R"("a": {"file": {"1": ["a.mp4"]}, "events": [[1.0, "alice", "squat", "", ""], [2.0, "alice", "squat", "", ""]]})";
    auto file = [&](const std::string& b) {
        return "{\"project_format_version\": 7.0, " + ethogram + ", \"subjects_conf\": {},\n\"observations\": {" + good + ",\n" + b + "}}";
    };
    auto observationB = [&](const std::string& events) { return R"("b": {"file": {"1": ["b.mp4"]}, "events": )" + events + "}"; };
    const std::vector<std::pair<std::string, std::string>> cases = {
        {file(observationB(R"([[1.0, "bob", "pullup", "", ""], [2.0, "bob", "hop", "", ""]])")),
         "p.boris: observation 'b', events[1]: 'hop' is not a class of task 'action'"},
        {file(observationB(R"([[1.0, "bob", "bowl", "", ""]])")), "p.boris: observation 'b', events[0]: code 'bowl' is not in the ethogram"},
        {file(observationB(R"([[1.0, "bob", "squat", "", ""], [2.0, "", "squat", "", ""], [3.0, "bob", "squat", "", ""]])")),
         "p.boris: observation 'b': subject 'No focal subject', code 'squat': the state event started at 2 s has no stop event"},
        {file(observationB(R"([[3.0, "bob", "squat", "", ""], [2.0, "bob", "squat", "", ""]])")),
         "p.boris: observation 'b', events[1]: code 'squat': ends at 2 s, not after its start at 3 s"},
        {file(observationB(R"([[1.0, "bob"]])")), "p.boris: observation 'b', events[0]: expected [time, subject, code, modifier, comment]"},
        {file(observationB(R"([["1.0", "bob", "squat"]])")), "p.boris: observation 'b', events[0]: time is a string, expected seconds"},
        {file(R"("b": {"file": {"1": ["D:/elsewhere/c.mp4"]}, "events": []})"), "p.boris: observation 'b': no video of the project"},
        {file(R"("b": {"file": {"1": []}, "events": []})"), "p.boris: observation 'b': file.\"1\" names no media file for player 1"},
        {"{\"project_format_version\": 7.0, " + ethogram + ",\n\"observations\": {" + good + ",\n\"b\": [}}", "p.boris line 4: not valid JSON"},
        {"{\"project_format_version\": 6.0, " + ethogram + ", \"observations\": {}}", "p.boris: project_format_version 6 is older than 7"},
        {"{\"project_format_version\": \"7.0\", \"ethogram\": []}", "p.boris: ethogram is an array, expected an object"},
    };
    for (const auto& [text, message] : cases) {
        SCOPED_TRACE(message);
        writeFileBytes(dir.file("p.boris"), text);
        const auto before = store->counts().value();
        Status imported = formats::importProject("boris", dir.file("p.boris"), *store);
        ASSERT_FALSE(imported.ok());
        EXPECT_EQ(imported.error().rfind(message, 0), 0u) << imported.error();
        expectCountsUnchanged(*store, before);
    }
}

// A LIVE observation has no media file (coded while watching): it goes onto the video the import
// names, times from the observation's start; without one, or for an IMAGES observation, the
// import is refused naming the observation.
TEST(BorisProject, LiveObservationsGoOntoTheVideoTheImportNamesImagesAreRefused) {
    TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->setTaxonomy(pennTaxonomyWithGroupOnlyGym()).ok());
    ASSERT_TRUE(store->insertVideo(Video{0, dir.file("pitch.mp4"), 1, 25.0, 500, 640, 480, "", "", {}}).ok());
    QJsonObject project = QJsonDocument::fromJson(kHandWrittenProject).object();
    QJsonObject observations = project["observations"].toObject();
    QJsonObject live = observations["session 1"].toObject();
    live["type"] = "LIVE";
    live["file"] = QJsonObject{};
    live.remove("media_info");
    live["events"] = QJsonArray{QJsonArray{2.0, "alice", "squat", "", ""}, QJsonArray{3.0, "alice", "squat", "", ""}};
    project["observations"] = QJsonObject{{"on the pitch", live}};
    writeFileBytes(dir.file("live.boris"), QJsonDocument(project).toJson().toStdString());
    const auto before = store->counts().value();
    Status refused = formats::importProject("boris", dir.file("live.boris"), *store);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("observation 'on the pitch' is a LIVE observation"), std::string::npos) << refused.error();
    EXPECT_NE(refused.error().find("--video"), std::string::npos) << refused.error();
    expectCountsUnchanged(*store, before);

    formats::ImportOptions options;
    options.video = "pitch";
    Status imported = formats::importProject("boris", dir.file("live.boris"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(segmentSummaries(*store),
              (std::vector<std::string>{dir.file("pitch.mp4") + " | alice | 50-74 | action=squat; |  | unreviewed | - | "}));

    live["type"] = "IMAGES";
    project["observations"] = QJsonObject{{"stills", live}};
    writeFileBytes(dir.file("images.boris"), QJsonDocument(project).toJson().toStdString());
    refused = formats::importProject("boris", dir.file("images.boris"), *store, options);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("observation 'stills' is an IMAGES observation"), std::string::npos) << refused.error();
}
