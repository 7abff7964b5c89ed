#include "core/train/dataset_file.h"

#include "core/train/file_replacement.h"
#include "core/train/json_value.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace actionlens::train {

namespace {

constexpr const char* kMagic = "actionlens-dataset 1\n";
constexpr int kLengthDigits = 16;

bool littleEndianHost() {
    const std::uint32_t probe = 1;
    unsigned char first = 0;
    std::memcpy(&first, &probe, 1);
    return first == 1;
}

JsonValue intArray(const std::vector<int>& values) {
    JsonValue out = JsonValue::array();
    for (int v : values) out.push(v);
    return out;
}

JsonValue pairArray(const std::vector<std::pair<int, int>>& pairs) {
    JsonValue out = JsonValue::array();
    for (const auto& [a, b] : pairs) out.push(JsonValue::array({a, b}));
    return out;
}

JsonValue headerOf(const LabelledDataset& data) {
    JsonValue root = JsonValue::object();
    root.set("taxonomy", data.taxonomyName);
    JsonValue tasks = JsonValue::array();
    for (const DatasetTask& t : data.tasks) {
        JsonValue task = JsonValue::object();
        task.set("name", t.name);
        JsonValue classes = JsonValue::array();
        for (const std::string& c : t.classNames) classes.push(c);
        task.set("classes", classes);
        tasks.push(task);
    }
    root.set("tasks", tasks);
    if (data.hierarchy) {
        JsonValue h = JsonValue::object();
        h.set("action_task", data.hierarchy->actionTask);
        h.set("group_task", data.hierarchy->groupTask);
        h.set("group_of_action", intArray(data.hierarchy->groupOfAction));
        h.set("group_count", data.hierarchy->groupCount);
        root.set("hierarchy", h);
    }
    JsonValue layout = JsonValue::object();
    layout.set("name", data.layoutName);
    layout.set("joints", data.layout.jointCount);
    layout.set("edges", pairArray(data.layout.edges));
    layout.set("centre", data.layout.centreJoint);
    layout.set("mirror_pairs", pairArray(data.mirrorPairs));
    root.set("layout", layout);
    JsonValue clips = JsonValue::array();
    for (const LabelledClip& c : data.clips) {
        JsonValue clip = JsonValue::object();
        clip.set("frames", c.skeleton.frames);
        clip.set("joints", c.skeleton.joints);
        clip.set("labels", intArray(c.labels));
        clip.set("segment", c.segmentId);
        clip.set("video", c.videoId);
        clip.set("video_name", c.videoName);
        if (!c.videoPath.empty()) clip.set("video_path", c.videoPath);
        clip.set("subject", c.subjectId);
        clip.set("first_frame", c.firstFrame);
        JsonValue splits = JsonValue::array();
        for (const std::string& s : c.splits) splits.push(s);
        clip.set("splits", splits);
        clips.push(clip);
    }
    root.set("clips", clips);
    return root;
}

// Reading the header: each accessor says where a missing or mistyped field is.
class HeaderReader {
public:
    explicit HeaderReader(std::string where) : where_(std::move(where)) {}

