#include "core/annotation/project_store.h"
#include "core/formats/coco_keypoints.h"
#include "core/formats/format_registry.h"
#include "tests/core/formats/formats_fixtures.h"
#include "tests/support/test_videos.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <limits>

using namespace actionlens;
using namespace actionlens::formats;
using namespace actionlens::fixtures;
using annotation::Joint;
using annotation::ProjectStore;
using annotation::SkeletonFrame;

namespace {

void writeFile(const std::string& path, const QByteArray& bytes) {
    QFile f(QString::fromStdString(path));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

void writeJson(const std::string& path, const QJsonObject& root) { writeFile(path, QJsonDocument(root).toJson()); }

// Joint j of track t in frame f: x = 10 f + j + 0.25, y = 100 + 50 t + j, v = j % 3.
QJsonArray keypoints(int frame, int track) {
    QJsonArray values;
    for (int j = 0; j < 17; ++j) {
        values.append(10.0 * frame + j + 0.25);
        values.append(100.0 + 50.0 * track + j);
        values.append(j % 3);
    }
    return values;
}

std::vector<Joint> expectedJoints(int frame, int track) {
    std::vector<Joint> joints;
    for (int j = 0; j < 17; ++j) {
        const int v = j % 3;
        joints.push_back(Joint{float(10.0 * frame + j + 0.25), float(100.0 + 50.0 * track + j), v > 0 ? 1.0f : 0.0f, v == 2});
    }
    return joints;
}

QJsonObject image(int id, const QString& file) {
    return QJsonObject{{"id", id}, {"file_name", file}, {"width", 640}, {"height", 360}};
}

QJsonObject person(int id, int imageId, int frame, int track, bool withTrack = true) {
    QJsonObject a{{"id", id}, {"image_id", imageId}, {"category_id", 1}, {"keypoints", keypoints(frame, track)},
                  {"num_keypoints", 11}, {"bbox", QJsonArray{0, 0, 10, 10}}};
    if (withTrack) a.insert(QStringLiteral("track_id"), track);
    return a;
}

QJsonObject category() {
    QJsonArray names;
    for (const char* n : {"nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder",
                          "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee",
                          "right_knee", "left_ankle", "right_ankle"})
        names.append(QLatin1String(n));
    return QJsonObject{{"id", 1}, {"name", "person"}, {"keypoints", names}, {"skeleton", QJsonArray{QJsonArray{16, 14}}}};
}

// PoseTrack style: two sequences (frames listed out of order), track ids, and one person
// with neither a labelled keypoint nor a box (skipped). Sequence A: frames 0-2, tracks 0 and 1 (track 1
// from frame 1 on); sequence B: frames 0-1 ("000009.jpg", "000010.jpg"), track 4.
QJsonObject poseTrack() {
    const QString a = QStringLiteral("images/val/000342_mpii/");
    const QString b = QStringLiteral("images/val/000522_mpii/");
    QJsonArray images{image(12, a + "000002.jpg"), image(10, a + "000000.jpg"), image(11, a + "000001.jpg"),
                      image(21, b + "000010.jpg"), image(20, b + "000009.jpg")};
    QJsonObject unlabelled = person(99, 10, 0, 7);
    QJsonArray zeros;
    for (int i = 0; i < 51; ++i) zeros.append(0);
    unlabelled.insert(QStringLiteral("keypoints"), zeros);
    unlabelled.insert(QStringLiteral("bbox"), QJsonArray{0, 0, 0, 0});
    QJsonArray annotations{person(1, 10, 0, 0), person(2, 11, 1, 0), person(3, 11, 1, 1), person(4, 12, 2, 1),
                           person(5, 12, 2, 0),  unlabelled,         person(6, 20, 0, 4), person(7, 21, 1, 4)};
    return QJsonObject{{"images", images}, {"annotations", annotations}, {"categories", QJsonArray{category()}}};
}

const annotation::Video* videoNamed(const std::vector<annotation::Video>& videos, const std::string& name) {
    for (const auto& v : videos)
        if (v.name == name) return &v;
    return nullptr;
}

}  // namespace

TEST(CocoKeypoints, PoseTrackSequencesBecomeVideosTracksBecomeSubjects) {
    fixtures::TempDir dir;
    writeJson(dir.file("val.json"), poseTrack());
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    Status imported = importProject("coco", dir.file("val.json"), *store);
    ASSERT_TRUE(imported.ok()) << imported.error();

    auto counts = store->counts();
    EXPECT_EQ(counts->videos, 2);
    EXPECT_EQ(counts->subjects, 3);  // A: tracks 0, 1; B: track 4
    EXPECT_EQ(counts->skeletonFrames, 7);
    EXPECT_EQ(counts->segments, 0);

    auto videos = store->videos().value();
    const annotation::Video* a = videoNamed(videos, "images/val/000342_mpii");
    const annotation::Video* b = videoNamed(videos, "images/val/000522_mpii");
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->path, "");
    EXPECT_EQ(a->frameCount, 3);
    EXPECT_EQ(b->frameCount, 2);
    EXPECT_EQ(a->width, 640);
    EXPECT_EQ(a->height, 360);

