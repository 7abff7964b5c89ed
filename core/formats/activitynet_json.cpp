#include "core/formats/activitynet_json.h"

#include "core/annotation/project_store.h"
#include "core/formats/action_word.h"
#include "core/formats/json_file.h"
#include "core/formats/json_type_name.h"
#include "core/formats/segment_times.h"
#include "core/formats/video_lookup.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <set>

namespace actionlens::formats {

using namespace annotation;

namespace {

constexpr const char* kSubsets[] = {"training", "validation", "testing"};

std::string quoted(const QString& key) { return "database[\"" + key.toStdString() + "\"]"; }

// The project's video an id means: by name or file name, else as the "v_<id>" file of a download.
std::vector<const Video*> videosOfId(const VideoLookup& videos, const std::string& id) {
    std::vector<const Video*> found = videos.find(id);
    return found.empty() ? videos.find("v_" + id) : found;
}

struct AnnotatedVideo {
    Video video;
    std::string subset;
    std::vector<Segment> segments;
};

// One entry of "database", read and checked without writing anything.
Result<AnnotatedVideo> readEntry(const QString& key, const QJsonValue& value, const VideoLookup& videos, const Taxonomy& taxonomy,
                                 const ImportOptions& options, const std::string& fileName) {
    const std::string where = quoted(key);
    if (!value.isObject()) return makeError(where + " is " + jsonTypeName(value) + ", expected an object");
    const QJsonObject entry = value.toObject();
    AnnotatedVideo result;
    const std::string id = key.toStdString();
    const std::vector<const Video*> found = videosOfId(videos, id);
    if (found.size() != 1) {  // none or several: findOne says which
        auto one = videos.find(id).empty() ? videos.findOne("v_" + id) : videos.findOne(id);
        return makeError(where + ": " + one.error());
    }
    result.video = *found.front();
    const QJsonValue subset = entry.value(QLatin1String("subset"));
    if (!subset.isUndefined() && !subset.isNull()) {
        if (!subset.isString()) return makeError(where + ".subset is " + jsonTypeName(subset) + ", expected a string");
        result.subset = subset.toString().toStdString();
    }
    const QJsonValue annotations = entry.value(QLatin1String("annotations"));
    if (annotations.isUndefined() || annotations.isNull()) return result;
    if (!annotations.isArray()) return makeError(where + ".annotations is " + jsonTypeName(annotations) + ", expected an array");
    const QJsonArray list = annotations.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const std::string at = where + ".annotations[" + std::to_string(i) + "]";
        if (!list.at(i).isObject()) return makeError(at + " is " + jsonTypeName(list.at(i)) + ", expected an object");
        const QJsonObject annotation = list.at(i).toObject();
        const QJsonArray times = annotation.value(QLatin1String("segment")).toArray();
        if (!annotation.value(QLatin1String("segment")).isArray() || times.size() != 2 || !times.at(0).isDouble() || !times.at(1).isDouble())
            return makeError(at + ".segment: expected [start, end] in seconds");
        const QJsonValue label = annotation.value(QLatin1String("label"));
        if (!label.isString()) return makeError(at + ".label is " + jsonTypeName(label) + ", expected a string");
        auto labelled = labelOfActionWord(taxonomy, label.toString().toStdString());
        if (!labelled) return makeError(at + ".label: " + labelled.error());
        auto span = framesOfTimes(times.at(0).toDouble(), times.at(1).toDouble(), TimeUnit::Seconds, result.video);
        if (!span) return makeError(at + ".segment: " + span.error());
        if (span->cut && options.warning)
            options.warning(fileName + ": " + at + " ends past the video; cut at its last frame " + std::to_string(span->last));
        Segment segment;
        segment.videoId = result.video.id;
        segment.firstFrame = span->first;
        segment.lastFrame = span->last;
        segment.labels[labelled->first] = labelled->second;
        result.segments.push_back(std::move(segment));
    }
    return result;
}

Result<QJsonObject> readDatabase(const std::string& source, const std::string& fileName) {
    auto root = readJsonObjectFile(source, fileName, "with \"database\"");
    if (!root) return root.takeError();
    const QJsonValue database = root->value(QLatin1String("database"));
    if (database.isUndefined()) return makeError(fileName + ": database: missing");
    if (!database.isObject()) return makeError(fileName + ": database is " + jsonTypeName(database) + ", expected an object");
    return database.toObject();
}

}  // namespace

Status importActivityNet(const std::string& source, ProjectStore& store, const ImportOptions& options) {
    const std::string fileName = QFileInfo(QString::fromStdString(source)).fileName().toStdString();
    auto database = readDatabase(source, fileName);
    if (!database) return database.takeError();
    auto videos = VideoLookup::load(store);
    if (!videos) return videos.takeError();
    // Every id is looked up first, so a file for other videos says how many are missing at once.
    std::vector<QString> missing;
    for (auto it = database->begin(); it != database->end(); ++it)
        if (videosOfId(videos.value(), it.key().toStdString()).empty()) missing.push_back(it.key());
    if (!missing.empty())
        return makeError(fileName + ": " + quoted(missing.front()) + ": no video of the project is named '" + missing.front().toStdString() +
                         "' or 'v_" + missing.front().toStdString() + "' (or has that file name); " + std::to_string(missing.size()) +
                         " of the file's " + std::to_string(database->size()) + " videos are not in the project");
    std::int64_t done = 0;
    for (auto it = database->begin(); it != database->end(); ++it) {
        auto entry = readEntry(it.key(), it.value(), videos.value(), store.taxonomy(), options, fileName);
        if (!entry) return makeError(fileName + ": " + entry.error());
        if (!entry->subset.empty()) {
            std::vector<std::string> splits = entry->video.splits;
            if (std::find(splits.begin(), splits.end(), entry->subset) == splits.end()) {
                splits.push_back(entry->subset);
                std::sort(splits.begin(), splits.end());
                if (auto set = store.setVideoSplits(entry->video.id, splits); !set)
                    return makeError(fileName + ": " + quoted(it.key()) + ".subset: " + set.error());
            }
        }
        for (size_t i = 0; i < entry->segments.size(); ++i)
            if (auto id = store.insertSegment(entry->segments[i]); !id)
                return makeError(fileName + ": " + quoted(it.key()) + ".annotations[" + std::to_string(i) + "]: " + id.error());
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(database->size())); !cancel) return cancel;
    }
    return Status::success();
}

