#include "core/formats/native_json.h"

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <optional>

#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <memory>
#include <set>

using namespace actionlens;
using namespace actionlens::annotation;

namespace {

std::string inDir(const QTemporaryDir& dir, const std::string& name) { return dir.filePath(QString::fromStdString(name)).toStdString(); }

// Penn Action plus a per-subject task and a segment value that needs escaping in JSON.
Taxonomy richTaxonomy() {
    auto penn = builtinTaxonomy("penn_action");
    EXPECT_TRUE(penn.ok());
    Taxonomy t = penn.value();
    for (TaskDefinition& task : t.tasks)
        if (task.name == "viewpoint") task.values.push_back(TaskValue{"side \"low\", é", "", "", ""});
    TaskDefinition handedness;
    handedness.name = "handedness";
    handedness.scope = TaskScope::Subject;
    handedness.values = {TaskValue{"left", "", "", ""}, TaskValue{"right", "", "", ""}};
    t.tasks.push_back(handedness);
    return t;
}

SkeletonLayout stickLayout() {
    SkeletonLayout l;
    l.name = "stick-5";
    l.joints = {"head", "left_hand", "right_hand", "left_foot", "right_foot"};
    l.edges = {{0, 1}, {0, 2}, {0, 3}, {0, 4}};
    l.mirrorPairs = {{1, 2}, {3, 4}};
    return l;
}

SkeletonFrame frameOf(std::int64_t video, std::int64_t subject, std::int64_t frame, const SkeletonLayout& layout, PoseSource source) {
    SkeletonFrame f{video, subject, frame, layout.id, source, {}};
    for (size_t j = 0; j < layout.joints.size(); ++j) {
        // Values without a short decimal form, to prove floats survive the text exactly.
        const float k = static_cast<float>(j + 1) + static_cast<float>(frame);
        f.joints.push_back(Joint{k / 3.0f, 0.1f * k + 1e-7f, 1.0f / k, j % 2 == 0});
    }
    return f;
}

// Two videos with splits (one inside the project folder, one skeleton-only with more frames
// than an export window), two subjects, five segments (one a model's proposal, one accepted from one),
// frames in two layouts.
std::unique_ptr<ProjectStore> makeSource(const QTemporaryDir& dir) {
    auto created = ProjectStore::create(inDir(dir, "source.alproj"));
    EXPECT_TRUE(created.ok()) << created.error();
    if (!created.ok()) return nullptr;
    std::unique_ptr<ProjectStore> store = std::move(created).value();
    EXPECT_TRUE(store->setTaxonomy(richTaxonomy()).ok());
    auto layoutId = store->insertSkeletonLayout(stickLayout());
    EXPECT_TRUE(layoutId.ok()) << layoutId.error();
    EXPECT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("clips")));

    Video a{0, inDir(dir, "clips/a.mp4"), 98765, 29.97, 300, 640, 480, "sha256:aaa", "", {"test1", "train"}};
    a.annotators = {"ada", "zoe"};  // double-coded
    Video b{0, "", 0, 30.0, 20001, 0, 0, "", "0002", {"train"}};
    EXPECT_TRUE(store->insertVideo(a).ok());
    const std::int64_t bId = store->insertVideo(b).value();
    EXPECT_TRUE(store->insertFrameSources({FrameSource{bId, 0, "seq/000000.jpg", 397133}, FrameSource{bId, 5, "seq/000005.jpg", std::nullopt}}).ok());
    EXPECT_TRUE(store->insertSubject(Subject{0, "alice", {{"handedness", "left"}}}).ok());
    EXPECT_TRUE(store->insertSubject(Subject{0, "bob", {}}).ok());

    auto segment = [&](std::int64_t video, std::int64_t subject, std::int64_t first, std::int64_t last,
                       std::map<std::string, std::string> labels, ReviewStatus review,
                       std::optional<double> confidence = {}, std::string proposer = {}) {
        Segment s{0, video, subject, first, last, std::move(labels), "ann \"1\"", 1700000000123 + first, 1700000000999 + last, review,
                  confidence, std::move(proposer)};
        auto id = store->insertSegment(s);
        EXPECT_TRUE(id.ok()) << id.error();
    };
    segment(1, 1, 10, 40, {{"action", "squat"}, {"viewpoint", "side \"low\", é"}}, ReviewStatus::Accepted);
    segment(1, 0, 50, 60, {{"action", "bowl"}}, ReviewStatus::Unreviewed, 0.75);  // a model's proposal
    segment(1, 0, 70, 80, {{"action", "bowl"}}, ReviewStatus::Accepted, 0.5, "model:run 1.alm");  // accepted from one
    segment(1, 2, 0, 5, {{"action", "pullup"}, {"viewpoint", "back"}}, ReviewStatus::Rejected);
    segment(2, 2, 19990, 20000, {{"action", "jump_rope"}}, ReviewStatus::Unreviewed);

    const SkeletonLayout* coco = store->skeletonLayout("COCO-17");
    const SkeletonLayout* stick = store->skeletonLayout("stick-5");
    EXPECT_TRUE(coco && stick);
    std::vector<SkeletonFrame> frames;
    for (std::int64_t f : {0, 1, 2}) frames.push_back(frameOf(1, 1, f, *coco, PoseSource::Imported));
    frames.push_back(frameOf(1, 2, 1, *coco, PoseSource::Manual));
    frames.back().box = SubjectBox{12.5f, 30.0f, 48.0f, 120.25f};  // a people detector's box
    // 19999/20000 straddle a read window; 25000 lies past the video's frame count.
    for (std::int64_t f : {0, 19999, 20000, 25000}) frames.push_back(frameOf(2, 2, f, *stick, PoseSource::Model));
    EXPECT_TRUE(store->insertSkeletonFrames(frames).ok());
    return store;
}

