#include "core/formats/native_json.h"

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

namespace actionlens::formats {

using namespace annotation;

namespace {

constexpr const char* kFormatName = "actionlens-project";
constexpr int kFormatVersion = 1;
constexpr std::int64_t kFrameWindow = 20000;  // skeleton frames read and written per step
constexpr size_t kInsertBatch = 20000;        // skeleton frames inserted per statement batch

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QString& s) { return s.toStdString(); }

bool isBuiltinLayout(const std::string& name) {
    for (const SkeletonLayout& layout : builtinSkeletonLayouts())
        if (layout.name == name) return true;
    return false;
}

// Shortest text that reads back as the same float; 9 digits where the shortest would not
// survive being read as a double first (JSON readers do that).
void appendFloat(QByteArray& out, float value) {
    if (!std::isfinite(value)) value = 0.0f;  // JSON has no NaN; the store never holds one
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer - 1, value);
    if (ec == std::errc()) *end = '\0';
    if (ec != std::errc() || static_cast<float>(std::strtod(buffer, nullptr)) != value) {
        end = buffer + std::snprintf(buffer, sizeof buffer, "%.9g", static_cast<double>(value));
    }
    out.append(buffer, static_cast<int>(end - buffer));
}

QByteArray jsonString(const std::string& s) {
    QByteArray array = QJsonDocument(QJsonArray{qs(s)}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);  // strip the brackets
}

QByteArray frameJson(const SkeletonFrame& frame, const std::string& layoutName) {
    QByteArray out;
    out.reserve(96 + static_cast<int>(frame.joints.size()) * 32);
    out += "{\"video_id\":" + QByteArray::number(qint64(frame.videoId)) +
           ",\"subject_id\":" + QByteArray::number(qint64(frame.subjectId)) +
           ",\"frame\":" + QByteArray::number(qint64(frame.frame)) + ",\"layout\":" + jsonString(layoutName) +
           ",\"source\":\"" + poseSourceName(frame.source) + "\",\"joints\":[";
    for (size_t j = 0; j < frame.joints.size(); ++j) {
        const Joint& joint = frame.joints[j];
        out += j ? ",[" : "[";
        appendFloat(out, joint.x);
        out += ',';
        appendFloat(out, joint.y);
        out += ',';
        appendFloat(out, joint.confidence);
        out += joint.visible ? ",1]" : ",0]";
    }
    out += ']';
    if (frame.box) {
        out += ",\"box\":[";
        appendFloat(out, frame.box->x);
        out += ',';
        appendFloat(out, frame.box->y);
        out += ',';
        appendFloat(out, frame.box->width);
        out += ',';
        appendFloat(out, frame.box->height);
        out += ']';
    }
    out += '}';
    return out;
}

QJsonArray pairsJson(const std::vector<std::pair<int, int>>& pairs) {
    QJsonArray array;
    for (const auto& [a, b] : pairs) array.append(QJsonArray{a, b});
    return array;
}

QJsonArray stringsJson(const std::vector<std::string>& strings) {
    QJsonArray array;
    for (const std::string& s : strings) array.append(qs(s));
    return array;
}

QJsonObject mapJson(const std::map<std::string, std::string>& map) {
    QJsonObject object;
    for (const auto& [key, value] : map) object.insert(qs(key), qs(value));
    return object;
}

QString exportedPath(const std::string& path, const QDir& folder) {
    if (path.empty()) return {};
    const QString absolute = QFileInfo(qs(path)).absoluteFilePath();
    const QString relative = folder.relativeFilePath(absolute);
    if (relative.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(relative)) return absolute;
    return relative;
}

