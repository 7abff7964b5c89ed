#include "core/train/dataset_file.h"

#include "core/train/file_replacement.h"
#include "core/train/json_text.h"
#include "core/train/label_mirror.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace actionlens::train {

using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kMagic = "actionlens-dataset 1\n";
constexpr int kLengthDigits = 16;

bool littleEndianHost() {
    const std::uint32_t probe = 1;
    unsigned char first = 0;
    std::memcpy(&first, &probe, 1);
    return first == 1;
}

Json pairArray(const std::vector<std::pair<int, int>>& pairs) {
    Json out = Json::array();
    for (const auto& [a, b] : pairs) out.push_back(Json::array({a, b}));
    return out;
}

Json headerOf(const LabelledDataset& data) {
    Json root = Json::object();
    root["taxonomy"] = data.taxonomyName;
    Json tasks = Json::array();
    for (const DatasetTask& t : data.tasks) {
        Json task = Json::object();
        task["name"] = t.name;
        task["classes"] = t.classNames;
        if (!t.mirrorOf.empty()) task["mirror"] = t.mirrorOf;
        tasks.push_back(task);
    }
    root["tasks"] = tasks;
    if (data.hierarchy) {
        Json h = Json::object();
        h["action_task"] = data.hierarchy->actionTask;
        h["group_task"] = data.hierarchy->groupTask;
        h["group_of_action"] = data.hierarchy->groupOfAction;
        h["group_count"] = data.hierarchy->groupCount;
        root["hierarchy"] = h;
    }
    Json layout = Json::object();
    layout["name"] = data.layoutName;
    layout["joints"] = data.layout.jointCount;
    layout["edges"] = pairArray(data.layout.edges);
    layout["centre"] = data.layout.centreJoint;
    layout["mirror_pairs"] = pairArray(data.mirrorPairs);
    root["layout"] = layout;
    Json clips = Json::array();
    for (const LabelledClip& c : data.clips) {
        Json clip = Json::object();
        clip["frames"] = c.skeleton.frames;
        clip["joints"] = c.skeleton.joints;
        clip["labels"] = c.labels;
        clip["segment"] = c.segmentId;
        clip["video"] = c.videoId;
        clip["video_name"] = c.videoName;
        if (!c.videoPath.empty()) clip["video_path"] = c.videoPath;
        clip["subject"] = c.subjectId;
        clip["first_frame"] = c.firstFrame;
        clip["splits"] = c.splits;
        clips.push_back(clip);
    }
    root["clips"] = clips;
    return root;
}

enum class Kind { Number, String, Array, Object };

// Reading the header: each accessor says where a missing or mistyped field is.
class HeaderReader {
public:
    explicit HeaderReader(std::string where) : where_(std::move(where)) {}

    const Json* field(const Json& object, const std::string& key, Kind kind, const std::string& at) {
        const Json* v = findMember(object, key);
        if (!v || !is(*v, kind)) {
            if (error_.empty()) error_ = at + "'" + key + "' is missing or not " + typeName(kind);
            return nullptr;
        }
        return v;
    }
    bool integer(const Json& object, const std::string& key, const std::string& at, std::int64_t* out) {
        const Json* v = field(object, key, Kind::Number, at);
        if (!v) return false;
        const double d = v->get<double>();
        if (d != double(std::int64_t(d))) {
            if (error_.empty()) error_ = at + "'" + key + "' is not a whole number";
            return false;
        }
        *out = std::int64_t(d);
        return true;
    }
    bool integers(const Json& object, const std::string& key, const std::string& at, std::vector<int>* out) {
        const Json* v = field(object, key, Kind::Array, at);
        if (!v) return false;
        for (const Json& item : *v) {
            if (!item.is_number() || item.get<double>() != double(int(item.get<double>()))) {
                if (error_.empty()) error_ = at + "'" + key + "' holds something other than whole numbers";
                return false;
            }
            out->push_back(int(item.get<double>()));
        }
        return true;
    }
    bool pairs(const Json& object, const std::string& key, const std::string& at, std::vector<std::pair<int, int>>* out) {
        const Json* v = field(object, key, Kind::Array, at);
        if (!v) return false;
        for (const Json& item : *v) {
            if (!item.is_array() || item.size() != 2 || !item[0].is_number() || !item[1].is_number()) {
                if (error_.empty()) error_ = at + "'" + key + "' holds something other than pairs of joint indices";
                return false;
            }
            out->emplace_back(int(item[0].get<double>()), int(item[1].get<double>()));
        }
        return true;
    }
    bool strings(const Json& object, const std::string& key, const std::string& at, std::vector<std::string>* out) {
        const Json* v = field(object, key, Kind::Array, at);
        if (!v) return false;
        for (const Json& item : *v) {
            if (!item.is_string()) {
                if (error_.empty()) error_ = at + "'" + key + "' holds something other than strings";
                return false;
            }
            out->push_back(item.get<std::string>());
        }
        return true;
    }
    void fail(const std::string& message) {
        if (error_.empty()) error_ = message;
    }
    bool failed() const { return !error_.empty(); }
    Error error() const { return makeError(where_ + ": " + error_); }

private:
    static bool is(const Json& value, Kind kind) {
        switch (kind) {
        case Kind::Number: return value.is_number();
        case Kind::String: return value.is_string();
        case Kind::Array: return value.is_array();
        case Kind::Object: return value.is_object();
        }
        return false;
    }
    static std::string typeName(Kind kind) {
        switch (kind) {
        case Kind::Number: return "a number";
        case Kind::String: return "a string";
        case Kind::Array: return "an array";
        case Kind::Object: return "an object";
        default: return "of the right type";
        }
    }
    std::string where_;
    std::string error_;
};

