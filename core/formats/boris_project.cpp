#include "core/formats/boris_project.h"

#include "core/annotation/project_store.h"
#include "core/formats/action_word.h"
#include "core/formats/json_file.h"
#include "core/formats/json_type_name.h"
#include "core/formats/segment_times.h"
#include "core/formats/subjects_by_name.h"
#include "core/formats/video_lookup.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace actionlens::formats {

using namespace annotation;

namespace {

constexpr double kOldestProjectVersion = 7.0;
constexpr const char* kStateEvent = "State event";
constexpr const char* kPointEvent = "Point event";
constexpr const char* kNoFocalSubject = "No focal subject";

Result<QJsonObject> readProject(const std::string& source, const std::string& fileName) {
    auto read = readJsonObjectFile(source, fileName, "a BORIS project");
    if (!read) return read.takeError();
    const QJsonObject project = read.value();
    const QJsonValue version = project.value(QLatin1String("project_format_version"));
    bool numeric = version.isDouble();
    const double number = numeric ? version.toDouble() : version.toString().toDouble(&numeric);
    if (!numeric)
        return makeError(fileName + ": project_format_version is " + std::string(jsonTypeName(version)) +
                         ", expected a version number (BORIS 7 or later)");
    if (number < kOldestProjectVersion)
        return makeError(fileName + ": project_format_version " + QString::number(number).toStdString() +
                         " is older than 7, the oldest this reads; save the project again with a newer BORIS");
    for (const char* key : {"ethogram", "observations"}) {
        const QJsonValue member = project.value(QLatin1String(key));
        if (!member.isObject())
            return makeError(fileName + ": " + key + " is " + jsonTypeName(member) + ", expected an object");
    }
    return project;
}

// The ethogram's codes and whether each is a state event (else a point event).
Result<std::map<std::string, bool>> readEthogram(const QJsonObject& ethogram) {
    std::map<std::string, bool> isState;
    for (auto it = ethogram.begin(); it != ethogram.end(); ++it) {
        const std::string where = "ethogram[\"" + it.key().toStdString() + "\"]";
        const QJsonObject behaviour = it.value().toObject();
        const QJsonValue code = behaviour.value(QLatin1String("code"));
        const QJsonValue type = behaviour.value(QLatin1String("type"));
        if (!code.isString()) return makeError(where + ".code is " + jsonTypeName(code) + ", expected a string");
        if (type != QJsonValue(QLatin1String(kStateEvent)) && type != QJsonValue(QLatin1String(kPointEvent)))
            return makeError(where + ".type: expected \"State event\" or \"Point event\"");
        isState[code.toString().toStdString()] = type == QJsonValue(QLatin1String(kStateEvent));
    }
    return isState;
}

struct Event {
    double seconds = 0;  // on the video's clock
    std::string subject;
    std::string code;
    std::string modifier;
};

Result<Event> readEvent(const QJsonValue& value, double offset) {
    const QJsonArray row = value.toArray();
    if (!value.isArray() || row.size() < 3) return makeError("expected [time, subject, code, modifier, comment]");
    if (!row.at(0).isDouble()) return makeError("time is " + std::string(jsonTypeName(row.at(0))) + ", expected seconds");
    if (!row.at(1).isString()) return makeError("subject is " + std::string(jsonTypeName(row.at(1))) + ", expected a string");
    if (!row.at(2).isString()) return makeError("code is " + std::string(jsonTypeName(row.at(2))) + ", expected a string");
    if (row.size() > 3 && !row.at(3).isString())
        return makeError("modifier is " + std::string(jsonTypeName(row.at(3))) + ", expected a string");
    Event event;
    event.seconds = row.at(0).toDouble() - offset;
    event.subject = row.at(1).toString().toStdString();
    event.code = row.at(2).toString().toStdString();
    event.modifier = row.size() > 3 ? row.at(3).toString().toStdString() : std::string();
    return event;
}

// The task (per segment, not the action) whose value a modifier is; empty when none.
std::string taskOfModifier(const Taxonomy& taxonomy, const std::string& modifier) {
    for (const TaskDefinition& task : taxonomy.tasks)
        if (task.kind != TaskKind::Action && task.scope == TaskScope::Segment && task.findValue(modifier)) return task.name;
    return {};
}

class ObservationReader {
public:
    ObservationReader(ProjectStore& store, const VideoLookup& videos, const std::map<std::string, bool>& isState,
                      const ImportOptions& options, std::set<std::string>& warnedModifiers)
        : store_(store), videos_(videos), isState_(isState), options_(options), warnedModifiers_(warnedModifiers), subjects_(store) {}