// Writes through a buffer and remembers the first failure, so the exporter checks once.
class JsonWriter {
public:
    explicit JsonWriter(const std::string& path) : file_(qs(path)) { ok_ = file_.open(QIODevice::WriteOnly | QIODevice::Truncate); }
    void write(const QByteArray& bytes) {
        if ((buffer_ += bytes).size() > (1 << 20)) flush();
    }
    // "key": [ item, item ]; items one per line.
    void item(const QByteArray& json) { write((first_ ? "\n" : ",\n") + json), first_ = false; }
    void beginArray(const char* key) { write(QByteArray(",\n\"") + key + "\": ["), first_ = true; }
    void endArray() { write(first_ ? "]" : "\n]"); }
    Status finish() {
        flush();
        if (ok_) ok_ = file_.flush();
        if (!ok_) return makeError("cannot write '" + ss(file_.fileName()) + "': " + ss(file_.errorString()));
        file_.close();
        return Status::success();
    }

private:
    void flush() {
        if (ok_ && file_.write(buffer_) != buffer_.size()) ok_ = false;
        buffer_.clear();
    }
    QFile file_;
    QByteArray buffer_;
    bool ok_ = false;
    bool first_ = true;
};

QByteArray compact(const QJsonObject& object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

Status writeSkeletonFrames(ProjectStore& store, const Video& video, JsonWriter& out) {
    std::map<std::int64_t, std::string> layoutNames;
    for (const SkeletonLayout& layout : store.skeletonLayouts()) layoutNames[layout.id] = layout.name;
    // Windows up to the video's length, then one for anything recorded past it.
    const std::int64_t known = std::max<std::int64_t>(video.frameCount, 0);
    for (std::int64_t first = 0; first <= known; first += kFrameWindow) {
        const std::int64_t last = first + kFrameWindow > known ? std::numeric_limits<std::int64_t>::max() : first + kFrameWindow - 1;
        auto frames = store.skeletonFrames(video.id, first, last);
        if (!frames) return frames.takeError();
        for (const SkeletonFrame& frame : frames.value()) out.item(frameJson(frame, layoutNames[frame.layoutId]));
    }
    return Status::success();
}

}  // namespace

Status exportNativeJson(ProjectStore& store, const std::string& output, const ExportOptions& options) {
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    auto subjects = store.subjects();
    if (!subjects) return subjects.takeError();
    const QDir folder = QFileInfo(qs(output)).absoluteDir();
    const auto total = static_cast<std::int64_t>(videos->size());

    JsonWriter out(output);
    out.write(QByteArray("{\"format\": \"") + kFormatName + "\", \"version\": " + QByteArray::number(kFormatVersion) +
              ",\n\"taxonomy\": " + QByteArray::fromStdString(taxonomyToJson(store.taxonomy())).trimmed());
    out.beginArray("skeleton_layouts");
    for (const SkeletonLayout& layout : store.skeletonLayouts()) {
        if (isBuiltinLayout(layout.name)) continue;
        out.item(compact(QJsonObject{{"name", qs(layout.name)}, {"joints", stringsJson(layout.joints)},
                                     {"edges", pairsJson(layout.edges)}, {"mirror_pairs", pairsJson(layout.mirrorPairs)}}));
    }
    out.endArray();
    out.beginArray("videos");
    for (const Video& v : videos.value()) {
        QJsonObject video{{"id", qint64(v.id)}, {"name", qs(v.name)}, {"path", exportedPath(v.path, folder)},
                          {"size_bytes", qint64(v.sizeBytes)}, {"fps", v.fps}, {"frame_count", qint64(v.frameCount)},
                          {"width", v.width}, {"height", v.height}, {"content_hash", qs(v.contentHash)},
                          {"splits", stringsJson(v.splits)}, {"annotators", stringsJson(v.annotators)}};
        auto sources = store.frameSources(v.id);
        if (!sources) return sources.takeError();
        if (!sources->empty()) {
            QJsonArray list;
            for (const FrameSource& source : sources.value()) {
                QJsonObject item{{"frame", qint64(source.frame)}, {"name", qs(source.name)}};
                if (source.id) item.insert(QStringLiteral("id"), qint64(*source.id));
                list.append(item);
            }
            video.insert(QStringLiteral("frame_sources"), list);
        }
        out.item(compact(video));
    }
    out.endArray();
    out.beginArray("subjects");
    for (const Subject& s : subjects.value())
        out.item(compact(QJsonObject{{"id", qint64(s.id)}, {"name", qs(s.name)}, {"attributes", mapJson(s.attributes)},
                                     {"consent", QString::fromLatin1(consentStatusName(s.consent))}, {"consent_note", qs(s.consentNote)},
                                     {"consent_date", qs(s.consentDate)}}));
    out.endArray();
    out.beginArray("segments");
    for (const Video& v : videos.value()) {
        auto segments = store.segmentsOfVideo(v.id);
        if (!segments) return segments.takeError();
        for (const Segment& s : segments.value()) {
            QJsonObject segment{{"id", qint64(s.id)}, {"video_id", qint64(s.videoId)}, {"subject_id", qint64(s.subjectId)},
                                {"first_frame", qint64(s.firstFrame)}, {"last_frame", qint64(s.lastFrame)},
                                {"labels", mapJson(s.labels)}, {"annotator", qs(s.annotator)},
                                {"created_ms", qint64(s.createdMs)}, {"modified_ms", qint64(s.modifiedMs)},
                                {"review", QLatin1String(reviewStatusName(s.review))}};
            if (s.confidence) segment.insert(QStringLiteral("confidence"), *s.confidence);
            if (!s.source.empty()) segment.insert(QStringLiteral("source"), qs(s.source));
            out.item(compact(segment));
        }
    }
    out.endArray();
    out.beginArray("skeleton_frames");
    std::int64_t done = 0;
    for (const Video& v : videos.value()) {
        if (Status s = writeSkeletonFrames(store, v, out); !s) return s;
        if (Status cancel = progressPoint(options, ++done, total); !cancel) return cancel;
    }
    out.endArray();
    out.write("\n}\n");
    return out.finish();
}