    const auto names = subjectNames(*store);
    const std::int64_t coco17 = store->skeletonLayout("COCO-17")->id;
    auto framesA = allFrames(*store, a->id);
    ASSERT_EQ(framesA.size(), 5u);
    // Ordered by frame, then subject: track 0 was created before track 1.
    const std::pair<int, int> frameTrack[] = {{0, 0}, {1, 0}, {1, 1}, {2, 0}, {2, 1}};
    for (size_t i = 0; i < framesA.size(); ++i) {
        const auto [frame, track] = frameTrack[i];
        SCOPED_TRACE(i);
        EXPECT_EQ(framesA[i].frame, frame);
        EXPECT_EQ(names.at(framesA[i].subjectId), "images/val/000342_mpii person " + std::to_string(track));
        EXPECT_EQ(framesA[i].layoutId, coco17);
        EXPECT_EQ(framesA[i].source, annotation::PoseSource::Imported);
        EXPECT_EQ(framesA[i].joints, expectedJoints(frame, track));
    }
    auto framesB = allFrames(*store, b->id);
    ASSERT_EQ(framesB.size(), 2u);
    EXPECT_EQ(framesB[0].frame, 0);  // 000009.jpg
    EXPECT_EQ(framesB[0].joints, expectedJoints(0, 4));
    EXPECT_EQ(names.at(framesB[1].subjectId), "images/val/000522_mpii person 4");
}