    Status read(const std::string& id, const QJsonValue& value, const std::string& fileName) {
        const std::string where = "observation '" + id + "'";
        if (!value.isObject()) return makeError(where + " is " + jsonTypeName(value) + ", expected an object");
        const QJsonObject observation = value.toObject();
        const QString type = observation.value(QLatin1String("type")).toString(QStringLiteral("MEDIA"));
        Result<Video> video = makeError("");
        if (type == QLatin1String("LIVE")) {
            // Coded on the spot, times from the observation's start: onto the video the user names.
            if (options_.video.empty())
                return makeError(where + " is a LIVE observation (no media file): name the video it was coded on (--video)");
            video = videos_.findOne(options_.video);
            if (!video) return makeError(where + " (LIVE) onto '" + options_.video + "': " + video.error());
        } else if (type == QLatin1String("IMAGES")) {
            return makeError(where + " is an IMAGES observation (a folder of pictures): ActionLens reads BORIS's media "
                                     "and LIVE observations only; export it from BORIS as a media observation");
        } else {
            const QJsonArray player = observation.value(QLatin1String("file")).toObject().value(QLatin1String("1")).toArray();
            if (player.isEmpty() || !player.at(0).isString()) return makeError(where + ": file.\"1\" names no media file for player 1");
            video = videos_.findOne(fileNameOfLocation(player.at(0).toString().toStdString()));
            if (!video) return makeError(where + ": " + video.error());
        }
        const QJsonValue offset = observation.value(QLatin1String("media_info")).toObject().value(QLatin1String("offset")).toObject().value(QLatin1String("1"));
        if (!offset.isUndefined() && !offset.isDouble()) return makeError(where + ": media_info.offset.\"1\" is " + jsonTypeName(offset) + ", expected seconds");
        const QJsonValue events = observation.value(QLatin1String("events"));
        if (!events.isArray()) return makeError(where + ": events is " + jsonTypeName(events) + ", expected an array");
        // (subject, code) -> the open state event's time and modifier.
        std::map<std::pair<std::string, std::string>, Event> open;
        const QJsonArray rows = events.toArray();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const std::string at = where + ", events[" + std::to_string(i) + "]";
            auto event = readEvent(rows.at(i), offset.toDouble());
            if (!event) return makeError(at + ": " + event.error());
            auto label = labelOfActionWord(store_.taxonomy(), event->code);
            if (!label) return makeError(at + ": " + label.error());
            auto type = isState_.find(event->code);
            if (type == isState_.end()) return makeError(at + ": code '" + event->code + "' is not in the ethogram");
            Result<FrameSpan> span = makeError("");
            if (type->second) {
                const auto key = std::make_pair(event->subject, event->code);
                auto start = open.find(key);
                if (start == open.end()) {
                    open.emplace(key, event.value());
                    continue;
                }
                span = framesOfTimes(start->second.seconds, event->seconds, TimeUnit::Seconds, video.value());
                event->modifier = start->second.modifier;
                open.erase(start);
            } else {
                span = framesOfTimes(event->seconds, event->seconds + 0.5 / video->fps, TimeUnit::Seconds, video.value());
                if (span) span->last = span->first;
            }
            if (!span) return makeError(at + ": code '" + event->code + "': " + span.error());
            if (span->cut && options_.warning)
                options_.warning(fileName + ": " + at + " ends past the video; cut at its last frame " + std::to_string(span->last));
            Segment segment;
            segment.videoId = video->id;
            segment.firstFrame = span->first;
            segment.lastFrame = span->last;
            segment.labels[label->first] = label->second;
            labelWithModifiers(segment, event->modifier, fileName);
            auto subject = subjects_.idOf(event->subject.empty() ? kNoFocalSubject : event->subject);
            if (!subject) return makeError(at + ": " + subject.error());
            segment.subjectId = subject.value();
            if (auto inserted = store_.insertSegment(segment); !inserted) return makeError(at + ": " + inserted.error());
        }
        if (!open.empty()) {
            const auto& [key, event] = *open.begin();
            return makeError(where + ": subject '" + (key.first.empty() ? std::string(kNoFocalSubject) : key.first) + "', code '" + key.second +
                             "': the state event started at " + QString::number(event.seconds).toStdString() + " s has no stop event");
        }
        return Status::success();
    }

private:
    void labelWithModifiers(Segment& segment, const std::string& modifiers, const std::string& fileName) {
        for (const QString& part : QString::fromStdString(modifiers).split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
            const std::string modifier = part.trimmed().toStdString();
            if (modifier.empty()) continue;
            const std::string task = taskOfModifier(store_.taxonomy(), modifier);
            if (!task.empty()) {
                segment.labels[task] = modifier;
            } else if (warnedModifiers_.insert(modifier).second && options_.warning) {
                options_.warning(fileName + ": modifier '" + modifier + "' is no value of a per-segment task; not kept");
            }
        }
    }