namespace {

// Reads the members of one JSON object; every message names the member ("videos[3].fps: ...").
class Fields {
public:
    Fields() = default;
    Fields(QJsonObject object, std::string where) : o_(std::move(object)), where_(std::move(where)) {}
    QJsonValue value(const char* key) const { return o_.value(QLatin1String(key)); }
    std::string place(const char* key) const { return where_ + "." + key; }

    Status integer(const char* key, std::int64_t* out, bool nonNegative = false) const {
        const QJsonValue v = o_.value(QLatin1String(key));
        if (v.isUndefined()) return missing(key);
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9.0e15)
            return makeError(place(key) + ": expected a whole number");
        *out = v.toInteger(static_cast<qint64>(d));
        if (nonNegative && *out < 0) return makeError(place(key) + ": " + std::to_string(*out) + " is negative");
        return Status::success();
    }
    Status nonNegative(const char* key, std::int64_t* out) const { return integer(key, out, true); }
    Status number(const char* key, double* out) const {
        const QJsonValue v = o_.value(QLatin1String(key));
        if (v.isUndefined()) return missing(key);
        if (!v.isDouble()) return makeError(place(key) + ": expected a number");
        *out = v.toDouble();
        return Status::success();
    }
    Status string(const char* key, std::string* out) const {
        const QJsonValue v = o_.value(QLatin1String(key));
        if (v.isUndefined()) return missing(key);
        if (!v.isString()) return makeError(place(key) + ": expected a string");
        *out = ss(v.toString());
        return Status::success();
    }
    Status strings(const char* key, std::vector<std::string>* out) const {
        const QJsonValue v = o_.value(QLatin1String(key));
        if (v.isUndefined()) return missing(key);
        if (!v.isArray()) return makeError(place(key) + ": expected an array of strings");
        const QJsonArray array = v.toArray();
        for (int i = 0; i < array.size(); ++i) {
            if (!array[i].isString()) return makeError(place(key) + "[" + std::to_string(i) + "]: expected a string");
            out->push_back(ss(array[i].toString()));
        }
        return Status::success();
    }
    Status stringMap(const char* key, std::map<std::string, std::string>* out) const {
        const QJsonValue v = o_.value(QLatin1String(key));
        if (v.isUndefined()) return missing(key);
        if (!v.isObject()) return makeError(place(key) + ": expected an object of strings");
        const QJsonObject object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString()) return makeError(place(key) + "." + ss(it.key()) + ": expected a string");
            (*out)[ss(it.key())] = ss(it.value().toString());
        }
        return Status::success();
    }
    Status pairs(const char* key, std::vector<std::pair<int, int>>* out) const {
        const QJsonValue v = o_.value(QLatin1String(key));
        if (v.isUndefined()) return missing(key);
        if (!v.isArray()) return makeError(place(key) + ": expected an array of [a, b] pairs");
        const QJsonArray array = v.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QJsonArray pair = array[i].toArray();
            if (!array[i].isArray() || pair.size() != 2 || !isIndex(pair[0]) || !isIndex(pair[1]))
                return makeError(place(key) + "[" + std::to_string(i) + "]: expected a pair of joint indices");
            out->emplace_back(pair[0].toInt(), pair[1].toInt());
        }
        return Status::success();
    }

