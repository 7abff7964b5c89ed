#include "core/formats/ava_csv.h"

#include "core/annotation/project_store.h"
#include "core/formats/ava_label_map.h"
#include "core/formats/csv_records.h"
#include "core/formats/subject_boxes.h"
#include "core/formats/subjects_by_name.h"
#include "core/formats/text_file.h"
#include "core/formats/video_lookup.h"

#include <QFile>
#include <QFileInfo>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace actionlens::formats {

using namespace annotation;

namespace {

constexpr size_t kAvaFields = 8;
// A year of video: no keyframe lies later.
constexpr double kMaxKeyframeSeconds = 365.0 * 24 * 3600;
constexpr const char* kFieldNames[kAvaFields] = {"video_id", "middle_frame_timestamp", "x1", "y1", "x2", "y2", "action_id", "person_id"};

std::optional<double> number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<long long> wholeNumber(const std::string& text) {
    auto value = number(text);
    if (!value || *value != std::floor(*value) || std::fabs(*value) > 1e12) return std::nullopt;
    return static_cast<long long>(*value);
}

std::int64_t frameOfSecond(double seconds, double fps) { return static_cast<std::int64_t>(std::llround(seconds * fps)); }

// One row, checked.
struct Keyframe {
    int line = 0;
    std::string videoId;
    long long seconds = 0;
    int actionId = 0;
    long long personId = 0;
    double box[4] = {};  // x1, y1, x2, y2, normalised
};

Result<Keyframe> readRow(const CsvRecord& record, const std::string& fileName) {
    const std::string at = fileName + " line " + std::to_string(record.line) + ": ";
    const auto& f = record.fields;
    if (f.size() != kAvaFields)
        return makeError(at + std::to_string(f.size()) + " fields, expected 8 (video_id,middle_frame_timestamp,x1,y1,x2,y2,action_id,person_id)");
    Keyframe row;
    row.line = record.line;
    row.videoId = f[0];
    if (row.videoId.empty()) return makeError(at + "video_id is empty");
    auto seconds = number(f[1]);
    if (!seconds || *seconds < 0) return makeError(at + "middle_frame_timestamp '" + f[1] + "' is not a time in seconds from 0");
    if (*seconds != std::floor(*seconds))
        return makeError(at + "middle_frame_timestamp '" + f[1] + "' is not a whole second (AVA's keyframes are 1 s apart)");
    // Bounded before it becomes an integer (a 1e108 would not fit one; found by fuzz_ava).
    if (*seconds > kMaxKeyframeSeconds)
        return makeError(at + "middle_frame_timestamp '" + f[1] + "' is past any video (more than " +
                         std::to_string(static_cast<long long>(kMaxKeyframeSeconds)) + " s)");
    row.seconds = static_cast<long long>(*seconds);
    double box[4] = {};
    for (int i = 0; i < 4; ++i) {
        auto value = number(f[2 + i]);
        if (!value || *value < 0 || *value > 1)
            return makeError(at + kFieldNames[2 + i] + " '" + f[2 + i] + "' is not a number from 0 to 1 (boxes are normalised)");
        box[i] = *value;
    }
    if (!(box[0] < box[2])) return makeError(at + "x2 " + f[4] + " is not after x1 " + f[2]);
    if (!(box[1] < box[3])) return makeError(at + "y2 " + f[5] + " is not below y1 " + f[3]);
    std::copy(box, box + 4, row.box);
    auto action = wholeNumber(f[6]);
    if (!action || *action < 1 || *action > std::numeric_limits<int>::max())
        return makeError(at + "action_id '" + f[6] + "' is not a whole number from 1");
    row.actionId = static_cast<int>(*action);
    auto person = wholeNumber(f[7]);
    if (!person || *person < 0) return makeError(at + "person_id '" + f[7] + "' is not a whole number from 0");
    row.personId = *person;
    return row;
}

std::string labelMapBeside(const std::string& path) {
    return (std::filesystem::path(path).parent_path() / kAvaLabelMapFileName).string();
}

// The label map beside `csv`, if there is one.
Result<std::optional<AvaLabelMap>> labelMapOf(const std::string& csv) {
    const std::string path = labelMapBeside(csv);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::optional<AvaLabelMap>{};
    auto text = readTextFile(path);
    if (!text) return text.takeError();
    auto labels = parseAvaLabelMap(text.value(), kAvaLabelMapFileName);
    if (!labels) return labels.takeError();
    return std::optional<AvaLabelMap>{std::move(labels).value()};
}

}  // namespace