std::unique_ptr<ProjectStore> makeEmpty(const std::string& path) {
    auto created = ProjectStore::create(path);
    EXPECT_TRUE(created.ok()) << created.error();
    return created.ok() ? std::move(created).value() : nullptr;
}

std::vector<Segment> allSegments(ProjectStore& store) {
    std::vector<Segment> all;
    const std::vector<Video> videos = store.videos().value();
    for (const Video& v : videos) {
        auto segments = store.segmentsOfVideo(v.id);
        EXPECT_TRUE(segments.ok());
        all.insert(all.end(), segments->begin(), segments->end());
    }
    return all;
}

std::vector<SkeletonFrame> allFrames(ProjectStore& store) {
    std::vector<SkeletonFrame> all;
    const std::vector<Video> videos = store.videos().value();
    for (const Video& v : videos) {
        auto frames = store.skeletonFrames(v.id, 0, std::numeric_limits<std::int64_t>::max());
        EXPECT_TRUE(frames.ok());
        all.insert(all.end(), frames->begin(), frames->end());
    }
    return all;
}

QJsonObject readJson(const std::string& path) {
    QFile f(QString::fromStdString(path));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(f.readAll()).object();
}

void writeText(const std::string& path, const QByteArray& text) {
    QFile f(QString::fromStdString(path));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

// Changes element `index` of the array `list` of a document.
QJsonObject editItem(QJsonObject root, const char* list, int index, const std::function<void(QJsonObject&)>& edit) {
    QJsonArray array = root.value(QLatin1String(list)).toArray();
    QJsonObject item = array[index].toObject();
    edit(item);
    array[index] = item;
    root[QLatin1String(list)] = array;
    return root;
}

bool sameCounts(const ProjectCounts& a, const ProjectCounts& b) {
    return a.videos == b.videos && a.subjects == b.subjects && a.segments == b.segments && a.skeletonFrames == b.skeletonFrames;
}

}  // namespace

TEST(NativeJson, RoundTripKeepsEveryRecordAndId) {
    QTemporaryDir dir, other;
    auto source = makeSource(dir);
    ASSERT_TRUE(source);
    const std::string json = inDir(dir, "project.json");
    Status exported = formats::exportProject("native", *source, json);
    ASSERT_TRUE(exported.ok()) << exported.error();
    EXPECT_FALSE(QFile::exists(QString::fromStdString(json + ".part")));
    // The video inside the export's folder is written relative to it.
    const QJsonObject root = readJson(json);
    EXPECT_EQ(root.value("videos").toArray()[0].toObject().value("path").toString(), QStringLiteral("clips/a.mp4"));
    EXPECT_EQ(root.value("skeleton_layouts").toArray().size(), 1);  // built-in layouts are not written

    auto target = makeEmpty(inDir(other, "copy.alproj"));
    ASSERT_TRUE(target);
    Status imported = formats::importProject("native", json, *target);
    ASSERT_TRUE(imported.ok()) << imported.error();

    EXPECT_EQ(target->taxonomy(), source->taxonomy());
    EXPECT_EQ(target->skeletonLayouts(), source->skeletonLayouts());
    EXPECT_EQ(target->videos().value(), source->videos().value());
    EXPECT_EQ(target->videos()->front().annotators, (std::vector<std::string>{"ada", "zoe"}));
    const std::int64_t b = source->videos()->back().id;
    EXPECT_EQ(target->frameSources(b).value(), source->frameSources(b).value());
    EXPECT_EQ(target->frameSources(b)->size(), 2u);
    EXPECT_EQ(target->subjects().value(), source->subjects().value());
    EXPECT_EQ(allSegments(*target), allSegments(*source));
    const std::vector<SkeletonFrame> frames = allFrames(*source);
    EXPECT_EQ(frames.size(), 8u);
    EXPECT_EQ(allFrames(*target), frames);
}

