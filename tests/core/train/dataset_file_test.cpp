// Dataset files: a written dataset reads back equal in every field and value; damaged files
// are refused with a message naming the file and the damage.

#include "core/train/dataset_file.h"

#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace actionlens::train {
namespace {

std::string tempFile(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("actionlens-dataset-" + std::to_string(::getpid()) + "-" + name)).string();
}

std::string fileText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

LabelledDataset richDataset() {
    LabelledDataset data = testing::motionDataset();
    testing::declareMirrors(data);
    data.tasks[1].mirrorOf.clear();  // an undeclared task stays undeclared
    data.clips[0].labels[1] = -1;  // a missing label survives
    data.clips[1].splits = {"train", "fold a"};
    data.clips[2].videoName = "clip \"quoted\".mp4";
    data.clips[2].firstFrame = 1234567;
    data.clips[2].videoPath = "/videos/clip.mp4";
    return data;
}

TEST(DatasetFile, RoundTripKeepsEveryFieldAndValue) {
    const LabelledDataset data = richDataset();
    const std::string path = tempFile("round.alds");
    ASSERT_TRUE(writeDatasetFile(data, path).ok());
    Result<LabelledDataset> back = readDatasetFile(path);
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back->taxonomyName, data.taxonomyName);
    ASSERT_EQ(back->tasks.size(), data.tasks.size());
    for (size_t t = 0; t < data.tasks.size(); ++t) {
        EXPECT_EQ(back->tasks[t].name, data.tasks[t].name);
        EXPECT_EQ(back->tasks[t].classNames, data.tasks[t].classNames);
        EXPECT_EQ(back->tasks[t].mirrorOf, data.tasks[t].mirrorOf);
    }
    ASSERT_EQ(back->hierarchy.has_value(), data.hierarchy.has_value());
    if (data.hierarchy) {
        EXPECT_EQ(back->hierarchy->groupOfAction, data.hierarchy->groupOfAction);
        EXPECT_EQ(back->hierarchy->groupCount, data.hierarchy->groupCount);
        EXPECT_EQ(back->hierarchy->actionTask, data.hierarchy->actionTask);
    }
    EXPECT_EQ(back->layoutName, data.layoutName);
    EXPECT_EQ(back->layout.jointCount, data.layout.jointCount);
    EXPECT_EQ(back->layout.edges, data.layout.edges);
    EXPECT_EQ(back->layout.centreJoint, data.layout.centreJoint);
    EXPECT_EQ(back->mirrorPairs, data.mirrorPairs);
    ASSERT_EQ(back->clips.size(), data.clips.size());
    for (size_t i = 0; i < data.clips.size(); ++i) {
        const LabelledClip &a = data.clips[i], &b = back->clips[i];
        EXPECT_EQ(b.skeleton.frames, a.skeleton.frames);
        EXPECT_EQ(b.skeleton.joints, a.skeleton.joints);
        EXPECT_EQ(b.skeleton.values, a.skeleton.values) << "clip " << i;
        EXPECT_EQ(b.labels, a.labels);
        EXPECT_EQ(b.segmentId, a.segmentId);
        EXPECT_EQ(b.videoId, a.videoId);
        EXPECT_EQ(b.videoName, a.videoName);
        EXPECT_EQ(b.videoPath, a.videoPath);
        EXPECT_EQ(b.subjectId, a.subjectId);
        EXPECT_EQ(b.firstFrame, a.firstFrame);
        EXPECT_EQ(b.splits, a.splits);
    }
    std::filesystem::remove(path);
}

TEST(DatasetFile, RefusesDamagedFilesSayingWhatIsWrong) {
    const std::string path = tempFile("damaged.alds");
    ASSERT_TRUE(writeDatasetFile(testing::motionDataset(), path).ok());
    const std::string good = fileText(path);

    writeText(path, good.substr(0, good.size() - 10));
    Result<LabelledDataset> truncated = readDatasetFile(path);
    ASSERT_FALSE(truncated.ok());
    EXPECT_NE(truncated.error().find("truncated: 10 bytes of skeleton values are missing"), std::string::npos) << truncated.error();
    EXPECT_NE(truncated.error().find(path), std::string::npos);

    writeText(path, good + "xx");
    Result<LabelledDataset> trailing = readDatasetFile(path);
    ASSERT_FALSE(trailing.ok());
    EXPECT_NE(trailing.error().find("2 bytes follow"), std::string::npos) << trailing.error();

    writeText(path, "PK\x03\x04 not a dataset");
    Result<LabelledDataset> foreign = readDatasetFile(path);
    ASSERT_FALSE(foreign.ok());
    EXPECT_NE(foreign.error().find("is not an ActionLens dataset file"), std::string::npos) << foreign.error();

    std::string badLabel = good;
    const size_t labels = badLabel.find('[', badLabel.find("\"labels\""));
    ASSERT_NE(labels, std::string::npos);
    badLabel.replace(labels + 1, 1, "7");  // the first clip's first task has fewer classes
    writeText(path, badLabel);
    Result<LabelledDataset> label = readDatasetFile(path);
    ASSERT_FALSE(label.ok());
    EXPECT_NE(label.error().find("clip 0: label 7 of task"), std::string::npos) << label.error();

    LabelledDataset oneWay = testing::motionDataset();
    oneWay.tasks[2].mirrorOf = {1, 1};  // back mirrors to itself, front to back: not a pair
    ASSERT_TRUE(writeDatasetFile(oneWay, path).ok());
    Result<LabelledDataset> mirror = readDatasetFile(path);
    ASSERT_FALSE(mirror.ok());
    EXPECT_NE(mirror.error().find("task 2: task 'viewpoint': class 'front' mirrors to 'back', which does not mirror back"),
              std::string::npos)
        << mirror.error();

    std::string badJson = good;
    badJson.replace(badJson.find("\"clips\""), 7, "\"clips\"!");
    badJson.erase(badJson.find("\"taxonomy\""), 1);  // keep the header length
    writeText(path, badJson);
    Result<LabelledDataset> json = readDatasetFile(path);
    ASSERT_FALSE(json.ok());
    EXPECT_NE(json.error().find("header: line 1"), std::string::npos) << json.error();
    std::filesystem::remove(path);

    EXPECT_FALSE(readDatasetFile(tempFile("absent.alds")).ok());
}

TEST(DatasetFile, AbsurdJointCountIsRefusedBeforeSizingAnything) {
    // A layout of 2^31 - 1 joints would make the clips' value counts overflow (and a huge allocation).
    const std::string path = tempFile("joints.alds");
    ASSERT_TRUE(writeDatasetFile(testing::motionDataset(1), path).ok());
    const std::string good = fileText(path);
    const size_t headerStart = good.find('\n') + 1 + 17;  // magic line, 16 digits and a newline
    const size_t headerBytes = std::stoull(good.substr(good.find('\n') + 1, 16));
    std::string header = good.substr(headerStart, headerBytes);
    const size_t key = header.find("\"joints\"", header.find("\"layout\""));
    ASSERT_NE(key, std::string::npos);
    const size_t digits = header.find_first_of("0123456789", key);
    header.replace(digits, header.find_first_not_of("0123456789", digits) - digits, "2147483647");
    char length[32];
    std::snprintf(length, sizeof length, "%016zu\n", header.size());
    writeText(path, good.substr(0, good.find('\n') + 1) + length + header + good.substr(headerStart + headerBytes));
    Result<LabelledDataset> refused = readDatasetFile(path);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("layout: joints is 2147483647, expected 0 to 100,000"), std::string::npos) << refused.error();
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace actionlens::train