Result<LabelledDataset> datasetFromHeader(const Json& root, HeaderReader& r) {
    LabelledDataset data;
    if (!root.is_object()) r.fail("the header is not a JSON object");
    if (r.failed()) return r.error();
    if (const Json* v = r.field(root, "taxonomy", Kind::String, "")) data.taxonomyName = v->get<std::string>();
    if (const Json* tasks = r.field(root, "tasks", Kind::Array, "")) {
        for (size_t i = 0; i < tasks->size(); ++i) {
            const std::string at = "task " + std::to_string(i) + ": ";
            const Json& t = (*tasks)[i];
            DatasetTask task;
            if (const Json* n = r.field(t, "name", Kind::String, at)) task.name = n->get<std::string>();
            r.strings(t, "classes", at, &task.classNames);
            // Files written before labels were mirrored have no map: undeclared.
            if (findMember(t, "mirror")) r.integers(t, "mirror", at, &task.mirrorOf);
            if (!r.failed())
                if (Status valid = validateMirrorMap(task); !valid) r.fail(at + valid.error());
            data.tasks.push_back(task);
        }
    }
    if (const Json* h = findMember(root, "hierarchy")) {
        model::TaskHierarchy hierarchy;
        std::int64_t groups = 0;
        if (const Json* v = r.field(*h, "action_task", Kind::String, "hierarchy: ")) hierarchy.actionTask = v->get<std::string>();
        if (const Json* v = r.field(*h, "group_task", Kind::String, "hierarchy: ")) hierarchy.groupTask = v->get<std::string>();
        r.integers(*h, "group_of_action", "hierarchy: ", &hierarchy.groupOfAction);
        if (r.integer(*h, "group_count", "hierarchy: ", &groups)) hierarchy.groupCount = int(groups);
        data.hierarchy = hierarchy;
    }
    if (const Json* layout = r.field(root, "layout", Kind::Object, "")) {
        std::int64_t joints = 0, centre = 0;
        if (const Json* v = r.field(*layout, "name", Kind::String, "layout: ")) data.layoutName = v->get<std::string>();
        if (r.integer(*layout, "joints", "layout: ", &joints)) {
            // Bounded so that int holds it and the clips' value counts cannot overflow.
            if (joints < 0 || joints > 100'000) r.fail("layout: joints is " + std::to_string(joints) + ", expected 0 to 100,000");
            data.layout.jointCount = int(joints);
        }
        r.pairs(*layout, "edges", "layout: ", &data.layout.edges);
        if (r.integer(*layout, "centre", "layout: ", &centre)) data.layout.centreJoint = int(centre);
        r.pairs(*layout, "mirror_pairs", "layout: ", &data.mirrorPairs);
        for (const auto& [a, b] : data.layout.edges)
            if (a < 0 || b < 0 || a >= data.layout.jointCount || b >= data.layout.jointCount)
                r.fail("layout: edge (" + std::to_string(a) + ", " + std::to_string(b) + ") names a joint outside 0.." +
                       std::to_string(data.layout.jointCount - 1));
    }
    if (const Json* clips = r.field(root, "clips", Kind::Array, "")) {
        for (size_t i = 0; i < clips->size() && !r.failed(); ++i) {
            const std::string at = "clip " + std::to_string(i) + ": ";
            const Json& c = (*clips)[i];
            LabelledClip clip;
            std::int64_t frames = 0, joints = 0;
            r.integer(c, "frames", at, &frames);
            r.integer(c, "joints", at, &joints);
            r.integers(c, "labels", at, &clip.labels);
            r.integer(c, "segment", at, &clip.segmentId);
            r.integer(c, "video", at, &clip.videoId);
            if (const Json* v = r.field(c, "video_name", Kind::String, at)) clip.videoName = v->get<std::string>();
            if (const Json* v = findMember(c, "video_path"); v && v->is_string()) clip.videoPath = v->get<std::string>();
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
    const std::string header = writeJson(headerOf(dataset), -1);
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
    Result<Json> header = parseJson(headerText);
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