TEST(NativeJson, ImportIntoNonEmptyProjectAppendsAndRemapsIds) {
    QTemporaryDir dir;
    auto source = makeSource(dir);
    ASSERT_TRUE(source);
    const std::string json = inDir(dir, "project.json");
    ASSERT_TRUE(formats::exportProject("native", *source, json).ok());

    auto target = makeEmpty(inDir(dir, "target.alproj"));
    ASSERT_TRUE(target);
    ASSERT_TRUE(target->setTaxonomy(richTaxonomy()).ok());
    ASSERT_TRUE(target->insertVideo(Video{0, "", 0, 25.0, 100, 0, 0, "", "existing", {}}).ok());
    ASSERT_TRUE(target->insertSubject(Subject{0, "zoe", {}}).ok());
    ASSERT_TRUE(target->insertSegment(Segment{0, 1, 1, 0, 9, {{"action", "situp"}}, "z", 5, 6, ReviewStatus::Unreviewed}).ok());
    ASSERT_TRUE(formats::importProject("native", json, *target).ok());

    auto counts = target->counts();
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->videos, 3);
    EXPECT_EQ(counts->subjects, 3);
    EXPECT_EQ(counts->segments, 6);
    EXPECT_EQ(counts->skeletonFrames, 8);
    // Every imported record matches the source once ids are shifted by the one existing row.
    std::vector<Video> videos = target->videos().value();
    ASSERT_EQ(videos.size(), 3u);
    EXPECT_EQ(videos[0].name, "existing");
    for (size_t i = 0; i < 2; ++i) {
        Video expected = source->videos().value()[i];
        expected.id += 1;
        EXPECT_EQ(videos[i + 1], expected);
    }
    EXPECT_EQ(target->subjects().value()[1], (Subject{2, "alice", {{"handedness", "left"}}}));
    std::vector<Segment> segments = allSegments(*target);
    std::vector<Segment> expected = allSegments(*source);
    ASSERT_EQ(segments.size(), expected.size() + 1);
    // New segment ids follow the file's order; the rest is the source record, remapped.
    std::set<std::int64_t> ids;
    for (size_t i = 0; i < expected.size(); ++i) {
        ids.insert(segments[i + 1].id);
        EXPECT_GT(segments[i + 1].id, 1);
        expected[i].id = segments[i + 1].id;
        expected[i].videoId += 1;
        if (expected[i].subjectId) expected[i].subjectId += 1;
        EXPECT_EQ(segments[i + 1], expected[i]);
    }
    EXPECT_EQ(ids.size(), expected.size());
    std::vector<SkeletonFrame> frames = allFrames(*target), sourceFrames = allFrames(*source);
    ASSERT_EQ(frames.size(), sourceFrames.size());
    for (size_t i = 0; i < frames.size(); ++i) {
        sourceFrames[i].videoId += 1;
        sourceFrames[i].subjectId += 1;
        EXPECT_EQ(frames[i], sourceFrames[i]);
    }
}

