#include "core/formats/openpose_json.h"

#include "core/annotation/project_store.h"
#include "core/formats/json_type_name.h"
#include "core/formats/text_file.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>

namespace actionlens::formats {

using annotation::Joint;
using annotation::SkeletonFrame;

namespace {

constexpr const char* kSuffix = "_keypoints.json";
constexpr const char* kBody25 = "BODY_25";
constexpr const char* kCoco18 = "COCO-18";
constexpr const char* kBody25B = "BODY_25B";

struct PoseFile {
    std::string path;
    std::string name;    // for messages
    std::string prefix;  // what comes before the frame number
    std::int64_t frame = 0;
};

struct PosePerson {
    std::int64_t number = 0;  // the K of "person K"
    std::vector<Joint> joints;
};

// The files of the folder, ordered by prefix and then frame number (not by name: numbers
// need not be zero-padded). OpenPose names them PREFIX<frame>_keypoints.json; tools rename
// them (cam01.0030.json), so without any *_keypoints.json every *.json whose name ends in a
// number is a frame, and other .json files are skipped with a warning.
Result<std::vector<PoseFile>> listPoseFiles(const std::string& folder, const ImportOptions& options) {
    const QDir dir(QString::fromStdString(folder));
    if (!QFileInfo(dir.path()).isDir())
        return makeError("'" + folder + "' is not a folder; the OpenPose import reads a folder of *" + kSuffix + " files");
    QFileInfoList entries = dir.entryInfoList(QStringList{QStringLiteral("*_keypoints.json")}, QDir::Files);
    const bool renamed = entries.isEmpty();
    if (renamed) entries = dir.entryInfoList(QStringList{QStringLiteral("*.json")}, QDir::Files);
    const std::string suffix = renamed ? ".json" : kSuffix;
    std::vector<PoseFile> files;
    for (const QFileInfo& entry : entries) {
        PoseFile f;
        f.path = entry.filePath().toStdString();
        f.name = entry.fileName().toStdString();
        const std::string stem = f.name.substr(0, f.name.size() - suffix.size());
        size_t digits = stem.size();
        while (digits > 0 && std::isdigit(static_cast<unsigned char>(stem[digits - 1]))) --digits;
        if (digits == stem.size()) {
            if (!renamed) return makeError(f.name + ": the file name has no frame number before " + suffix);
            if (options.warning) options.warning(f.name + ": no frame number at the end of its name, so it is not read as a frame");
            continue;
        }
        if (stem.size() - digits > 15) return makeError(f.name + ": the frame number is too large");
        f.prefix = stem.substr(0, digits);
        f.frame = std::stoll(stem.substr(digits));
        files.push_back(std::move(f));
    }
    if (files.empty())
        return makeError("'" + folder + "' holds no OpenPose files (*" + kSuffix + ", or *.json named with a frame number)");
    std::sort(files.begin(), files.end(), [](const PoseFile& a, const PoseFile& b) {
        return a.prefix != b.prefix ? a.prefix < b.prefix : (a.frame != b.frame ? a.frame < b.frame : a.name < b.name);
    });
    for (size_t i = 1; i < files.size(); ++i)
        if (files[i].prefix == files[i - 1].prefix && files[i].frame == files[i - 1].frame)
            return makeError(files[i].name + ": frame " + std::to_string(files[i].frame) + " is also the frame of " +
                             files[i - 1].name);
    return files;
}

Result<std::optional<std::int64_t>> personId(const QJsonObject& person, const std::string& where) {
    QJsonValue v = person.value(QLatin1String("person_id"));
    if (v.isUndefined() || v.isNull()) return std::optional<std::int64_t>();
    std::string at = where + ".person_id";
    if (v.isArray()) {  // OpenPose writes [-1]
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) return std::optional<std::int64_t>();
        v = a.at(0);
        at += "[0]";
    }
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 1e15)
        return makeError(at + " is " + (v.isDouble() ? QByteArray::number(d).toStdString() : std::string(jsonTypeName(v))) +
                         ", expected an integer");
    if (d < 0) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(static_cast<std::int64_t>(d));
}