Status importAva(const std::string& source, ProjectStore& store, const ImportOptions& options) {
    const std::string fileName = QFileInfo(QString::fromStdString(source)).fileName().toStdString();
    const TaskDefinition* actionTask = store.taxonomy().actionTask();
    if (!actionTask) return makeError(fileName + ": the project's taxonomy has no action task for AVA's actions");
    auto labelMap = labelMapOf(source);
    if (!labelMap) return labelMap.takeError();
    auto text = readTextFile(source);
    if (!text) return text.takeError();
    auto records = readCsvRecords(text.value(), fileName);
    if (!records) return records.takeError();
    if (records->empty()) return makeError(fileName + " has no rows (AVA: a row per person's box and action at each keyframe)");
    auto videos = VideoLookup::load(store);
    if (!videos) return videos.takeError();

    // (video, person) -> action -> its keyframe seconds; the line of each row, for messages.
    using PersonKey = std::pair<std::int64_t, long long>;
    std::map<PersonKey, std::map<std::string, std::set<long long>>> actionsOfPerson;
    std::map<PersonKey, std::string> personNames;
    std::map<std::int64_t, Video> videoOfId;
    std::map<std::tuple<std::int64_t, long long, std::string, long long>, int> lineOfRow;  // (video, person, action, second)
    std::map<PersonKey, std::map<std::int64_t, SubjectBox>> boxesOfPerson;  // frame -> box in pixels, the first row's
    std::set<std::int64_t> unsizedVideos;
    for (const CsvRecord& record : records.value()) {
        auto row = readRow(record, fileName);
        if (!row) return row.takeError();
        const std::string at = fileName + " line " + std::to_string(row->line) + ": ";
        auto video = videos->findOne(row->videoId);
        if (!video) return makeError(at + "video_id: " + video.error());
        if (!(video->fps > 0)) return makeError(at + "video '" + row->videoId + "' has no frame rate, so its keyframes have no frames");
        std::string actionName = std::to_string(row->actionId);
        if (labelMap.value()) {
            auto named = labelMap.value()->find(row->actionId);
            if (named == labelMap.value()->end())
                return makeError(at + "action_id " + actionName + " is not in " + kAvaLabelMapFileName);
            actionName = named->second;
        }
        if (!actionTask->findValue(actionName))
            return makeError(at + "action_id " + std::to_string(row->actionId) + ": '" + actionName + "' is not a class of task '" +
                             actionTask->name + "'");
        if (frameOfSecond(static_cast<double>(row->seconds), video->fps) >= video->frameCount && video->frameCount > 0)
            return makeError(at + "middle_frame_timestamp " + std::to_string(row->seconds) + " s lies past the video's last frame " +
                             std::to_string(video->frameCount - 1));
        const PersonKey person{video->id, row->personId};
        videoOfId[video->id] = video.value();
        personNames.emplace(person, row->videoId + " person " + std::to_string(row->personId));
        actionsOfPerson[person][actionName].insert(row->seconds);
        lineOfRow.emplace(std::make_tuple(video->id, row->personId, actionName, row->seconds), row->line);
        if (video->width > 0 && video->height > 0) {
            const double w = video->width, h = video->height;
            boxesOfPerson[person].emplace(frameOfSecond(static_cast<double>(row->seconds), video->fps),
                                          SubjectBox{float(row->box[0] * w), float(row->box[1] * h), float((row->box[2] - row->box[0]) * w),
                                                     float((row->box[3] - row->box[1]) * h)});
        } else if (unsizedVideos.insert(video->id).second && options.warning) {
            options.warning(at + "video '" + row->videoId + "' has no frame size, so its people's boxes are not kept");
        }
    }

    SubjectsByName subjects(store);
    std::int64_t done = 0;
    for (const auto& [person, actions] : actionsOfPerson) {
        const Video& video = videoOfId.at(person.first);
        auto subjectId = subjects.idOf(personNames.at(person));
        if (!subjectId) return makeError(fileName + ": " + subjectId.error());
        for (const auto& [action, seconds] : actions) {
            for (auto it = seconds.begin(); it != seconds.end();) {
                const long long first = *it;
                long long last = first;
                for (++it; it != seconds.end() && *it == last + 1; ++it) last = *it;
                Segment segment;
                segment.videoId = video.id;
                segment.subjectId = subjectId.value();
                segment.firstFrame = frameOfSecond(static_cast<double>(first), video.fps);
                segment.lastFrame = std::max(segment.firstFrame, frameOfSecond(static_cast<double>(last + 1), video.fps) - 1);
                const int line = lineOfRow.at(std::make_tuple(person.first, person.second, action, first));
                if (video.frameCount > 0 && segment.lastFrame >= video.frameCount) {
                    segment.lastFrame = video.frameCount - 1;
                    if (options.warning)
                        options.warning(fileName + " line " + std::to_string(line) + ": '" + action + "' of " + personNames.at(person) +
                                        " runs past the video; cut at its last frame " + std::to_string(segment.lastFrame));
                }
                segment.labels[actionTask->name] = action;
                if (auto id = store.insertSegment(segment); !id)
                    return makeError(fileName + " line " + std::to_string(line) + ": " + id.error());
            }
        }
        auto boxes = boxesOfPerson.find(person);
        if (boxes != boxesOfPerson.end())
            if (Status stored = storeSubjectBoxes(store, video.id, subjectId.value(), boxes->second); !stored)
                return makeError(fileName + ": the boxes of " + personNames.at(person) + ": " + stored.error());
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(actionsOfPerson.size())); !cancel) return cancel;
    }
    return Status::success();
}