TEST(NativeJson, MalformedFilesNameThePlaceAndLeaveTheProjectUnchanged) {
    QTemporaryDir dir;
    auto source = makeSource(dir);
    ASSERT_TRUE(source);
    const std::string json = inDir(dir, "project.json");
    ASSERT_TRUE(formats::exportProject("native", *source, json).ok());
    QFile file(QString::fromStdString(json));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const QJsonObject good = QJsonDocument::fromJson(text).object();

    struct Variant {
        const char* what;
        QByteArray text;
        std::string expected;  // part of the message
    };
    auto doc = [](const QJsonObject& o) { return QJsonDocument(o).toJson(); };
    const std::vector<Variant> variants = {
        {"truncated", text.left(text.size() * 2 / 3), "bad.json line "},
        {"wrong type", doc(editItem(good, "segments", 1, [](QJsonObject& s) { s["first_frame"] = "fifty"; })),
         "bad.json: segments[1].first_frame: expected a whole number"},
        {"fraction", doc(editItem(good, "segments", 2, [](QJsonObject& s) { s["last_frame"] = 4.5; })),
         "segments[2].last_frame: expected a whole number"},
        {"missing field", doc(editItem(good, "videos", 1, [](QJsonObject& v) { v.remove("fps"); })), "videos[1].fps: missing"},
        {"missing video", doc(editItem(good, "segments", 3, [](QJsonObject& s) { s["video_id"] = 7; })),
         "segments[3].video_id: the file has no video 7"},
        {"joint count", doc(editItem(good, "skeleton_frames", 2, [](QJsonObject& f) {
             QJsonArray joints = f["joints"].toArray();
             while (joints.size() > 12) joints.removeLast();
             f["joints"] = joints;
         })),
         "skeleton_frames[2].joints has 12 joints, layout COCO-17 has 17"},
        {"bad label", doc(editItem(good, "segments", 0, [](QJsonObject& s) { s["labels"] = QJsonObject{{"action", "moonwalk"}}; })),
         "segments[0]: 'moonwalk' is not a value of task 'action'"},
        {"duplicate id", doc(editItem(good, "subjects", 1, [](QJsonObject& s) { s["id"] = 1; })), "subjects[1].id: 1 appears twice"},
        {"past the end", doc(editItem(good, "segments", 0, [](QJsonObject& s) { s["last_frame"] = 300; })),
         "segments[0]: segment ends at frame 300"},
        {"confidence", doc(editItem(good, "segments", 1, [](QJsonObject& s) { s["confidence"] = 1.5; })),
         "segments[1].confidence: 1.500000 is not between 0 and 1"},
        {"source", doc(editItem(good, "segments", 1, [](QJsonObject& s) { s["source"] = 3; })), "segments[1].source: expected a string"},
        {"box", doc(editItem(good, "skeleton_frames", 0, [](QJsonObject& f) { f["box"] = QJsonArray{1, 2, 3}; })),
         "skeleton_frames[0].box: expected [x, y, width, height]"},
        {"box size", doc(editItem(good, "skeleton_frames", 0, [](QJsonObject& f) { f["box"] = QJsonArray{1, 2, -3, 4}; })),
         "skeleton_frames[0].box: width and height must not be negative"},
        {"layout changed", doc(editItem(good, "skeleton_layouts", 0, [](QJsonObject& l) { l["edges"] = QJsonArray{QJsonArray{0, 9}}; })),
         "skeleton_layouts[0]"},
        {"newer version", [&] { QJsonObject o = good; o["version"] = 2; return doc(o); }(), "version 2"},
        {"no frames list", [&] { QJsonObject o = good; o.remove("skeleton_frames"); return doc(o); }(), "skeleton_frames: missing"},
    };

    // An empty project with another taxonomy: a failed import must not leave the file's
    // taxonomy, layout, videos or subjects behind (they are written before the failing record).
    auto target = makeEmpty(inDir(dir, "target.alproj"));
    ASSERT_TRUE(target);
    auto generic = builtinTaxonomy("generic");
    ASSERT_TRUE(generic.ok());
    ASSERT_TRUE(target->setTaxonomy(generic.value()).ok());
    const ProjectCounts before = target->counts().value();
    const size_t layoutsBefore = target->skeletonLayouts().size();
    const std::string bad = inDir(dir, "bad.json");
    for (const Variant& v : variants) {
        SCOPED_TRACE(v.what);
        writeText(bad, v.text);
        Status s = formats::importProject("native", bad, *target);
        ASSERT_FALSE(s.ok());
        EXPECT_NE(s.error().find(v.expected), std::string::npos) << s.error();
        EXPECT_TRUE(sameCounts(target->counts().value(), before));
        EXPECT_EQ(target->taxonomy(), generic.value());
        EXPECT_EQ(target->skeletonLayouts().size(), layoutsBefore);
        EXPECT_EQ(target->skeletonLayout("stick-5"), nullptr);
    }
    // The same project still takes the intact file.
    Status s = formats::importProject("native", json, *target);
    ASSERT_TRUE(s.ok()) << s.error();
    EXPECT_EQ(target->counts()->skeletonFrames, 8);
}

TEST(NativeJson, RelativeVideoPathsResolveAgainstTheJsonFolder) {
    QTemporaryDir dir, elsewhere;
    auto source = makeSource(dir);
    ASSERT_TRUE(source);
    // The project folder moved with its export: the video is found in the new place.
    ASSERT_TRUE(QDir(elsewhere.path()).mkpath(QStringLiteral("moved")));
    const std::string json = inDir(elsewhere, "moved/project.json");
    ASSERT_TRUE(formats::exportProject("native", *source, inDir(dir, "project.json")).ok());
    ASSERT_TRUE(QFile::copy(QString::fromStdString(inDir(dir, "project.json")), QString::fromStdString(json)));
    auto target = makeEmpty(inDir(elsewhere, "t.alproj"));
    ASSERT_TRUE(target);
    ASSERT_TRUE(formats::importProject("native", json, *target).ok());
    EXPECT_EQ(target->video(1)->path, inDir(elsewhere, "moved/clips/a.mp4"));
    EXPECT_EQ(target->video(2)->path, "");
}