// `jointCount` is 0 until the first person fixes the layout of the whole import.
Result<std::vector<PosePerson>> readPoseFile(const PoseFile& file, size_t& jointCount) {
    auto text = readTextFile(file.path, size_t{64} << 20);
    if (!text) return text.takeError();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(*text), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError("not valid JSON at byte " + std::to_string(parseError.offset) + ": " +
                         parseError.errorString().toStdString());
    if (!doc.isObject()) return makeError("expected a JSON object with \"people\"");
    const QJsonValue peopleValue = doc.object().value(QLatin1String("people"));
    if (peopleValue.isUndefined()) return makeError("the file has no \"people\"");
    if (!peopleValue.isArray()) return makeError(std::string("people is ") + jsonTypeName(peopleValue) + ", expected an array");
    const QJsonArray people = peopleValue.toArray();
    std::vector<PosePerson> result;
    std::map<std::int64_t, size_t> seen;  // person number -> index in "people"
    for (qsizetype i = 0; i < people.size(); ++i) {
        const std::string where = "people[" + std::to_string(i) + "]";
        if (!people.at(i).isObject()) return makeError(where + " is " + jsonTypeName(people.at(i)) + ", expected an object");
        const QJsonObject person = people.at(i).toObject();
        const QJsonValue pose = person.value(QLatin1String("pose_keypoints_2d"));
        if (pose.isUndefined()) return makeError(where + " has no \"pose_keypoints_2d\"");
        if (!pose.isArray()) return makeError(where + ".pose_keypoints_2d is " + jsonTypeName(pose) + ", expected an array");
        const QJsonArray values = pose.toArray();
        if (values.isEmpty()) continue;
        const size_t count = static_cast<size_t>(values.size());
        if (count != 75 && count != 54)
            return makeError(where + ".pose_keypoints_2d has " + std::to_string(count) +
                             " values, expected 75 (BODY_25: 25 x 3) or 54 (COCO-18: 18 x 3)");
        if (jointCount != 0 && count != 3 * jointCount)
            return makeError(where + ".pose_keypoints_2d has " + std::to_string(count) + " values, but earlier people have " +
                             std::to_string(3 * jointCount) + " (" + (jointCount == 25 ? kBody25 : kCoco18) + ")");
        jointCount = count / 3;
        PosePerson p;
        p.joints.resize(jointCount);
        for (size_t j = 0; j < jointCount; ++j) {
            double xyc[3];
            for (size_t k = 0; k < 3; ++k) {
                const QJsonValue v = values.at(static_cast<qsizetype>(3 * j + k));
                if (!v.isDouble() || !std::isfinite(v.toDouble()))
                    return makeError(where + ".pose_keypoints_2d[" + std::to_string(3 * j + k) + "] is " + jsonTypeName(v) +
                                     ", expected a number");
                xyc[k] = v.toDouble();
            }
            if (xyc[2] < 0)
                return makeError(where + ".pose_keypoints_2d[" + std::to_string(3 * j + 2) + "] (confidence) is " +
                                 QByteArray::number(xyc[2]).toStdString() + ", expected 0 or more");
            p.joints[j] = Joint{static_cast<float>(xyc[0]), static_cast<float>(xyc[1]), static_cast<float>(xyc[2]), xyc[2] > 0};
        }
        auto id = personId(person, where);
        if (!id) return id.takeError();
        p.number = id->value_or(static_cast<std::int64_t>(i) + 1);
        if (auto [at, fresh] = seen.emplace(p.number, static_cast<size_t>(i)); !fresh)
            return makeError(where + " is person " + std::to_string(p.number) + ", like people[" + std::to_string(at->second) + "]");
        result.push_back(std::move(p));
    }
    return result;
}

// 25 points are BODY_25 unless the import says BODY_25B (the count cannot tell them apart).
Result<std::int64_t> layoutFor(size_t jointCount, annotation::ProjectStore& store, const std::string& wanted) {
    if (!wanted.empty() && wanted != kBody25 && wanted != kBody25B && wanted != kCoco18)
        return makeError("the OpenPose import reads BODY_25, BODY_25B or COCO-18, not '" + wanted + "'");
    const std::string name = !wanted.empty() ? wanted : jointCount == 25 ? kBody25 : kCoco18;
    const size_t expected = name == kCoco18 ? 18 : 25;
    if (expected != jointCount)
        return makeError("the files have " + std::to_string(jointCount) + " points per person, but " + name + " has " +
                         std::to_string(expected));
    if (const annotation::SkeletonLayout* layout = store.skeletonLayout(name)) {
        if (layout->joints.size() != jointCount)
            return makeError("the project's skeleton layout '" + name + "' has " + std::to_string(layout->joints.size()) +
                             " joints, expected " + std::to_string(jointCount));
        return layout->id;
    }
    if (name == kBody25) return makeError(std::string("the project has no ") + kBody25 + " skeleton layout");
    return store.insertSkeletonLayout(name == kBody25B ? openPoseBody25bLayout() : openPoseCoco18Layout());
}

}  // namespace