namespace {

struct Box {
    double x1 = 0, y1 = 0, x2 = 1, y2 = 1;
};

// The subject's box in `frame` over the video's size: its stored box (an imported or detected
// one), else its visible joints' extent; the whole image when there is neither.
Result<Box> boxAt(ProjectStore& store, const Video& video, std::int64_t subjectId, std::int64_t frame) {
    Box whole;
    if (video.width <= 0 || video.height <= 0) return whole;
    auto frames = store.skeletonFrames(video.id, frame, frame, subjectId);
    if (!frames) return frames.takeError();
    double x1 = 1, y1 = 1, x2 = 0, y2 = 0;
    bool any = false;
    auto clampX = [&](double x) { return std::clamp(x / video.width, 0.0, 1.0); };
    auto clampY = [&](double y) { return std::clamp(y / video.height, 0.0, 1.0); };
    if (auto stored = storedBoxAt(frames.value(), subjectId, frame)) {
        x1 = clampX(stored->x), y1 = clampY(stored->y), x2 = clampX(double(stored->x) + stored->width), y2 = clampY(double(stored->y) + stored->height);
        any = true;
    } else {
        for (const SkeletonFrame& skeleton : frames.value())
            for (const Joint& joint : skeleton.joints) {
                if (!joint.visible) continue;
                x1 = std::min(x1, clampX(joint.x));
                y1 = std::min(y1, clampY(joint.y));
                x2 = std::max(x2, clampX(joint.x));
                y2 = std::max(y2, clampY(joint.y));
                any = true;
            }
    }
    // Written with 3 decimals, as AVA's files are: a box thinner than that would not read back.
    if (!any || std::round(x1 * 1000) >= std::round(x2 * 1000) || std::round(y1 * 1000) >= std::round(y2 * 1000)) return whole;
    return Box{x1, y1, x2, y2};
}

// AVA's person id of a subject: N when it is named "<video id> person N", else its project id.
long long personIdOf(const Subject& subject, const std::string& videoId) {
    const std::string prefix = videoId + " person ";
    if (subject.name.rfind(prefix, 0) == 0) {
        const std::string digits = subject.name.substr(prefix.size());
        if (!digits.empty() && digits.size() < 12 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::stoll(digits);
    }
    return subject.id;
}

std::string videoIdOf(const Video& video) {
    return !video.name.empty() ? video.name : QFileInfo(QString::fromStdString(video.path)).completeBaseName().toStdString();
}

Status writeFile(const std::string& path, const std::string& text) {
    QFile file(QString::fromStdString(path));
    const QByteArray bytes = QByteArray::fromStdString(text);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush())
        return makeError("cannot write '" + path + "': " + file.errorString().toStdString());
    return Status::success();
}

}  // namespace