    const JsonValue* field(const JsonValue& object, const std::string& key, JsonValue::Type type, const std::string& at) {
        const JsonValue* v = object.find(key);
        if (!v || v->type() != type) {
            if (error_.empty()) error_ = at + "'" + key + "' is missing or not " + typeName(type);
            return nullptr;
        }
        return v;
    }
    bool integer(const JsonValue& object, const std::string& key, const std::string& at, std::int64_t* out) {
        const JsonValue* v = field(object, key, JsonValue::Type::Number, at);
        if (!v) return false;
        const double d = v->asNumber();
        if (d != double(std::int64_t(d))) {
            if (error_.empty()) error_ = at + "'" + key + "' is not a whole number";
            return false;
        }
        *out = std::int64_t(d);
        return true;
    }
    bool integers(const JsonValue& object, const std::string& key, const std::string& at, std::vector<int>* out) {
        const JsonValue* v = field(object, key, JsonValue::Type::Array, at);
        if (!v) return false;
        for (const JsonValue& item : v->items()) {
            if (!item.isNumber() || item.asNumber() != double(int(item.asNumber()))) {
                if (error_.empty()) error_ = at + "'" + key + "' holds something other than whole numbers";
                return false;
            }
            out->push_back(int(item.asNumber()));
        }
        return true;
    }
    bool pairs(const JsonValue& object, const std::string& key, const std::string& at, std::vector<std::pair<int, int>>* out) {
        const JsonValue* v = field(object, key, JsonValue::Type::Array, at);
        if (!v) return false;
        for (const JsonValue& item : v->items()) {
            if (!item.isArray() || item.items().size() != 2 || !item.items()[0].isNumber() || !item.items()[1].isNumber()) {
                if (error_.empty()) error_ = at + "'" + key + "' holds something other than pairs of joint indices";
                return false;
            }
            out->emplace_back(int(item.items()[0].asNumber()), int(item.items()[1].asNumber()));
        }
        return true;
    }
    bool strings(const JsonValue& object, const std::string& key, const std::string& at, std::vector<std::string>* out) {
        const JsonValue* v = field(object, key, JsonValue::Type::Array, at);
        if (!v) return false;
        for (const JsonValue& item : v->items()) {
            if (!item.isString()) {
                if (error_.empty()) error_ = at + "'" + key + "' holds something other than strings";
                return false;
            }
            out->push_back(item.asString());
        }
        return true;
    }
    void fail(const std::string& message) {
        if (error_.empty()) error_ = message;
    }
    bool failed() const { return !error_.empty(); }
    Error error() const { return makeError(where_ + ": " + error_); }

private:
    static std::string typeName(JsonValue::Type type) {
        switch (type) {
        case JsonValue::Type::Number: return "a number";
        case JsonValue::Type::String: return "a string";
        case JsonValue::Type::Array: return "an array";
        case JsonValue::Type::Object: return "an object";
        default: return "of the right type";
        }
    }
    std::string where_;
    std::string error_;
};

Result<LabelledDataset> datasetFromHeader(const JsonValue& root, HeaderReader& r) {
    LabelledDataset data;
    if (!root.isObject()) r.fail("the header is not a JSON object");
    if (r.failed()) return r.error();
    if (const JsonValue* v = r.field(root, "taxonomy", JsonValue::Type::String, "")) data.taxonomyName = v->asString();
    if (const JsonValue* tasks = r.field(root, "tasks", JsonValue::Type::Array, "")) {
        for (size_t i = 0; i < tasks->items().size(); ++i) {
            const std::string at = "task " + std::to_string(i) + ": ";
            const JsonValue& t = tasks->items()[i];
            DatasetTask task;
            if (const JsonValue* n = r.field(t, "name", JsonValue::Type::String, at)) task.name = n->asString();
            r.strings(t, "classes", at, &task.classNames);
            data.tasks.push_back(task);
        }
    }
    if (const JsonValue* h = root.find("hierarchy")) {
        model::TaskHierarchy hierarchy;
        std::int64_t groups = 0;
        if (const JsonValue* v = r.field(*h, "action_task", JsonValue::Type::String, "hierarchy: ")) hierarchy.actionTask = v->asString();
        if (const JsonValue* v = r.field(*h, "group_task", JsonValue::Type::String, "hierarchy: ")) hierarchy.groupTask = v->asString();
        r.integers(*h, "group_of_action", "hierarchy: ", &hierarchy.groupOfAction);
        if (r.integer(*h, "group_count", "hierarchy: ", &groups)) hierarchy.groupCount = int(groups);
        data.hierarchy = hierarchy;
    }
    if (const JsonValue* layout = r.field(root, "layout", JsonValue::Type::Object, "")) {
        std::int64_t joints = 0, centre = 0;
        if (const JsonValue* v = r.field(*layout, "name", JsonValue::Type::String, "layout: ")) data.layoutName = v->asString();
        if (r.integer(*layout, "joints", "layout: ", &joints)) data.layout.jointCount = int(joints);
        r.pairs(*layout, "edges", "layout: ", &data.layout.edges);
        if (r.integer(*layout, "centre", "layout: ", &centre)) data.layout.centreJoint = int(centre);
        r.pairs(*layout, "mirror_pairs", "layout: ", &data.mirrorPairs);
        for (const auto& [a, b] : data.layout.edges)
            if (a < 0 || b < 0 || a >= data.layout.jointCount || b >= data.layout.jointCount)
                r.fail("layout: edge (" + std::to_string(a) + ", " + std::to_string(b) + ") names a joint outside 0.." +
                       std::to_string(data.layout.jointCount - 1));
    }
    if (const JsonValue* clips = r.field(root, "clips", JsonValue::Type::Array, "")) {
        for (size_t i = 0; i < clips->items().size() && !r.failed(); ++i) {
            const std::string at = "clip " + std::to_string(i) + ": ";
            const JsonValue& c = clips->items()[i];
            LabelledClip clip;
            std::int64_t frames = 0, joints = 0;
            r.integer(c, "frames", at, &frames);
            r.integer(c, "joints", at, &joints);
            r.integers(c, "labels", at, &clip.labels);
            r.integer(c, "segment", at, &clip.segmentId);
            r.integer(c, "video", at, &clip.videoId);
            if (const JsonValue* v = r.field(c, "video_name", JsonValue::Type::String, at)) clip.videoName = v->asString();
            if (const JsonValue* v = c.find("video_path"); v && v->isString()) clip.videoPath = v->asString();
            r.integer(c, "subject", at, &clip.subjectId);
            r.integer(c, "first_frame", at, &clip.firstFrame);
            r.strings(c, "splits", at, &clip.splits);
            if (r.failed()) break;
            if (frames < 1 || frames > 1'000'000) r.fail(at + "frames is " + std::to_string(frames) + ", expected 1 to 1,000,000");
            if (joints != data.layout.jointCount)
                r.fail(at + "has " + std::to_string(joints) + " joints, the layout " + std::to_string(data.layout.jointCount));
            if (clip.labels.size() != data.tasks.size())
                r.fail(at + "labels has " + std::to_string(clip.labels.size()) + " entries, the dataset has " +
                       std::to_string(data.tasks.size()) + " tasks");
            for (size_t t = 0; t < clip.labels.size() && t < data.tasks.size(); ++t)
                if (clip.labels[t] < -1 || clip.labels[t] >= int(data.tasks[t].classNames.size()))
                    r.fail(at + "label " + std::to_string(clip.labels[t]) + " of task '" + data.tasks[t].name +
                           "' is not one of its " + std::to_string(data.tasks[t].classNames.size()) + " classes (or -1)");
            clip.skeleton.frames = int(frames);
            clip.skeleton.joints = int(joints);
            data.clips.push_back(std::move(clip));
        }
    }
    if (r.failed()) return r.error();
    if (data.hierarchy) {
        const int actions = data.taskIndex(data.hierarchy->actionTask), groups = data.taskIndex(data.hierarchy->groupTask);
        if (actions < 0 || groups < 0) {
            r.fail("hierarchy: it names a task the dataset does not have");
            return r.error();
        }
        if (Status s = model::validateTaskHierarchy(*data.hierarchy, int(data.tasks[size_t(actions)].classNames.size()),
                                                    int(data.tasks[size_t(groups)].classNames.size()));
            !s) {
            r.fail("hierarchy: " + s.error());
            return r.error();
        }
    }
    return data;
}

std::string lengthField(std::size_t bytes) {
    char text[kLengthDigits + 2];
    std::snprintf(text, sizeof text, "%016zu\n", bytes);
    return text;
}

}  // namespace