private:
    static bool isIndex(const QJsonValue& v) {
        const double d = v.toDouble(-1);
        return v.isDouble() && d >= 0 && d < 1e6 && std::floor(d) == d;
    }
    Status missing(const char* key) const { return makeError(place(key) + ": missing"); }
    QJsonObject o_;
    std::string where_;
};

std::string at(const char* list, int i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

Status objectAt(const QJsonArray& array, const char* list, int i, Fields* fields) {
    if (!array[i].isObject()) return makeError(at(list, i) + ": expected an object");
    *fields = Fields(array[i].toObject(), at(list, i));
    return Status::success();
}

Result<std::vector<Joint>> parseJoints(const QJsonValue& json, const std::string& where) {
    if (!json.isArray()) return makeError(where + ": expected an array of [x, y, confidence, visible]");
    const QJsonArray array = json.toArray();
    std::vector<Joint> joints;
    joints.reserve(static_cast<size_t>(array.size()));
    for (int j = 0; j < array.size(); ++j) {
        const QJsonArray v = array[j].toArray();
        const bool visibleOk = v.size() == 4 && (v[3].isBool() || v[3].toDouble(-1) == 0 || v[3].toDouble(-1) == 1);
        if (!array[j].isArray() || !visibleOk || !v[0].isDouble() || !v[1].isDouble() || !v[2].isDouble())
            return makeError(where + "[" + std::to_string(j) + "]: expected [x, y, confidence, visible (0 or 1)]");
        joints.push_back(Joint{static_cast<float>(v[0].toDouble()), static_cast<float>(v[1].toDouble()),
                               static_cast<float>(v[2].toDouble()), v[3].isBool() ? v[3].toBool() : v[3].toDouble() == 1});
    }
    return joints;
}

Result<SubjectBox> parseBox(const QJsonValue& json, const std::string& where) {
    const QJsonArray v = json.toArray();
    if (!json.isArray() || v.size() != 4) return makeError(where + ": expected [x, y, width, height]");
    for (int k = 0; k < 4; ++k)
        if (!v[k].isDouble() || !std::isfinite(v[k].toDouble())) return makeError(where + "[" + std::to_string(k) + "]: expected a number");
    if (v[2].toDouble() < 0 || v[3].toDouble() < 0) return makeError(where + ": width and height must not be negative");
    return SubjectBox{float(v[0].toDouble()), float(v[1].toDouble()), float(v[2].toDouble()), float(v[3].toDouble())};
}

// Imports into `store` with the file already parsed; ids of the file -> ids in the project.
class NativeImport {
public:
    NativeImport(ProjectStore& store, const QDir& folder, bool keepIds) : store_(store), folder_(folder), keepIds_(keepIds) {}

    Status taxonomy(const QJsonObject& root) {
        const QJsonValue v = root.value(QLatin1String("taxonomy"));
        if (!v.isObject()) return makeError(v.isUndefined() ? "taxonomy: missing" : "taxonomy: expected an object");
        auto taxonomy = taxonomyFromJson(compact(v.toObject()).toStdString());
        if (!taxonomy) return makeError("taxonomy." + taxonomy.error());
        if (!keepIds_) return Status::success();  // appending: the project's taxonomy stays
        if (auto old = store_.setTaxonomy(taxonomy.value()); !old) return makeError("taxonomy: " + old.error());
        return Status::success();
    }

    Status layouts(const QJsonArray& array) {
        for (int i = 0; i < array.size(); ++i) {
            Fields f;
            if (Status st = objectAt(array, "skeleton_layouts", i, &f); !st) return st;
            SkeletonLayout layout;
            for (Status s : {f.string("name", &layout.name), f.strings("joints", &layout.joints), f.pairs("edges", &layout.edges),
                             f.pairs("mirror_pairs", &layout.mirrorPairs)})
                if (!s) return s;
            if (Status s = validateSkeletonLayout(layout); !s) return makeError(at("skeleton_layouts", i) + ": " + s.error());
            if (const SkeletonLayout* existing = store_.skeletonLayout(layout.name)) {
                layout.id = existing->id;
                if (!(layout == *existing))
                    return makeError(at("skeleton_layouts", i) + ": the project has a different layout named '" + layout.name + "'");
                continue;
            }
            if (auto id = store_.insertSkeletonLayout(layout); !id) return makeError(at("skeleton_layouts", i) + ": " + id.error());
        }
        return Status::success();
    }

    Status videos(const QJsonArray& array) {
        for (int i = 0; i < array.size(); ++i) {
            Fields f;
            if (Status st = objectAt(array, "videos", i, &f); !st) return st;
            Video v;
            std::int64_t width = 0, height = 0;
            for (Status s : {f.integer("id", &v.id), f.string("name", &v.name), f.string("path", &v.path),
                             f.nonNegative("size_bytes", &v.sizeBytes), f.number("fps", &v.fps),
                             f.nonNegative("frame_count", &v.frameCount), f.nonNegative("width", &width),
                             f.nonNegative("height", &height), f.string("content_hash", &v.contentHash),
                             f.strings("splits", &v.splits)})
                if (!s) return s;
            if (width > std::numeric_limits<int>::max() || height > std::numeric_limits<int>::max())
                return makeError(at("videos", i) + ": the frame size is too large");
            v.width = static_cast<int>(width);
            v.height = static_cast<int>(height);
            if (!v.path.empty() && QDir::isRelativePath(qs(v.path))) v.path = ss(QDir::cleanPath(folder_.filePath(qs(v.path))));
            const std::int64_t fileId = v.id;
            if (Status s = unique(videoIds_, fileId, at("videos", i)); !s) return s;
            // Written since schema 10; older files have neither.
            if (!f.value("annotators").isUndefined())
                if (Status s = f.strings("annotators", &v.annotators); !s) return s;
            std::vector<FrameSource> sources;
            if (!f.value("frame_sources").isUndefined()) {
                if (!f.value("frame_sources").isArray()) return makeError(f.place("frame_sources") + ": expected an array");
                const QJsonArray list = f.value("frame_sources").toArray();
                for (int k = 0; k < list.size(); ++k) {
                    Fields item;
                    if (Status st = objectAt(list, (at("videos", i) + ".frame_sources").c_str(), k, &item); !st) return st;
                    FrameSource source;
                    if (Status st = item.nonNegative("frame", &source.frame); !st) return st;
                    if (Status st = item.string("name", &source.name); !st) return st;
                    if (!item.value("id").isUndefined()) {
                        std::int64_t sourceId = 0;
                        if (Status st = item.integer("id", &sourceId); !st) return st;
                        source.id = sourceId;
                    }
                    sources.push_back(std::move(source));
                }
            }
            if (!keepIds_) v.id = 0;
            auto id = store_.insertVideo(v);
            if (!id) return makeError(at("videos", i) + ": " + id.error());
            videoIds_[fileId] = id.value();
            for (FrameSource& source : sources) source.videoId = id.value();
            if (Status st = store_.insertFrameSources(sources); !st) return makeError(at("videos", i) + ".frame_sources: " + st.error());
        }
        return Status::success();
    }

    Status subjects(const QJsonArray& array) {
        for (int i = 0; i < array.size(); ++i) {
            Fields f;
            if (Status st = objectAt(array, "subjects", i, &f); !st) return st;
            Subject s;
            for (Status st : {f.integer("id", &s.id), f.string("name", &s.name), f.stringMap("attributes", &s.attributes)})
                if (!st) return st;
            // Files from before consent was recorded have none: unknown.
            if (!f.value("consent").isUndefined()) {
                std::string consent;
                for (Status st : {f.string("consent", &consent), f.string("consent_note", &s.consentNote), f.string("consent_date", &s.consentDate)})
                    if (!st) return st;
                if (!parseConsentStatus(consent, &s.consent))
                    return makeError(at("subjects", i) + ".consent: '" + consent + "' is not unknown, given, refused or withdrawn");
            }
            const std::int64_t fileId = s.id;
            if (Status st = unique(subjectIds_, fileId, at("subjects", i)); !st) return st;
            if (!keepIds_) s.id = 0;
            auto id = store_.insertSubject(s);
            if (!id) return makeError(at("subjects", i) + ": " + id.error());
            subjectIds_[fileId] = id.value();
        }
        return Status::success();
    }

    Status segments(const QJsonArray& array) {
        std::map<std::int64_t, std::int64_t> seen;
        for (int i = 0; i < array.size(); ++i) {
            Fields f;
            if (Status st = objectAt(array, "segments", i, &f); !st) return st;
            Segment s;
            std::string review;
            for (Status st : {f.integer("id", &s.id), f.integer("video_id", &s.videoId), f.integer("subject_id", &s.subjectId),
                              f.integer("first_frame", &s.firstFrame), f.integer("last_frame", &s.lastFrame),
                              f.stringMap("labels", &s.labels), f.string("annotator", &s.annotator),
                              f.integer("created_ms", &s.createdMs), f.integer("modified_ms", &s.modifiedMs),
                              f.string("review", &review)})
                if (!st) return st;
            if (!parseReviewStatus(review, &s.review))
                return makeError(f.place("review") + ": '" + review + "' is not unreviewed, accepted or rejected");
            if (!f.value("confidence").isUndefined()) {
                double confidence = 0;
                if (Status st = f.number("confidence", &confidence); !st) return st;
                if (!(confidence >= 0 && confidence <= 1))
                    return makeError(f.place("confidence") + ": " + std::to_string(confidence) + " is not between 0 and 1");
                s.confidence = confidence;
            }
            if (!f.value("source").isUndefined())
                if (Status st = f.string("source", &s.source); !st) return st;
            if (Status st = unique(seen, s.id, at("segments", i)); !st) return st;
            if (Status st = remap(videoIds_, &s.videoId, f.place("video_id"), "video"); !st) return st;
            if (s.subjectId != 0)
                if (Status st = remap(subjectIds_, &s.subjectId, f.place("subject_id"), "subject"); !st) return st;
            if (!keepIds_) s.id = 0;
            if (auto id = store_.insertSegment(s); !id) return makeError(at("segments", i) + ": " + id.error());
        }
        return Status::success();
    }

    Status skeletonFrames(const QJsonArray& array, const ImportOptions& options) {
        std::vector<SkeletonFrame> batch;
        auto flush = [&]() -> Status {
            if (batch.empty()) return Status::success();
            Status s = store_.insertSkeletonFrames(batch);
            batch.clear();
            return s ? s : makeError("skeleton_frames: " + s.error());
        };
        for (int i = 0; i < array.size(); ++i) {
            Fields f;
            if (Status st = objectAt(array, "skeleton_frames", i, &f); !st) return st;
            SkeletonFrame frame;
            std::string layoutName, source;
            for (Status st : {f.integer("video_id", &frame.videoId), f.integer("subject_id", &frame.subjectId),
                              f.nonNegative("frame", &frame.frame), f.string("layout", &layoutName), f.string("source", &source)})
                if (!st) return st;
            if (!parsePoseSource(source, &frame.source))
                return makeError(f.place("source") + ": '" + source + "' is not manual, imported, interpolated or model");
            if (Status st = remap(videoIds_, &frame.videoId, f.place("video_id"), "video"); !st) return st;
            if (Status st = remap(subjectIds_, &frame.subjectId, f.place("subject_id"), "subject"); !st) return st;
            const SkeletonLayout* layout = store_.skeletonLayout(layoutName);
            if (!layout) return makeError(f.place("layout") + ": the project has no skeleton layout '" + layoutName + "'");
            frame.layoutId = layout->id;
            auto joints = parseJoints(f.value("joints"), f.place("joints"));
            if (!joints) return joints.takeError();
            frame.joints = std::move(joints).value();
            if (frame.joints.size() != layout->joints.size())
                return makeError(f.place("joints") + " has " + std::to_string(frame.joints.size()) + " joints, layout " +
                                 layout->name + " has " + std::to_string(layout->joints.size()));
            if (!f.value("box").isUndefined()) {
                auto box = parseBox(f.value("box"), f.place("box"));
                if (!box) return box.takeError();
                frame.box = box.value();
            }
            batch.push_back(std::move(frame));
            if (batch.size() >= kInsertBatch) {
                if (Status st = flush(); !st) return st;
                if (Status cancel = progressPoint(options, i + 1, array.size()); !cancel) return cancel;
            }
        }
        if (Status st = flush(); !st) return st;
        if (Status cancel = progressPoint(options, array.size(), array.size()); !cancel) return cancel;
        return Status::success();
    }

private:
    static Status unique(std::map<std::int64_t, std::int64_t>& ids, std::int64_t id, const std::string& where) {
        if (id <= 0) return makeError(where + ".id: " + std::to_string(id) + " is not a valid id (ids start at 1)");
        if (!ids.emplace(id, id).second) return makeError(where + ".id: " + std::to_string(id) + " appears twice");
        return Status::success();
    }
    static Status remap(const std::map<std::int64_t, std::int64_t>& ids, std::int64_t* id, const std::string& where,
                        const char* what) {
        auto it = ids.find(*id);
        if (it == ids.end()) return makeError(where + ": the file has no " + what + " " + std::to_string(*id));
        *id = it->second;
        return Status::success();
    }

    ProjectStore& store_;
    QDir folder_;
    bool keepIds_;
    std::map<std::int64_t, std::int64_t> videoIds_, subjectIds_;
};

}  // namespace