    ProjectStore& store_;
    const VideoLookup& videos_;
    const std::map<std::string, bool>& isState_;
    const ImportOptions& options_;
    std::set<std::string>& warnedModifiers_;
    SubjectsByName subjects_;
};

}  // namespace

Status importBoris(const std::string& source, ProjectStore& store, const ImportOptions& options) {
    const std::string fileName = QFileInfo(QString::fromStdString(source)).fileName().toStdString();
    auto project = readProject(source, fileName);
    if (!project) return project.takeError();
    auto isState = readEthogram(project->value(QLatin1String("ethogram")).toObject());
    if (!isState) return makeError(fileName + ": " + isState.error());
    auto videos = VideoLookup::load(store);
    if (!videos) return videos.takeError();
    std::set<std::string> warnedModifiers;
    ObservationReader reader(store, videos.value(), isState.value(), options, warnedModifiers);
    const QJsonObject observations = project->value(QLatin1String("observations")).toObject();
    std::int64_t done = 0;
    for (auto it = observations.begin(); it != observations.end(); ++it) {
        if (Status read = reader.read(it.key().toStdString(), it.value(), fileName); !read) return makeError(fileName + ": " + read.error());
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(observations.size())); !cancel) return cancel;
    }
    return Status::success();
}

namespace {

struct ExportEvent {
    std::int64_t ms = 0;
    bool stop = false;  // a stop sorts before a start at the same time, so adjacent segments pair apart
    std::string subject;
    std::string code;
    std::string modifier;
    bool operator<(const ExportEvent& o) const { return std::tie(ms, o.stop, subject, code) < std::tie(o.ms, stop, o.subject, o.code); }
};

std::string observationName(const Video& video, std::set<std::string>& used) {
    std::string name = !video.name.empty() ? video.name : QFileInfo(QString::fromStdString(video.path)).completeBaseName().toStdString();
    if (name.empty() || used.count(name)) name += (name.empty() ? "video_" : "_") + std::to_string(video.id);
    used.insert(name);
    return name;
}

std::string modifierOf(const Taxonomy& taxonomy, const LabelMap& labels) {
    std::string modifier;
    for (const TaskDefinition& task : taxonomy.tasks) {
        if (task.kind == TaskKind::Action || task.scope != TaskScope::Segment) continue;
        auto label = labels.find(task.name);
        if (label != labels.end() && !label->second.empty()) modifier += (modifier.empty() ? "" : "|") + label->second;
    }
    return modifier;
}

}  // namespace