Status writeDatasetFile(const LabelledDataset& dataset, const std::string& path) {
    if (!littleEndianHost()) return makeError("cannot write '" + path + "': dataset files are little-endian, this machine is not");
    for (size_t i = 0; i < dataset.clips.size(); ++i) {
        const model::SkeletonClip& s = dataset.clips[i].skeleton;
        if (s.values.size() != size_t(model::kSkeletonChannels) * size_t(s.frames) * size_t(s.joints))
            return makeError("cannot write '" + path + "': clip " + std::to_string(i) + " holds " + std::to_string(s.values.size()) +
                             " values, not 3 x " + std::to_string(s.frames) + " frames x " + std::to_string(s.joints) + " joints");
    }
    const std::string header = headerOf(dataset).write(-1);
    const std::string temporary = temporaryPathBeside(path);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return makeError("cannot write '" + path + "': cannot create a file in its folder");
        out << kMagic << lengthField(header.size()) << header;
        for (const LabelledClip& clip : dataset.clips)
            out.write(reinterpret_cast<const char*>(clip.skeleton.values.data()), std::streamsize(clip.skeleton.values.size() * sizeof(float)));
        out.flush();
        if (!out) {
            removeQuietly(temporary);
            return makeError("cannot write '" + path + "': writing failed (disk full?)");
        }
    }
    return moveIntoPlace(temporary, path, "cannot write '" + path + "'");
}