annotation::SkeletonLayout openPoseCoco18Layout() {
    return {0, kCoco18,
            {"nose", "neck", "right_shoulder", "right_elbow", "right_wrist", "left_shoulder", "left_elbow", "left_wrist",
             "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee", "left_ankle", "right_eye", "left_eye",
             "right_ear", "left_ear"},
            {{1, 2}, {1, 5}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {1, 8}, {8, 9}, {9, 10}, {1, 11}, {11, 12}, {12, 13},
             {1, 0}, {0, 14}, {14, 16}, {0, 15}, {15, 17}},
            {{5, 2}, {6, 3}, {7, 4}, {11, 8}, {12, 9}, {13, 10}, {15, 14}, {17, 16}}};
}

annotation::SkeletonLayout openPoseBody25bLayout() {
    return {0, kBody25B,
            {"nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder", "left_elbow",
             "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle",
             "right_ankle", "upper_neck", "head_top", "left_big_toe", "left_small_toe", "left_heel", "right_big_toe",
             "right_small_toe", "right_heel"},
            {{0, 1}, {0, 2}, {1, 3}, {2, 4}, {5, 6}, {5, 7}, {7, 9}, {6, 8}, {8, 10}, {5, 11}, {6, 12}, {11, 12}, {11, 13},
             {13, 15}, {12, 14}, {14, 16}, {5, 17}, {6, 17}, {17, 18}, {0, 17}, {15, 19}, {19, 20}, {15, 21}, {16, 22},
             {22, 23}, {16, 24}},
            {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}, {13, 14}, {15, 16}, {19, 22}, {20, 23}, {21, 24}}};
}

Status importOpenPoseJson(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options) {
    auto files = listPoseFiles(source, options);
    if (!files) return files.takeError();
    // Everything is read and checked before the first write.
    size_t jointCount = 0;
    std::vector<std::vector<PosePerson>> people;
    for (const PoseFile& file : *files) {
        auto persons = readPoseFile(file, jointCount);
        if (!persons) return makeError(file.name + ": " + persons.error());
        people.push_back(std::move(persons).value());
        if (Status cancel = progressPoint(options, static_cast<std::int64_t>(people.size()), static_cast<std::int64_t>(files->size())); !cancel) return cancel;
    }
    std::int64_t layoutId = 0;
    if (jointCount != 0) {
        auto id = layoutFor(jointCount, store, options.layout);
        if (!id) return id.takeError();
        layoutId = *id;
    }
    const std::string folderName = QFileInfo(QDir::cleanPath(QString::fromStdString(source))).fileName().toStdString();
    const bool severalVideos = files->front().prefix != files->back().prefix;
    for (size_t first = 0; first < files->size();) {
        size_t end = first;
        while (end < files->size() && (*files)[end].prefix == (*files)[first].prefix) ++end;
        std::string name = (*files)[first].prefix;
        while (!name.empty() && (name.back() == '_' || name.back() == '-' || name.back() == '.')) name.pop_back();
        if (name.empty()) name = folderName;
        annotation::Video video;
        video.name = name;
        video.frameCount = (*files)[end - 1].frame + 1;
        auto videoId = store.insertVideo(video);
        if (!videoId) return videoId.takeError();
        std::map<std::int64_t, std::vector<std::pair<std::int64_t, const PosePerson*>>> byPerson;
        for (size_t i = first; i < end; ++i)
            for (const PosePerson& p : people[i]) byPerson[p.number].push_back({(*files)[i].frame, &p});
        std::vector<SkeletonFrame> frames;
        for (const auto& [number, appearances] : byPerson) {
            const std::string subject = (severalVideos ? name + " " : std::string()) + "person " + std::to_string(number);
            auto subjectId = store.insertSubject(annotation::Subject{0, subject, {}});
            if (!subjectId) return subjectId.takeError();
            for (const auto& [frame, person] : appearances)
                frames.push_back(SkeletonFrame{*videoId, *subjectId, frame, layoutId, annotation::PoseSource::Imported,
                                               person->joints, std::nullopt});
        }
        if (Status s = store.insertSkeletonFrames(frames); !s) return s;
        first = end;
    }
    return Status::success();
}

}  // namespace actionlens::formats