Status exportAva(ProjectStore& store, const std::string& output, const ExportOptions& options) {
    const TaskDefinition* actionTask = store.taxonomy().actionTask();
    if (!actionTask) return makeError("the project's taxonomy has no action task, so there is nothing for AVA's action ids");
    AvaLabelMap labelMap;
    std::map<std::string, int> idOfAction;
    for (size_t i = 0; i < actionTask->values.size(); ++i) {
        labelMap[static_cast<int>(i + 1)] = actionTask->values[i].name;
        idOfAction[actionTask->values[i].name] = static_cast<int>(i + 1);
    }
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    auto subjects = store.subjects();
    if (!subjects) return subjects.takeError();
    std::map<std::int64_t, Subject> subjectOfId;
    for (const Subject& s : subjects.value()) subjectOfId[s.id] = s;

    std::string text;
    std::int64_t done = 0;
    for (const Video& video : videos.value()) {
        auto segments = store.segmentsOfVideo(video.id);
        if (!segments) return segments.takeError();
        const std::string videoId = videoIdOf(video);
        // (second, person, action) -> the box; a set, so overlapping segments give a row once.
        std::map<std::tuple<long long, long long, int>, Box> rows;
        for (const Segment& s : segments.value()) {
            auto action = s.labels.find(actionTask->name);
            if (isModelPrediction(s) || s.subjectId == 0 || action == s.labels.end()) continue;
            if (!(video.fps > 0)) return makeError("video '" + videoId + "' has no frame rate, so its segments have no times in seconds");
            if (videoId.empty() || videoId.find_first_of(",\"\n") != std::string::npos)
                return makeError("video '" + videoId + "' has no name an AVA video_id can hold (none, or one with a comma or quote)");
            const long long person = personIdOf(subjectOfId.at(s.subjectId), videoId);
            for (long long t = static_cast<long long>(std::floor(s.firstFrame / video.fps)); ; ++t) {
                const std::int64_t frame = frameOfSecond(static_cast<double>(t), video.fps);
                if (frame > s.lastFrame) break;
                if (frame < s.firstFrame) continue;
                auto box = boxAt(store, video, s.subjectId, frame);
                if (!box) return box.takeError();
                rows[{t, person, idOfAction.at(action->second)}] = box.value();
            }
        }
        for (const auto& [key, box] : rows) {
            const auto& [seconds, person, actionId] = key;
            text += videoId + "," + QStringLiteral("%1").arg(seconds, 4, 10, QLatin1Char('0')).toStdString() + "," +
                    QString::number(box.x1, 'f', 3).toStdString() + "," + QString::number(box.y1, 'f', 3).toStdString() + "," +
                    QString::number(box.x2, 'f', 3).toStdString() + "," + QString::number(box.y2, 'f', 3).toStdString() + "," +
                    std::to_string(actionId) + "," + std::to_string(person) + "\n";
        }
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(videos->size())); !cancel) return cancel;
    }
    if (text.empty()) return makeError("the project has no segments with an action and a person to export");
    if (Status written = writeFile(output, text); !written) return written;
    // The label map goes beside the CSV last, through a file of its own renamed into place.
    const std::string labels = labelMapBeside(output);
    if (Status written = writeFile(labels + ".part", writeAvaLabelMap(labelMap)); !written) return written;
    std::error_code ec;
    std::filesystem::rename(labels + ".part", labels, ec);
    if (ec) {
        std::filesystem::remove(labels + ".part", ec);
        return makeError("cannot move the label map into '" + labels + "': " + ec.message());
    }
    return Status::success();
}

}  // namespace actionlens::formats