Result<LabelledDataset> readDatasetFile(const std::string& path) {
    if (!littleEndianHost()) return makeError("cannot read '" + path + "': dataset files are little-endian, this machine is not");
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("cannot open '" + path + "'");
    const std::string where = "'" + path + "'";
    std::string magic(std::strlen(kMagic), '\0');
    in.read(magic.data(), std::streamsize(magic.size()));
    if (!in || magic != kMagic) return makeError(where + " is not an ActionLens dataset file (it does not start with 'actionlens-dataset 1')");
    std::string length(kLengthDigits + 1, '\0');
    in.read(length.data(), std::streamsize(length.size()));
    if (!in || length.back() != '\n' || length.find_first_not_of("0123456789") != size_t(kLengthDigits))
        return makeError(where + ": the header length is damaged");
    const std::size_t headerBytes = std::stoull(length.substr(0, kLengthDigits));
    in.seekg(0, std::ios::end);
    const std::uint64_t fileBytes = std::uint64_t(in.tellg());
    const std::uint64_t valuesStart = magic.size() + length.size() + headerBytes;
    if (valuesStart > fileBytes) return makeError(where + ": truncated inside the header");
    in.seekg(std::streamoff(magic.size() + length.size()));
    std::string headerText(headerBytes, '\0');
    in.read(headerText.data(), std::streamsize(headerBytes));
    Result<JsonValue> header = parseJson(headerText);
    if (!header) return makeError(where + ": header: " + header.error());
    HeaderReader reader(where);
    Result<LabelledDataset> data = datasetFromHeader(header.value(), reader);
    if (!data) return data;
    std::uint64_t expected = 0;
    for (const LabelledClip& clip : data->clips)
        expected += std::uint64_t(model::kSkeletonChannels) * std::uint64_t(clip.skeleton.frames) * std::uint64_t(clip.skeleton.joints) * sizeof(float);
    const std::uint64_t present = fileBytes - valuesStart;
    if (present < expected)
        return makeError(where + ": truncated: " + std::to_string(expected - present) + " bytes of skeleton values are missing");
    if (present > expected)
        return makeError(where + ": " + std::to_string(present - expected) + " bytes follow the last clip's skeleton values");
    for (LabelledClip& clip : data->clips) {
        clip.skeleton.values.resize(size_t(model::kSkeletonChannels) * size_t(clip.skeleton.frames) * size_t(clip.skeleton.joints));
        in.read(reinterpret_cast<char*>(clip.skeleton.values.data()), std::streamsize(clip.skeleton.values.size() * sizeof(float)));
        if (!in) return makeError(where + ": reading the skeleton values failed");
    }
    return data;
}

}  // namespace actionlens::train