Status importNativeJson(const std::string& source, ProjectStore& store, const ImportOptions& options) {
    const std::string fileName = ss(QFileInfo(qs(source)).fileName());
    QFile file(qs(source));
    if (!file.open(QIODevice::ReadOnly)) return makeError("cannot read '" + source + "': " + ss(file.errorString()));
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = 1 + static_cast<int>(bytes.left(parseError.offset).count('\n'));
        return makeError(fileName + " line " + std::to_string(line) + ": " + ss(parseError.errorString()));
    }
    auto fail = [&](const Status& s) { return makeError(fileName + ": " + s.error()); };
    if (!doc.isObject()) return makeError(fileName + ": expected a JSON object");
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(kFormatName))
        return makeError(fileName + ": format: expected \"" + kFormatName + "\"");
    std::int64_t version = 0;
    if (Status s = Fields(root, "").integer("version", &version); !s) return makeError(fileName + ": version: expected a whole number");
    if (version != kFormatVersion)
        return makeError(fileName + ": version " + std::to_string(version) + " is not one this ActionLens reads (" +
                         std::to_string(kFormatVersion) + ")");

    std::map<std::string, QJsonArray> lists;
    for (const char* key : {"skeleton_layouts", "videos", "subjects", "segments", "skeleton_frames"}) {
        const QJsonValue v = root.value(QLatin1String(key));
        if (!v.isArray()) return makeError(fileName + ": " + key + (v.isUndefined() ? ": missing" : ": expected an array"));
        lists[key] = v.toArray();
    }
    auto counts = store.counts();
    if (!counts) return counts.takeError();
    const bool empty = counts->videos == 0 && counts->subjects == 0 && counts->segments == 0 && counts->skeletonFrames == 0;

    NativeImport import(store, QFileInfo(qs(source)).absoluteDir(), empty);
    if (Status s = import.taxonomy(root); !s) return fail(s);
    if (Status s = import.layouts(lists["skeleton_layouts"]); !s) return fail(s);
    if (Status s = import.videos(lists["videos"]); !s) return fail(s);
    if (Status s = import.subjects(lists["subjects"]); !s) return fail(s);
    if (Status s = import.segments(lists["segments"]); !s) return fail(s);
    if (Status s = import.skeletonFrames(lists["skeleton_frames"], options); !s) return fail(s);
    return Status::success();
}

}  // namespace actionlens::formats
