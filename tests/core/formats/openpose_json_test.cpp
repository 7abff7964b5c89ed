#include "core/annotation/project_store.h"
#include "core/formats/format_registry.h"
#include "core/formats/openpose_json.h"
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

namespace fs = std::filesystem;

namespace {

void writeFile(const std::string& path, const QByteArray& bytes) {
    QFile f(QString::fromStdString(path));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

// Joint j of person p in frame f: x = 3 f + j + 0.5, y = 200 + 40 p + j, c = 0 for every
// fourth joint, else 0.1 + j / 100.
QJsonArray pose(int joints, int frame, int person) {
    QJsonArray values;
    for (int j = 0; j < joints; ++j) {
        values.append(3.0 * frame + j + 0.5);
        values.append(200.0 + 40.0 * person + j);
        values.append(j % 4 == 0 ? 0.0 : 0.1 + j / 100.0);
    }
    return values;
}

std::vector<Joint> expectedJoints(int joints, int frame, int person) {
    std::vector<Joint> result;
    for (int j = 0; j < joints; ++j) {
        const double c = j % 4 == 0 ? 0.0 : 0.1 + j / 100.0;
        result.push_back(Joint{float(3.0 * frame + j + 0.5), float(200.0 + 40.0 * person + j), float(c), c > 0});
    }
    return result;
}

QJsonObject person(const QJsonArray& keypoints, int personId = -1) {
    return QJsonObject{{"person_id", QJsonArray{personId}},
                       {"pose_keypoints_2d", keypoints},
                       {"face_keypoints_2d", QJsonArray{}},
                       {"hand_left_keypoints_2d", QJsonArray{}},
                       {"hand_right_keypoints_2d", QJsonArray{}}};
}

QByteArray frameFile(const QJsonArray& people) {
    return QJsonDocument(QJsonObject{{"version", 1.3}, {"people", people}}).toJson();
}

std::string frameName(const std::string& prefix, int frame) {
    char number[16];
    std::snprintf(number, sizeof number, "%012d", frame);
    return prefix + number + "_keypoints.json";
}

// BODY_25 output of "walk.mp4": frames 0, 2 and 10 (numeric order matters: "10" < "2" as text).
// Frame 0: two people; frame 2: one person and one with only face output; frame 10: nobody.
void writeBody25Folder(const fixtures::TempDir& dir, const std::string& folder) {
    fs::create_directories(dir.file(folder));
    writeFile(dir.file(folder + "/" + frameName("walk_", 0)), frameFile({person(pose(25, 0, 0)), person(pose(25, 0, 1))}));
    writeFile(dir.file(folder + "/" + frameName("walk_", 2)), frameFile({person(pose(25, 2, 0)), person(QJsonArray{})}));
    writeFile(dir.file(folder + "/" + frameName("walk_", 10)), frameFile({}));
    writeFile(dir.file(folder + "/notes.txt"), "not a pose file");
}

}  // namespace

TEST(OpenPoseJson, Body25FolderBecomesOneVideoWithPersonsPerPosition) {
    fixtures::TempDir dir;
    writeBody25Folder(dir, "walk_json");
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    std::vector<std::int64_t> progress;
    ImportOptions options;
    options.progress = [&](std::int64_t done, std::int64_t total) {
        EXPECT_EQ(total, 3);
        progress.push_back(done);
    };
    Status imported = importProject("openpose", dir.file("walk_json"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    EXPECT_EQ(progress, (std::vector<std::int64_t>{1, 2, 3}));

    auto counts = store->counts().value();
    EXPECT_EQ(counts.videos, 1);
    EXPECT_EQ(counts.subjects, 2);
    EXPECT_EQ(counts.skeletonFrames, 3);
    auto videos = store->videos().value();
    ASSERT_EQ(videos.size(), 1u);
    EXPECT_EQ(videos[0].name, "walk");
    EXPECT_EQ(videos[0].path, "");
    EXPECT_EQ(videos[0].frameCount, 11);

    const auto names = subjectNames(*store);
    auto frames = allFrames(*store, videos[0].id);
    ASSERT_EQ(frames.size(), 3u);
    const std::int64_t body25 = store->skeletonLayout("BODY_25")->id;
    const std::tuple<int, int, const char*> expected[] = {{0, 0, "person 1"}, {0, 1, "person 2"}, {2, 0, "person 1"}};
    for (size_t i = 0; i < frames.size(); ++i) {
        const auto [frame, index, name] = expected[i];
        SCOPED_TRACE(i);
        EXPECT_EQ(frames[i].frame, frame);
        EXPECT_EQ(names.at(frames[i].subjectId), name);
        EXPECT_EQ(frames[i].layoutId, body25);
        EXPECT_EQ(frames[i].source, annotation::PoseSource::Imported);
        EXPECT_EQ(frames[i].joints, expectedJoints(25, frame, index));
    }
    EXPECT_FALSE(frames[0].joints[0].visible);  // confidence 0
    EXPECT_TRUE(frames[0].joints[1].visible);
}

TEST(OpenPoseJson, RenamedFilesAndBody25bAreReadAsPeopleMeetThem) {
    // Frames renamed by another tool (cam01.0030.json), in BODY_25B order: the count (25) cannot
    // tell, so the import is told.
    fixtures::TempDir dir;
    fs::create_directories(dir.file("renamed"));
    writeFile(dir.file("renamed/cam01.0030.json"), frameFile({person(pose(25, 30, 0))}));
    writeFile(dir.file("renamed/cam01.31.json"), frameFile({person(pose(25, 31, 0))}));
    writeFile(dir.file("renamed/calibration.json"), "{}");
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    std::vector<std::string> warnings;
    ImportOptions options;
    options.warning = [&](const std::string& w) { warnings.push_back(w); };
    options.layout = "BODY_25B";
    Status imported = importProject("openpose", dir.file("renamed"), *store, options);
    ASSERT_TRUE(imported.ok()) << imported.error();
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("calibration.json"), std::string::npos) << warnings[0];
    auto videos = store->videos().value();
    ASSERT_EQ(videos.size(), 1u);
    EXPECT_EQ(videos[0].name, "cam01");
    EXPECT_EQ(videos[0].frameCount, 32);
    const annotation::SkeletonLayout* body25b = store->skeletonLayout("BODY_25B");
    ASSERT_NE(body25b, nullptr);
    EXPECT_EQ(body25b->joints.size(), 25u);
    EXPECT_EQ(body25b->joints[17], "upper_neck");
    auto frames = allFrames(*store, videos[0].id);
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(frames[0].frame, 30);
    EXPECT_EQ(frames[0].layoutId, body25b->id);
    EXPECT_EQ(frames[0].joints, expectedJoints(25, 30, 0));

    // A layout whose point count differs from the files' is refused, naming both.
    auto other = newProject(dir, "other.alproj");
    options.layout = "COCO-18";
    const Status refused = importProject("openpose", dir.file("renamed"), *other, options);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("25 points per person, but COCO-18 has 18"), std::string::npos) << refused.error();
    options.layout = "Kinect-25";
    EXPECT_FALSE(importProject("openpose", dir.file("renamed"), *other, options).ok());
}

TEST(OpenPoseJson, Coco18UsesPersonIdsAndAddsTheLayoutOnce) {
    fixtures::TempDir dir;
    fs::create_directories(dir.file("coco18"));
    writeFile(dir.file("coco18/" + frameName("", 3)), frameFile({person(pose(18, 3, 0), 7)}));
    writeFile(dir.file("coco18/" + frameName("", 4)), frameFile({person(pose(18, 4, 1), 7), person(pose(18, 4, 2))}));
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    ASSERT_EQ(store->skeletonLayout("COCO-18"), nullptr);
    Status imported = importProject("openpose", dir.file("coco18"), *store);
    ASSERT_TRUE(imported.ok()) << imported.error();
    const annotation::SkeletonLayout* layout = store->skeletonLayout("COCO-18");
    ASSERT_NE(layout, nullptr);
    EXPECT_EQ(layout->joints, openPoseCoco18Layout().joints);

    auto videos = store->videos().value();
    ASSERT_EQ(videos.size(), 1u);
    EXPECT_EQ(videos[0].name, "coco18");  // no prefix: the folder's name
    const auto names = subjectNames(*store);
    auto frames = allFrames(*store, videos[0].id);
    ASSERT_EQ(frames.size(), 3u);
    EXPECT_EQ(frames[0].frame, 3);
    EXPECT_EQ(names.at(frames[0].subjectId), "person 7");
    EXPECT_EQ(frames[0].layoutId, layout->id);
    EXPECT_EQ(frames[0].joints, expectedJoints(18, 3, 0));
    // Frame 4, by subject: "person 2" (second in "people", no id) was created before "person 7".
    EXPECT_EQ(frames[1].frame, 4);
    EXPECT_EQ(names.at(frames[1].subjectId), "person 2");
    EXPECT_EQ(frames[1].joints, expectedJoints(18, 4, 2));
    EXPECT_EQ(frames[2].frame, 4);
    EXPECT_EQ(frames[2].subjectId, frames[0].subjectId);
    EXPECT_EQ(frames[2].joints, expectedJoints(18, 4, 1));

    // A second import reuses the project's COCO-18 layout.
    const auto layouts = store->skeletonLayouts().size();
    ASSERT_TRUE(importProject("openpose", dir.file("coco18"), *store).ok());
    EXPECT_EQ(store->skeletonLayouts().size(), layouts);
    EXPECT_EQ(store->counts()->skeletonFrames, 6);
}

TEST(OpenPoseJson, MalformedFilesNameFileAndFieldAndLeaveTheProjectUnchanged) {
    fixtures::TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    writeBody25Folder(dir, "good");
    ASSERT_TRUE(importProject("openpose", dir.file("good"), *store).ok());
    const auto before = store->counts().value();
    const auto layoutsBefore = store->skeletonLayouts().size();

    struct Case {
        const char* name;
        QByteArray frame7;  // written as the last of three files, after two good ones
        std::string message;
    };
    const QByteArray good = frameFile({person(pose(25, 7, 0))});
    QJsonArray shortPose = pose(25, 7, 0);
    for (int i = 0; i < 25; ++i) shortPose.removeLast();
    QJsonArray textValue = pose(25, 7, 0);
    textValue[5] = QStringLiteral("0.5");
    QJsonArray negative = pose(25, 7, 0);
    negative[5] = -0.5;
    const std::string file = frameName("clip_", 7) + ": ";
    const std::vector<Case> cases = {
        {"truncated", good.left(good.size() / 2), file + "not valid JSON at byte "},
        {"wrong keypoint count", frameFile({person(pose(25, 7, 0)), person(shortPose)}),
         file + "people[1].pose_keypoints_2d has 50 values, expected 75 (BODY_25: 25 x 3) or 54 (COCO-18: 18 x 3)"},
        {"mixed layouts", frameFile({person(pose(18, 7, 0))}),
         file + "people[0].pose_keypoints_2d has 54 values, but earlier people have 75 (BODY_25)"},
        {"keypoint is text", frameFile({person(textValue)}), file + "people[0].pose_keypoints_2d[5] is a string, expected a number"},
        {"negative confidence", frameFile({person(negative)}),
         file + "people[0].pose_keypoints_2d[5] (confidence) is -0.5, expected 0 or more"},
        {"people is an object", QJsonDocument(QJsonObject{{"people", QJsonObject{}}}).toJson(),
         file + "people is an object, expected an array"},
        {"no people", QJsonDocument(QJsonObject{{"version", 1.3}}).toJson(), file + "the file has no \"people\""},
        {"no pose", QJsonDocument(QJsonObject{{"people", QJsonArray{QJsonObject{{"person_id", QJsonArray{-1}}}}}}).toJson(),
         file + "people[0] has no \"pose_keypoints_2d\""},
        {"person id is text", QJsonDocument(QJsonObject{{"people", QJsonArray{QJsonObject{
                                  {"person_id", QStringLiteral("a")}, {"pose_keypoints_2d", pose(25, 7, 0)}}}}}).toJson(),
         file + "people[0].person_id is a string, expected an integer"},
        {"same person twice", frameFile({person(pose(25, 7, 0), 2), person(pose(25, 7, 1))}),
         file + "people[1] is person 2, like people[0]"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        fixtures::TempDir bad;
        writeFile(bad.file(frameName("clip_", 5)), frameFile({person(pose(25, 5, 0))}));
        writeFile(bad.file(frameName("clip_", 6)), frameFile({person(pose(25, 6, 0))}));
        writeFile(bad.file(frameName("clip_", 7)), c.frame7);
        Status s = importProject("openpose", bad.path(), *store);
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().rfind(c.message, 0), 0u) << s.error();
        expectProjectUnchanged(*store, before, layoutsBefore);
    }
}

TEST(OpenPoseJson, FolderProblemsAreReported) {
    fixtures::TempDir dir;
    auto store = newProject(dir);
    ASSERT_TRUE(store);
    fs::create_directories(dir.file("empty"));
    writeFile(dir.file("empty/readme.txt"), "x");
    Status s = importProject("openpose", dir.file("empty"), *store);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().find("holds no OpenPose files"), std::string::npos) << s.error();

    fs::create_directories(dir.file("nonumber"));
    writeFile(dir.file("nonumber/clip_keypoints.json"), frameFile({}));
    s = importProject("openpose", dir.file("nonumber"), *store);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error(), "clip_keypoints.json: the file name has no frame number before _keypoints.json");

    fs::create_directories(dir.file("twice"));
    writeFile(dir.file("twice/clip_1_keypoints.json"), frameFile({}));
    writeFile(dir.file("twice/clip_01_keypoints.json"), frameFile({}));
    s = importProject("openpose", dir.file("twice"), *store);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error(), "clip_1_keypoints.json: frame 1 is also the frame of clip_01_keypoints.json");

    writeFile(dir.file("single_000000000000_keypoints.json"), frameFile({}));
    s = importProject("openpose", dir.file("single_000000000000_keypoints.json"), *store);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().find("is not a folder"), std::string::npos) << s.error();
    EXPECT_EQ(store->counts()->videos, 0);
}