TEST(CocoKeypoints, FlatFileIsOneVideoAndPersonsAreNumberedPerImage) {
    fixtures::TempDir dir;
    // Natural order: frame9 before frame10, although "frame10" sorts first as text.
    QJsonObject root{{"images", QJsonArray{image(1, "frame10.jpg"), image(2, "frame9.jpg")}},
                     {"annotations", QJsonArray{person(1, 1, 1, 0, false), person(2, 1, 1, 1, false), person(3, 2, 0, 2, false)}},
                     {"categories", QJsonArray{category()}}};
    writeJson(dir.file("person_keypoints_demo.json"), root);
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    Status imported = importProject("coco", dir.file("person_keypoints_demo.json"), *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    auto videos = store->videos().value();
    ASSERT_EQ(videos.size(), 1u);
    EXPECT_EQ(videos[0].name, "person_keypoints_demo");
    EXPECT_EQ(videos[0].frameCount, 2);
    const auto names = subjectNames(*store);
    ASSERT_EQ(names.size(), 2u);
    auto frames = allFrames(*store, videos[0].id);
    ASSERT_EQ(frames.size(), 3u);
    EXPECT_EQ(frames[0].frame, 0);
    EXPECT_EQ(names.at(frames[0].subjectId), "person 1");
    EXPECT_EQ(frames[0].joints, expectedJoints(0, 2));
    EXPECT_EQ(frames[1].frame, 1);
    EXPECT_EQ(names.at(frames[1].subjectId), "person 1");
    EXPECT_EQ(frames[1].joints, expectedJoints(1, 0));
    EXPECT_EQ(names.at(frames[2].subjectId), "person 2");
    EXPECT_EQ(frames[2].joints, expectedJoints(1, 1));
}

TEST(CocoKeypoints, MalformedFilesNameThePlaceAndLeaveTheProjectUnchanged) {
    fixtures::TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    writeJson(dir.file("good.json"), poseTrack());
    ASSERT_TRUE(importProject("coco", dir.file("good.json"), *store).ok());
    const auto before = store->counts().value();
    const auto layoutsBefore = store->skeletonLayouts().size();

    struct Case {
        const char* name;
        std::function<QByteArray()> bytes;
        std::string message;
    };
    auto edited = [](std::function<void(QJsonObject&)> edit) {
        return [edit] {
            QJsonObject root = poseTrack();
            edit(root);
            return QJsonDocument(root).toJson();
        };
    };
    auto editAnnotation = [&](int index, std::function<void(QJsonObject&)> edit) {
        return edited([index, edit](QJsonObject& root) {
            QJsonArray annotations = root["annotations"].toArray();
            QJsonObject a = annotations[index].toObject();
            edit(a);
            annotations[index] = a;
            root["annotations"] = annotations;
        });
    };
    const std::vector<Case> cases = {
        {"truncated", [] { QByteArray b = QJsonDocument(poseTrack()).toJson(); return b.left(b.size() / 2); },
         "bad.json: not valid JSON at byte "},
        {"not an object", [] { return QByteArray("[1, 2]"); }, "bad.json: expected a JSON object"},
        {"50 keypoint values", editAnnotation(1, [](QJsonObject& a) {
             QJsonArray k = a["keypoints"].toArray();
             k.removeLast();
             a["keypoints"] = k;
         }),
         "bad.json: annotations[1].keypoints has 50 values, expected 51 (17 x 3)"},
        {"unknown image", editAnnotation(2, [](QJsonObject& a) { a["image_id"] = 99; }),
         "bad.json: annotations[2].image_id 99 is not an image"},
        {"keypoint is a string", editAnnotation(0, [](QJsonObject& a) {
             QJsonArray k = a["keypoints"].toArray();
             k[4] = QStringLiteral("12");
             a["keypoints"] = k;
         }),
         "bad.json: annotations[0].keypoints[4] is a string, expected a number"},
        {"visibility 3", editAnnotation(3, [](QJsonObject& a) {
             QJsonArray k = a["keypoints"].toArray();
             k[8] = 3;
             a["keypoints"] = k;
         }),
         "bad.json: annotations[3].keypoints[8] (visibility of right_eye) is 3, expected 0, 1 or 2"},
        {"missing keypoints", editAnnotation(4, [](QJsonObject& a) { a.remove("keypoints"); }),
         "bad.json: annotations[4] has no \"keypoints\""},
        {"track id is text", editAnnotation(0, [](QJsonObject& a) { a["track_id"] = QStringLiteral("0"); }),
         "bad.json: annotations[0].track_id is a string, expected an integer"},
        {"missing file name", edited([](QJsonObject& root) {
             QJsonArray images = root["images"].toArray();
             QJsonObject i = images[3].toObject();
             i.remove("file_name");
             images[3] = i;
             root["images"] = images;
         }),
         "bad.json: images[3] has no \"file_name\""},
        {"image id is text", edited([](QJsonObject& root) {
             QJsonArray images = root["images"].toArray();
             QJsonObject i = images[1].toObject();
             i["id"] = QStringLiteral("10");
             images[1] = i;
             root["images"] = images;
         }),
         "bad.json: images[1].id is a string, expected an integer"},
        {"file name leaves the folder", edited([](QJsonObject& root) {
             QJsonArray images = root["images"].toArray();
             QJsonObject i = images[0].toObject();
             i["file_name"] = QStringLiteral("../../etc/x.jpg");
             images[0] = i;
             root["images"] = images;
         }),
         "bad.json: images[0].file_name: "},
        {"no annotations", edited([](QJsonObject& root) { root.remove("annotations"); }),
         "bad.json: the file has no \"annotations\""},
        {"unknown category", editAnnotation(1, [](QJsonObject& a) { a["category_id"] = 5; }),
         "bad.json: annotations[1].category_id 5 is not a category"},
        {"edge to no joint", edited([](QJsonObject& root) {
             QJsonObject c = category();
             c["skeleton"] = QJsonArray{QJsonArray{16, 18}};
             root["categories"] = QJsonArray{c};
         }),
         "bad.json: categories[0].skeleton[0][1] is 18, expected a joint number from 1 to 17"},
        {"keypoints of another layout", edited([](QJsonObject& root) {
             root["categories"] = QJsonArray{QJsonObject{{"id", 1}, {"name", "tri"}, {"keypoints", QJsonArray{"a", "b", "c"}}}};
         }),
         "bad.json: annotations[0].keypoints has 51 values, expected 9 (3 x 3)"},
        {"a layout's name with other joints", edited([](QJsonObject& root) {
             root["categories"] = QJsonArray{QJsonObject{{"id", 1}, {"name", "Penn-13"}, {"keypoints", QJsonArray{"a", "b", "c"}}}};
             QJsonArray annotations = root["annotations"].toArray();
             for (qsizetype i = 0; i < annotations.size(); ++i) {
                 QJsonObject o = annotations[i].toObject();
                 QJsonArray k;
                 for (int v = 0; v < 9; ++v) k.append(v % 3 == 2 ? 2 : 1);
                 o["keypoints"] = k;
                 annotations[i] = o;
             }
             root["annotations"] = annotations;
         }),
         "bad.json: categories[0].keypoints are not the joints of the project's layout 'Penn-13'"},
        // Found while writing the second sequence, after the first one is in the store.
        {"track twice in one image", editAnnotation(7, [](QJsonObject& a) { a["image_id"] = 20; }),
         "bad.json: annotations[7]: image 20 already has track 4 (annotations[6])"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        writeFile(dir.file("bad.json"), c.bytes());
        Status s = importProject("coco", dir.file("bad.json"), *store);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().rfind(c.message, 0), 0u) << s.error();
        expectProjectUnchanged(*store, before, layoutsBefore);
    }
}

TEST(CocoKeypoints, ExportThenImportGivesTheSameJoints) {
    fixtures::TempDir dir;
    writeJson(dir.file("val.json"), poseTrack());
    auto first = newProject(dir, "first.alproj");
    ASSERT_TRUE(first);
    ASSERT_TRUE(importProject("coco", dir.file("val.json"), *first).ok());
    // A sparse frame and hidden joints with coordinates must survive too.
    auto videos = first->videos().value();
    const std::int64_t coco17 = first->skeletonLayout("COCO-17")->id;
    SkeletonFrame sparse{videos[0].id, allFrames(*first, videos[0].id)[0].subjectId, 40, coco17,
                         annotation::PoseSource::Manual, expectedJoints(40, 9)};
    sparse.joints[3] = Joint{17.5f, 18.25f, 0.0f, false};
    ASSERT_TRUE(first->putSkeletonFrame(sparse).ok());

    Status exported = exportProject("coco", *first, dir.file("out.json"));
    ASSERT_TRUE(exported.ok()) << exported.error();
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.json.part")));

    auto second = newProject(dir, "second.alproj");
    ASSERT_TRUE(second);
    Status imported = importProject("coco", dir.file("out.json"), *second);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(second->counts()->skeletonFrames, first->counts()->skeletonFrames);
    EXPECT_EQ(second->counts()->subjects, first->counts()->subjects);
    auto reread = second->videos().value();
    ASSERT_EQ(reread.size(), videos.size());
    for (const auto& original : videos) {
        SCOPED_TRACE(original.name);
        const annotation::Video* copy = videoNamed(reread, original.name);
        ASSERT_TRUE(copy);
        EXPECT_EQ(copy->width, original.width);
        EXPECT_EQ(copy->height, original.height);
        auto want = allFrames(*first, original.id);
        auto got = allFrames(*second, copy->id);
        ASSERT_EQ(got.size(), want.size());
        for (size_t i = 0; i < want.size(); ++i) {
            EXPECT_EQ(got[i].frame, want[i].frame);
            EXPECT_EQ(got[i].joints, want[i].joints);
        }
    }
    // Same frame, same person: the hidden joint kept its coordinates.
    auto sparseCopy = allFrames(*second, videoNamed(reread, videos[0].name)->id);
    EXPECT_EQ(sparseCopy.back().frame, 40);
    EXPECT_EQ(sparseCopy.back().joints[3], (Joint{17.5f, 18.25f, 0.0f, false}));
}

TEST(CocoKeypoints, ExportWithoutCocoSkeletonsFailsAndWritesNothing) {
    fixtures::TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    Status exported = exportProject("coco", *store, dir.file("out.json"));
    ASSERT_FALSE(exported.ok());
    EXPECT_NE(exported.error().find("no skeletons to export"), std::string::npos) << exported.error();
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.json")));
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.json.part")));
}

TEST(CocoKeypoints, ExportPicksTheCocoJointsOfOtherLayoutsByName) {
    fixtures::TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    annotation::Video video;
    video.name = "walk";
    video.width = 320;
    video.height = 240;
    const std::int64_t videoId = store->insertVideo(video).value();
    const std::int64_t subjectId = store->insertSubject(annotation::Subject{0, "ann", {}}).value();
    const annotation::SkeletonLayout* body25 = store->skeletonLayout("BODY_25");
    const annotation::SkeletonLayout* penn13 = store->skeletonLayout("Penn-13");
    ASSERT_TRUE(body25 && penn13);
    // BODY_25 joint i at (i, 2 i); odd joints seen with confidence 0.5, even ones not found.
    SkeletonFrame openPose{videoId, subjectId, 7, body25->id, annotation::PoseSource::Model, {}};
    for (int i = 0; i < 25; ++i) openPose.joints.push_back(Joint{float(i), float(2 * i), i % 2 ? 0.5f : 0.0f, i % 2 == 1});
    ASSERT_TRUE(store->putSkeletonFrame(openPose).ok());
    // Penn-13 has no face joints: written as Penn-13, category 2.
    SkeletonFrame penn{videoId, subjectId, 8, penn13->id, annotation::PoseSource::Manual, std::vector<Joint>(13)};
    ASSERT_TRUE(store->putSkeletonFrame(penn).ok());

    ASSERT_TRUE(exportProject("coco", *store, dir.file("out.json")).ok());
    QFile f(QString::fromStdString(dir.file("out.json")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonArray images = root["images"].toArray();
    const QJsonArray annotations = root["annotations"].toArray();
    ASSERT_EQ(images.size(), 2);
    ASSERT_EQ(annotations.size(), 2);
    EXPECT_EQ(annotations[0]["category_id"].toInt(), 1);
    EXPECT_EQ(annotations[1]["category_id"].toInt(), 2);
    EXPECT_EQ(annotations[1]["keypoints"].toArray().size(), 39);
    EXPECT_EQ(images[0]["file_name"].toString(), QStringLiteral("walk/000007.jpg"));
    EXPECT_EQ(images[0]["frame_index"].toInt(), 7);
    EXPECT_EQ(images[0]["width"].toInt(), 320);
    const QJsonObject person = annotations[0].toObject();
    EXPECT_EQ(person["image_id"].toInt(), images[0]["id"].toInt());
    EXPECT_EQ(person["track_id"].toInt(), subjectId);
    const QJsonArray keypoints = person["keypoints"].toArray();
    ASSERT_EQ(keypoints.size(), 51);
    const annotation::SkeletonLayout* coco = store->skeletonLayout("COCO-17");
    int labelled = 0;
    for (int k = 0; k < 17; ++k) {
        const int i = body25->jointIndex(coco->joints[k]);
        ASSERT_GE(i, 0) << coco->joints[k];
        SCOPED_TRACE(coco->joints[k]);
        EXPECT_EQ(keypoints[3 * k].toDouble(), i);
        EXPECT_EQ(keypoints[3 * k + 1].toDouble(), 2 * i);
        EXPECT_EQ(keypoints[3 * k + 2].toInt(), i % 2 ? 2 : 0);
        labelled += i % 2;
    }
    EXPECT_EQ(keypoints[3 * 6].toDouble(), 2.0);  // right_shoulder is BODY_25 joint 2
    EXPECT_EQ(person["num_keypoints"].toInt(), labelled);
    EXPECT_EQ(root["categories"].toArray()[0].toObject()["keypoints"].toArray().size(), 17);
}

TEST(CocoKeypoints, ExportCanKeepLayoutsThatCouldBeMappedToCoco17) {
    fixtures::TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    annotation::Video video;
    video.name = "wave";
    const std::int64_t videoId = store->insertVideo(video).value();
    const std::int64_t subjectId = store->insertSubject(annotation::Subject{0, "ann", {}}).value();
    const annotation::SkeletonLayout* body25 = store->skeletonLayout("BODY_25");
    const annotation::SkeletonLayout* coco = store->skeletonLayout("COCO-17");
    ASSERT_TRUE(body25 && coco);
    SkeletonFrame openPose{videoId, subjectId, 4, body25->id, annotation::PoseSource::Model, {}};
    for (int i = 0; i < 25; ++i) openPose.joints.push_back(Joint{float(i + 1), float(3 * i), i % 3 ? 0.75f : 0.0f, i % 3 == 1});
    ASSERT_TRUE(store->putSkeletonFrame(openPose).ok());
    SkeletonFrame person{videoId, subjectId, 5, coco->id, annotation::PoseSource::Manual, {}};
    for (int i = 0; i < 17; ++i) person.joints.push_back(Joint{float(2 * i), float(i), 1.0f, true});
    ASSERT_TRUE(store->putSkeletonFrame(person).ok());

    ExportOptions options;
    options.keepSkeletonLayouts = true;
    Status exported = exportProject("coco", *store, dir.file("out.json"), options);
    ASSERT_TRUE(exported.ok()) << exported.error();
    QFile f(QString::fromStdString(dir.file("out.json")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonArray categories = root["categories"].toArray();
    ASSERT_EQ(categories.size(), 2);
    std::map<QString, QJsonObject> byName;
    for (const auto& c : categories) byName[c.toObject()["name"].toString()] = c.toObject();
    ASSERT_TRUE(byName.count(QStringLiteral("BODY_25")));
    ASSERT_TRUE(byName.count(QStringLiteral("person")));  // COCO-17 itself stays category 1
    EXPECT_EQ(byName[QStringLiteral("person")]["id"].toInt(), 1);
    EXPECT_EQ(byName[QStringLiteral("BODY_25")]["keypoints"].toArray().size(), 25);
    EXPECT_EQ(byName[QStringLiteral("BODY_25")]["skeleton"].toArray().size(), static_cast<qsizetype>(body25->edges.size()));
    const QJsonArray annotations = root["annotations"].toArray();
    ASSERT_EQ(annotations.size(), 2);
    EXPECT_EQ(annotations[0]["category_id"].toInt(), byName[QStringLiteral("BODY_25")]["id"].toInt());
    EXPECT_EQ(annotations[0]["keypoints"].toArray().size(), 75);
    EXPECT_EQ(annotations[1]["keypoints"].toArray().size(), 51);

    // Read back: onto the built-in BODY_25 with every joint, not 17 of them.
    auto second = newProject(dir, "second.alproj");
    ASSERT_TRUE(second);
    Status imported = importProject("coco", dir.file("out.json"), *second);
    ASSERT_TRUE(imported.ok()) << imported.error();
    auto frames = allFrames(*second, second->videos().value()[0].id);
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(frames[0].layoutId, second->skeletonLayout("BODY_25")->id);
    ASSERT_EQ(frames[0].joints.size(), 25u);
    for (int i = 0; i < 25; ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(frames[0].joints[i].visible, openPose.joints[i].visible);
        if (openPose.joints[i].confidence > 0) {
            EXPECT_EQ(frames[0].joints[i].x, openPose.joints[i].x);
            EXPECT_EQ(frames[0].joints[i].y, openPose.joints[i].y);
        }
    }
    EXPECT_EQ(frames[1].layoutId, second->skeletonLayout("COCO-17")->id);
    EXPECT_EQ(frames[1].joints, person.joints);
}

TEST(CocoKeypoints, ExportWritesOtherLayoutsAsTheyAreOneCategoryEach) {
    fixtures::TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    annotation::Video video;
    video.name = "jump";
    const std::int64_t videoId = store->insertVideo(video).value();
    const std::int64_t subjectId = store->insertSubject(annotation::Subject{0, "ann", {}}).value();
    const std::int64_t pennId = store->skeletonLayout("Penn-13")->id;
    const std::int64_t handId =
        store->insertSkeletonLayout(annotation::SkeletonLayout{0, "hand-3", {"wrist", "knuckle", "tip"}, {{0, 1}, {1, 2}}, {}})
            .value();
    SkeletonFrame penn{videoId, subjectId, 2, pennId, annotation::PoseSource::Manual, {}};
    for (int i = 0; i < 13; ++i) penn.joints.push_back(Joint{float(3 * i), float(5 * i + 1), i % 4 ? 1.0f : 0.0f, i % 2 == 1});
    ASSERT_TRUE(store->putSkeletonFrame(penn).ok());
    SkeletonFrame hand{videoId, subjectId, 3, handId, annotation::PoseSource::Manual,
                       {Joint{1, 2, 1, true}, Joint{3, 4, 1, true}, Joint{5, 6, 1, false}}};
    ASSERT_TRUE(store->putSkeletonFrame(hand).ok());

    Status exported = exportProject("coco", *store, dir.file("out.json"));
    ASSERT_TRUE(exported.ok()) << exported.error();
    QFile f(QString::fromStdString(dir.file("out.json")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonArray categories = root["categories"].toArray();
    ASSERT_EQ(categories.size(), 2);  // only the layouts used
    std::map<QString, QJsonObject> byName;
    for (const auto& c : categories) byName[c.toObject()["name"].toString()] = c.toObject();
    for (const annotation::SkeletonLayout* layout : {store->skeletonLayout("Penn-13"), store->skeletonLayout("hand-3")}) {
        SCOPED_TRACE(layout->name);
        const QJsonObject c = byName[QString::fromStdString(layout->name)];
        const QJsonArray names = c["keypoints"].toArray();
        ASSERT_EQ(names.size(), static_cast<qsizetype>(layout->joints.size()));
        for (size_t j = 0; j < layout->joints.size(); ++j)
            EXPECT_EQ(names[static_cast<qsizetype>(j)].toString().toStdString(), layout->joints[j]);
        const QJsonArray skeleton = c["skeleton"].toArray();
        ASSERT_EQ(skeleton.size(), static_cast<qsizetype>(layout->edges.size()));
        for (size_t e = 0; e < layout->edges.size(); ++e) {
            EXPECT_EQ(skeleton[static_cast<qsizetype>(e)].toArray()[0].toInt(), layout->edges[e].first + 1);
            EXPECT_EQ(skeleton[static_cast<qsizetype>(e)].toArray()[1].toInt(), layout->edges[e].second + 1);
        }
    }
    const QJsonArray annotations = root["annotations"].toArray();
    ASSERT_EQ(annotations.size(), 2);
    EXPECT_EQ(annotations[0]["category_id"].toInt(), byName["Penn-13"]["id"].toInt());
    const QJsonArray keypoints = annotations[0]["keypoints"].toArray();
    ASSERT_EQ(keypoints.size(), 39);
    for (int i = 0; i < 13; ++i) {
        EXPECT_EQ(keypoints[3 * i].toDouble(), 3 * i);
        EXPECT_EQ(keypoints[3 * i + 2].toInt(), i % 2 ? 2 : (i % 4 ? 1 : 0));
    }

    // Read back: Penn-13 onto the built-in layout, hand-3 added as a custom layout.
    auto second = newProject(dir, "second.alproj");
    ASSERT_TRUE(second);
    Status imported = importProject("coco", dir.file("out.json"), *second);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const annotation::SkeletonLayout* hand3 = second->skeletonLayout("hand-3");
    ASSERT_TRUE(hand3);
    EXPECT_EQ(hand3->joints, (std::vector<std::string>{"wrist", "knuckle", "tip"}));
    EXPECT_EQ(hand3->edges, (std::vector<std::pair<int, int>>{{0, 1}, {1, 2}}));
    auto frames = allFrames(*second, second->videos().value()[0].id);
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(frames[0].layoutId, second->skeletonLayout("Penn-13")->id);
    EXPECT_EQ(frames[0].joints, penn.joints);
    EXPECT_EQ(frames[1].layoutId, hand3->id);
    EXPECT_EQ(frames[1].joints, hand.joints);
}

TEST(CocoKeypoints, BoxOnlyPeopleSurviveARoundTrip) {
    fixtures::TempDir dir;
    QJsonObject boxOnly{{"id", 2}, {"image_id", 1}, {"category_id", 1}, {"num_keypoints", 0},
                        {"bbox", QJsonArray{5, 6, 20, 30}}, {"iscrowd", 0}};
    QJsonArray zeros;
    for (int i = 0; i < 51; ++i) zeros.append(0);
    boxOnly.insert(QStringLiteral("keypoints"), zeros);
    QJsonObject noKeypointsField{{"id", 3}, {"image_id", 2}, {"category_id", 1}, {"num_keypoints", 0},
                                 {"bbox", QJsonArray{1, 2, 3, 4}}};
    QJsonObject crowd = boxOnly;
    crowd.insert(QStringLiteral("id"), 4);
    crowd.insert(QStringLiteral("iscrowd"), 1);
    const QJsonObject root{{"images", QJsonArray{image(1, "a.jpg"), image(2, "b.jpg")}},
                           {"annotations", QJsonArray{person(1, 1, 0, 0, false), boxOnly, noKeypointsField, crowd}},
                           {"categories", QJsonArray{category()}}};
    writeJson(dir.file("boxes.json"), root);
    auto first = newProject(dir, "first.alproj");
    ASSERT_TRUE(first);
    Status imported = importProject("coco", dir.file("boxes.json"), *first);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(first->counts()->skeletonFrames, 3);  // the crowd is skipped
    auto frames = allFrames(*first, first->videos().value()[0].id);
    ASSERT_EQ(frames.size(), 3u);
    // Frame 0: person 1 with keypoints, person 2 the box; frame 1: the box without a keypoints field.
    const SkeletonFrame& box = frames[1];
    EXPECT_EQ(box.frame, 0);
    EXPECT_EQ(box.joints.size(), 17u);
    for (const Joint& j : box.joints) {
        EXPECT_FALSE(j.visible);
        EXPECT_EQ(j.confidence, 0.0f);
    }
    ASSERT_TRUE(box.box.has_value()) << "the box is the frame's box";
    EXPECT_EQ(*box.box, (annotation::SubjectBox{5, 6, 20, 30}));

    Status exported = exportProject("coco", *first, dir.file("out.json"));
    ASSERT_TRUE(exported.ok()) << exported.error();
    QFile f(QString::fromStdString(dir.file("out.json")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonArray annotations = QJsonDocument::fromJson(f.readAll()).object()["annotations"].toArray();
    ASSERT_EQ(annotations.size(), 3);
    const QJsonObject written = annotations[1].toObject();
    EXPECT_EQ(written["num_keypoints"].toInt(), 0);
    EXPECT_EQ(written["bbox"].toArray(), (QJsonArray{5.0, 6.0, 20.0, 30.0}));
    for (const auto& v : written["keypoints"].toArray()) EXPECT_EQ(v.toDouble(), 0.0);
    EXPECT_EQ(annotations[2].toObject()["bbox"].toArray(), (QJsonArray{1.0, 2.0, 3.0, 4.0}));

    auto second = newProject(dir, "second.alproj");
    ASSERT_TRUE(second);
    imported = importProject("coco", dir.file("out.json"), *second);
    ASSERT_TRUE(imported.ok()) << imported.error();
    auto again = allFrames(*second, second->videos().value()[0].id);
    ASSERT_EQ(again.size(), frames.size());
    for (size_t i = 0; i < frames.size(); ++i) {
        EXPECT_EQ(again[i].frame, frames[i].frame);
        EXPECT_EQ(again[i].joints, frames[i].joints);
        EXPECT_EQ(again[i].box, frames[i].box);
    }
}

// A file as COCO's own tools write it: image ids that are not 1.., file names of the dataset's own,
// an image without people, and boxes that are not the keypoints' extent (COCO's boxes enclose the
// whole person). Import and export again keep all of it.
TEST(CocoKeypoints, BoxesImageNamesAndIdsSurviveARoundTrip) {
    fixtures::TempDir dir;
    QJsonArray images{image(397133, "val2017/000000397133.jpg"), image(37777, "val2017/000000037777.jpg"),
                      image(252219, "val2017/000000252219.jpg")};
    QJsonObject a = person(900100, 397133, 0, 0, false);
    a.insert(QStringLiteral("bbox"), QJsonArray{388.66, 69.92, 109.41, 277.62});
    QJsonObject b = person(900101, 397133, 1, 1, false);
    b.insert(QStringLiteral("bbox"), QJsonArray{0.0, 262.81, 62.16, 36.77});
    QJsonObject c = person(900102, 252219, 2, 0, false);
    c.remove(QStringLiteral("bbox"));  // no box: none is made up on import
    const QJsonObject root{{"images", images}, {"annotations", QJsonArray{a, b, c}}, {"categories", QJsonArray{category()}}};
    writeJson(dir.file("person_keypoints_val2017.json"), root);

    auto first = newProject(dir, "first.alproj");
    ASSERT_TRUE(first);
    Status imported = importProject("coco", dir.file("person_keypoints_val2017.json"), *first);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const annotation::Video video = first->videos().value().at(0);
    EXPECT_EQ(video.name, "val2017");
    auto frames = allFrames(*first, video.id);
    ASSERT_EQ(frames.size(), 3u);
    // Natural order of the names: 037777 is frame 0, 252219 frame 1, 397133 frame 2.
    EXPECT_EQ(frames[0].frame, 1);
    EXPECT_FALSE(frames[0].box.has_value());
    EXPECT_EQ(frames[1].frame, 2);
    ASSERT_TRUE(frames[1].box.has_value());
    EXPECT_EQ(*frames[1].box, (annotation::SubjectBox{388.66f, 69.92f, 109.41f, 277.62f}));
    EXPECT_EQ(*frames[2].box, (annotation::SubjectBox{0.0f, 262.81f, 62.16f, 36.77f}));
    auto sources = first->frameSources(video.id);
    ASSERT_TRUE(sources.ok()) << sources.error();
    ASSERT_EQ(sources->size(), 3u);
    EXPECT_EQ(sources->at(0), (annotation::FrameSource{video.id, 0, "val2017/000000037777.jpg", 37777}));

    Status exported = exportProject("coco", *first, dir.file("out.json"));
    ASSERT_TRUE(exported.ok()) << exported.error();
    QFile f(QString::fromStdString(dir.file("out.json")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(f.readAll()).object();
    std::map<qint64, QString> nameOfId;
    for (const auto& v : written["images"].toArray()) nameOfId[v.toObject()["id"].toInteger()] = v.toObject()["file_name"].toString();
    EXPECT_EQ(nameOfId, (std::map<qint64, QString>{{37777, "val2017/000000037777.jpg"},
                                                   {252219, "val2017/000000252219.jpg"},
                                                   {397133, "val2017/000000397133.jpg"}}))
        << "the image without people is written too";
    std::map<qint64, std::vector<QJsonArray>> boxesOfImage;
    for (const auto& v : written["annotations"].toArray())
        boxesOfImage[v.toObject()["image_id"].toInteger()].push_back(v.toObject()["bbox"].toArray());
    ASSERT_EQ(boxesOfImage[397133].size(), 2u);
    EXPECT_NEAR(boxesOfImage[397133][0][0].toDouble(), 388.66, 1e-4);
    EXPECT_NEAR(boxesOfImage[397133][0][3].toDouble(), 277.62, 1e-4);
    EXPECT_NEAR(boxesOfImage[397133][1][1].toDouble(), 262.81, 1e-4);

    auto second = newProject(dir, "second.alproj");
    ASSERT_TRUE(second);
    imported = importProject("coco", dir.file("out.json"), *second);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const annotation::Video copy = second->videos().value().at(0);
    EXPECT_EQ(copy.name, "val2017");
    auto again = allFrames(*second, copy.id);
    ASSERT_EQ(again.size(), frames.size());
    for (size_t i = 0; i < frames.size(); ++i) {
        EXPECT_EQ(again[i].frame, frames[i].frame);
        if (frames[i].box) EXPECT_EQ(again[i].box, frames[i].box) << "frame " << frames[i].frame;
        EXPECT_EQ(again[i].joints, frames[i].joints);
    }
    // Where the file had no box, the export wrote the labelled keypoints' extent (COCO needs a bbox),
    // which comes back as the box.
    ASSERT_TRUE(again[0].box.has_value());
    float x0 = 1e9f, x1 = -1e9f;
    for (const Joint& j : frames[0].joints)
        if (j.confidence > 0) x0 = std::min(x0, j.x), x1 = std::max(x1, j.x);
    EXPECT_FLOAT_EQ(again[0].box->x, x0);
    EXPECT_FLOAT_EQ(again[0].box->width, x1 - x0);
    auto sourcesAgain = second->frameSources(copy.id).value();
    for (auto& s : sourcesAgain) s.videoId = video.id;
    EXPECT_EQ(sourcesAgain, sources.value());
}