namespace {

// ActivityNet's subset of a video: a split of that name, else the first named like one.
std::string subsetOf(const Video& video) {
    for (const char* subset : kSubsets)
        if (std::find(video.splits.begin(), video.splits.end(), subset) != video.splits.end()) return subset;
    for (const std::string& split : video.splits)
        for (const auto& [prefix, subset] : {std::pair<const char*, const char*>{"train", "training"}, {"val", "validation"}, {"test", "testing"}})
            if (split.rfind(prefix, 0) == 0) return subset;
    return {};
}

std::string databaseKey(const Video& video, std::set<std::string>& used) {
    std::string key = !video.name.empty() ? video.name : QFileInfo(QString::fromStdString(video.path)).completeBaseName().toStdString();
    if (key.empty() || used.count(key)) key += (key.empty() ? "video_" : "_") + std::to_string(video.id);
    used.insert(key);
    return key;
}

// The action hierarchy as ActivityNet's node list: groups under "Root", classes under their group.
QJsonArray taxonomyNodes(const Taxonomy& taxonomy) {
    QJsonArray nodes{QJsonObject{{"nodeId", 0}, {"nodeName", "Root"}, {"parentId", QJsonValue()}, {"parentName", QJsonValue()}}};
    const TaskDefinition* action = taxonomy.actionTask();
    if (!action) return nodes;
    std::map<std::string, int> groupIds;
    for (const ClassGroup& group : action->groups) {
        groupIds[group.name] = static_cast<int>(nodes.size());
        nodes.append(QJsonObject{{"nodeId", static_cast<int>(nodes.size())}, {"nodeName", QString::fromStdString(group.name)},
                                 {"parentId", 0}, {"parentName", "Root"}});
    }
    for (const TaskValue& value : action->values) {
        auto group = groupIds.find(value.group);
        nodes.append(QJsonObject{{"nodeId", static_cast<int>(nodes.size())}, {"nodeName", QString::fromStdString(value.name)},
                                 {"parentId", group == groupIds.end() ? 0 : group->second},
                                 {"parentName", group == groupIds.end() ? QStringLiteral("Root") : QString::fromStdString(value.group)}});
    }
    return nodes;
}

}  // namespace

Status exportActivityNet(ProjectStore& store, const std::string& output, const ExportOptions& options) {
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    const Taxonomy& taxonomy = store.taxonomy();
    QJsonObject database;
    std::set<std::string> usedKeys;
    std::int64_t done = 0;
    for (const Video& video : videos.value()) {
        auto segments = store.segmentsOfVideo(video.id);
        if (!segments) return segments.takeError();
        const std::string key = databaseKey(video, usedKeys);
        QJsonArray annotations;
        for (const Segment& s : segments.value()) {
            const std::string word = actionWordOf(taxonomy, s.labels);
            if (isModelPrediction(s) || word.empty()) continue;
            if (!(video.fps > 0))
                return makeError("video '" + key + "' has no frame rate, so its segments have no times in seconds");
            annotations.append(QJsonObject{{"segment", QJsonArray{frameStartMs(s.firstFrame, video.fps) / 1000.0,
                                                                  frameStartMs(s.lastFrame + 1, video.fps) / 1000.0}},
                                           {"label", QString::fromStdString(word)}});
        }
        QJsonObject entry{{"annotations", annotations},
                          {"url", video.path.empty() ? QString() : QUrl::fromLocalFile(QFileInfo(QString::fromStdString(video.path)).absoluteFilePath()).toString()}};
        if (const std::string subset = subsetOf(video); !subset.empty()) entry.insert(QStringLiteral("subset"), QString::fromStdString(subset));
        if (video.fps > 0 && video.frameCount > 0) entry.insert(QStringLiteral("duration"), static_cast<double>(video.frameCount) / video.fps);
        if (video.width > 0 && video.height > 0)
            entry.insert(QStringLiteral("resolution"), QStringLiteral("%1x%2").arg(video.width).arg(video.height));
        database.insert(QString::fromStdString(key), entry);
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(videos->size())); !cancel) return cancel;
    }
    const QJsonObject root{{"version", "VERSION 1.3"}, {"taxonomy", taxonomyNodes(taxonomy)}, {"database", database}};
    QFile file(QString::fromStdString(output));
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush())
        return makeError("cannot write '" + output + "': " + file.errorString().toStdString());
    return Status::success();
}

}  // namespace actionlens::formats