Status exportBoris(ProjectStore& store, const std::string& output, const ExportOptions& options) {
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    auto subjects = store.subjects();
    if (!subjects) return subjects.takeError();
    std::map<std::int64_t, std::string> subjectNames;
    for (const Subject& subject : subjects.value()) subjectNames[subject.id] = subject.name;
    const Taxonomy& taxonomy = store.taxonomy();

    // Every video's people's segments first: a code's ethogram type depends on all of them.
    std::map<std::int64_t, std::vector<Segment>> segmentsOf;
    std::map<std::string, bool> hasLongerSegment;
    for (const Video& video : videos.value()) {
        auto segments = store.segmentsOfVideo(video.id);
        if (!segments) return segments.takeError();
        for (const Segment& s : segments.value()) {
            const std::string code = actionWordOf(taxonomy, s.labels);
            if (isModelPrediction(s) || code.empty()) continue;
            hasLongerSegment[code] = hasLongerSegment[code] || s.lastFrame > s.firstFrame;
            segmentsOf[video.id].push_back(s);
        }
    }

    QJsonObject observations;
    std::set<std::string> usedNames;
    std::int64_t done = 0;
    for (const Video& video : videos.value()) {
        const std::string name = observationName(video, usedNames);
        std::vector<ExportEvent> events;
        std::map<std::pair<std::string, std::string>, std::int64_t> lastStopOf;  // to refuse overlaps
        std::vector<Segment> segments = segmentsOf[video.id];
        std::sort(segments.begin(), segments.end(), [](const Segment& a, const Segment& b) { return a.firstFrame < b.firstFrame; });
        for (const Segment& s : segments) {
            if (!(video.fps > 0)) return makeError("video '" + name + "' has no frame rate, so its segments have no times in seconds");
            const std::string code = actionWordOf(taxonomy, s.labels);
            const std::string subject = s.subjectId ? subjectNames[s.subjectId] : std::string();
            const std::string modifier = modifierOf(taxonomy, s.labels);
            if (!hasLongerSegment[code]) {
                events.push_back({frameStartMs(s.firstFrame, video.fps), false, subject, code, modifier});
                continue;
            }
            auto last = lastStopOf.find({subject, code});
            if (last != lastStopOf.end() && s.firstFrame <= last->second)
                return makeError("video '" + name + "': subject '" + (subject.empty() ? std::string(kNoFocalSubject) : subject) + "' has overlapping '" +
                                 code + "' segments at frame " + std::to_string(s.firstFrame) + ", which BORIS cannot pair apart");
            lastStopOf[{subject, code}] = s.lastFrame;
            events.push_back({frameStartMs(s.firstFrame, video.fps), false, subject, code, modifier});
            events.push_back({frameStartMs(s.lastFrame + 1, video.fps), true, subject, code, modifier});
        }
        std::stable_sort(events.begin(), events.end());
        QJsonArray rows;
        for (const ExportEvent& e : events)
            rows.append(QJsonArray{static_cast<double>(e.ms) / 1000.0, QString::fromStdString(e.subject), QString::fromStdString(e.code),
                                   QString::fromStdString(e.modifier), QString()});
        const QString media = QString::fromStdString(video.path.empty() ? name : video.path);
        QJsonObject mediaInfo{{"fps", QJsonObject{{media, video.fps}}}, {"offset", QJsonObject{{"1", 0.0}}}};
        if (video.fps > 0 && video.frameCount > 0)
            mediaInfo.insert(QStringLiteral("length"), QJsonObject{{media, static_cast<double>(video.frameCount) / video.fps}});
        observations.insert(QString::fromStdString(name),
                            QJsonObject{{"type", "MEDIA"},
                                        {"file", QJsonObject{{"1", QJsonArray{media}}, {"2", QJsonArray{}}}},
                                        {"media_info", mediaInfo},
                                        {"events", rows},
                                        {"description", QString()},
                                        {"time offset", 0.0}});
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(videos->size())); !cancel) return cancel;
    }

    // The action's values, then the groups that segments use as group-only labels.
    std::vector<std::pair<std::string, std::string>> codes;  // code, category
    if (const TaskDefinition* action = taxonomy.actionTask())
        for (const TaskValue& value : action->values) codes.emplace_back(value.name, value.group);
    for (const auto& [code, longer] : hasLongerSegment)
        if (std::none_of(codes.begin(), codes.end(), [&code = code](const auto& c) { return c.first == code; })) codes.emplace_back(code, code);
    QJsonObject ethogram;
    for (const auto& [code, category] : codes) {
        auto longer = hasLongerSegment.find(code);
        const bool point = longer != hasLongerSegment.end() && !longer->second;
        ethogram.insert(QString::number(ethogram.size()), QJsonObject{{"type", point ? kPointEvent : kStateEvent},
                                                                      {"code", QString::fromStdString(code)},
                                                                      {"description", QString()},
                                                                      {"key", QString()},
                                                                      {"category", QString::fromStdString(category)},
                                                                      {"modifiers", QString()}});
    }
    QJsonObject subjectsConf;
    for (const Subject& subject : subjects.value())
        subjectsConf.insert(QString::number(subjectsConf.size()),
                            QJsonObject{{"key", QString()}, {"name", QString::fromStdString(subject.name)}, {"description", QString()}});
    const QJsonObject root{{"project_format_version", "7.0"}, {"project_name", QString::fromStdString(taxonomy.name)},
                           {"time_format", "s"},         {"ethogram", ethogram},
                           {"subjects_conf", subjectsConf}, {"observations", observations}};
    QFile file(QString::fromStdString(output));
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size() || !file.flush())
        return makeError("cannot write '" + output + "': " + file.errorString().toStdString());
    return Status::success();
}

}  // namespace actionlens::formats
