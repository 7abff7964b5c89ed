#include "core/train/model_snapshot.h"

#include "core/train/label_mirror.h"

namespace actionlens::train {

using Json = nlohmann::ordered_json;

namespace {

Json pairArray(const std::vector<std::pair<int, int>>& pairs) {
    Json a = Json::array();
    for (const auto& [x, y] : pairs) a.push_back(Json::array({x, y}));
    return a;
}

int whole(const Json& value) { return value.is_number() ? int(value.get<double>()) : 0; }

// Readers that remember the first problem, so the parser reads straight through.
struct Reader {
    const Json& root;
    std::string error;

    const Json* field(const Json& object, const std::string& key) {
        const Json* v = findMember(object, key);
        if (!v && error.empty()) error = "model description lacks '" + key + "'";
        return v;
    }
    int integer(const Json& object, const std::string& key) {
        const Json* v = field(object, key);
        if (v && !v->is_number() && error.empty()) error = "'" + key + "' is not a number";
        return v && v->is_number() ? int(v->get<double>()) : 0;
    }
    double number(const Json& object, const std::string& key) {
        const Json* v = field(object, key);
        return v && v->is_number() ? v->get<double>() : 0.0;
    }
    std::string text(const Json& object, const std::string& key) {
        const Json* v = field(object, key);
        return v && v->is_string() ? v->get<std::string>() : std::string();
    }
    std::vector<int> ints(const Json& object, const std::string& key) {
        std::vector<int> out;
        if (const Json* v = field(object, key); v && v->is_array())
            for (const Json& item : *v) out.push_back(whole(item));
        return out;
    }
    // A flag newer than some model files: absent reads as false (what those models did).
    bool optionalFlag(const Json& object, const std::string& key) {
        const Json* v = findMember(object, key);
        if (v && !v->is_boolean() && error.empty())
            error = "model description has " + key + " " + writeJson(*v, -1) + ", expected true or false";
        return v && v->is_boolean() && v->get<bool>();
    }
    std::vector<std::pair<int, int>> pairs(const Json& object, const std::string& key) {
        std::vector<std::pair<int, int>> out;
        if (const Json* v = field(object, key); v && v->is_array())
            for (const Json& item : *v)
                if (item.is_array() && item.size() == 2) out.emplace_back(whole(item[0]), whole(item[1]));
        return out;
    }
};

}  // namespace

Json modelSnapshotToJson(const ModelSnapshot& s) {
    Json root = Json::object();
    root["taxonomy"] = s.taxonomyName;
    root["layout"] = s.layoutName;
    root["joints"] = s.model.layout.jointCount;
    root["edges"] = pairArray(s.model.layout.edges);
    root["centre_joint"] = s.model.layout.centreJoint;
    root["mirror_pairs"] = pairArray(s.mirrorPairs);
    root["input_channels"] = s.model.inputChannels;
    root["trunk_channels"] = s.model.trunk.channels;
    root["trunk_strides"] = s.model.trunk.temporalStrides;
    root["temporal_kernel"] = s.model.trunk.temporalKernel;
    root["dropout"] = s.model.trunk.dropout;
    root["bone_features"] = s.model.trunk.boneFeatures;
    root["motion_features"] = s.model.trunk.motionFeatures;
    root["attention_hidden"] = s.model.attentionHidden;
    root["trunk"] = model::trunkKindName(s.model.trunkKind);
    if (model::readsVideo(s.model.trunkKind)) {
        Json video = Json::object();
        video["channels"] = s.model.video.channels;
        video["frames"] = s.model.video.frames;
        video["size"] = s.model.video.size;
        root["video"] = video;
    }
    Json tasks = Json::array();
    for (const DatasetTask& task : s.tasks) {
        Json t = Json::object();
        t["name"] = task.name;
        t["classes"] = task.classNames;
        if (!task.mirrorOf.empty()) t["mirror"] = task.mirrorOf;
        tasks.push_back(t);
    }
    root["tasks"] = tasks;
    if (s.hierarchy) {
        Json h = Json::object();
        h["action"] = s.hierarchy->actionTask;
        h["group"] = s.hierarchy->groupTask;
        h["group_of_action"] = s.hierarchy->groupOfAction;
        h["groups"] = s.hierarchy->groupCount;
        root["hierarchy"] = h;
    } else {
        root["hierarchy"] = nullptr;
    }
    root["frames"] = s.frames;
    root["window_frames"] = s.windowFrames;
    root["test_time_mirror"] = s.testTimeMirror;
    if (!s.priorCorrection.empty()) root["prior_correction"] = s.priorCorrection;
    return root;
}

Result<ModelSnapshot> modelSnapshotFromJson(const Json& json) {
    if (!json.is_object()) return makeError("the model description is not a JSON object");
    Reader r{json, {}};
    ModelSnapshot s;
    s.taxonomyName = r.text(json, "taxonomy");
    s.layoutName = r.text(json, "layout");
    s.model.layout.jointCount = r.integer(json, "joints");
    s.model.layout.edges = r.pairs(json, "edges");
    s.model.layout.centreJoint = r.integer(json, "centre_joint");
    s.mirrorPairs = r.pairs(json, "mirror_pairs");
    s.model.inputChannels = r.integer(json, "input_channels");
    s.model.trunk.channels = r.ints(json, "trunk_channels");
    s.model.trunk.temporalStrides = r.ints(json, "trunk_strides");
    s.model.trunk.temporalKernel = r.integer(json, "temporal_kernel");
    s.model.trunk.dropout = r.number(json, "dropout");
    // Models from before the derived features read the joints alone.
    s.model.trunk.boneFeatures = r.optionalFlag(json, "bone_features");
    s.model.trunk.motionFeatures = r.optionalFlag(json, "motion_features");
    s.model.attentionHidden = r.integer(json, "attention_hidden");
    // Files written before the video trunk existed have no "trunk": they hold skeleton models.
    if (const Json* trunk = findMember(json, "trunk")) {
        if (!trunk->is_string() || !model::trunkKindFromName(trunk->get<std::string>(), &s.model.trunkKind))
            return makeError("model description has trunk " + writeJson(*trunk, -1) + ", expected skeleton, video or fusion");
    }
    if (model::readsVideo(s.model.trunkKind)) {
        if (const Json* video = r.field(json, "video")) {
            s.model.video.channels = r.ints(*video, "channels");
            s.model.video.frames = r.integer(*video, "frames");
            s.model.video.size = r.integer(*video, "size");
        }
    }
    if (const Json* tasks = r.field(json, "tasks"); tasks && tasks->is_array()) {
        for (const Json& t : *tasks) {
            DatasetTask task{r.text(t, "name"), {}, {}};
            if (const Json* classes = r.field(t, "classes"); classes && classes->is_array())
                for (const Json& c : *classes) task.classNames.push_back(c.is_string() ? c.get<std::string>() : std::string());
            // Models trained before labels were mirrored have no map: undeclared.
            if (findMember(t, "mirror")) {
                task.mirrorOf = r.ints(t, "mirror");
                if (Status valid = validateMirrorMap(task); !valid && r.error.empty()) r.error = valid.error();
            }
            s.model.tasks.push_back(model::TaskSpec{task.name, int(task.classNames.size())});
            s.tasks.push_back(std::move(task));
        }
    }
    if (const Json* h = r.field(json, "hierarchy"); h && h->is_object())
        s.hierarchy = model::TaskHierarchy{r.text(*h, "action"), r.text(*h, "group"), r.ints(*h, "group_of_action"),
                                           r.integer(*h, "groups")};
    s.frames = r.integer(json, "frames");
    s.windowFrames = r.integer(json, "window_frames");
    s.testTimeMirror = r.optionalFlag(json, "test_time_mirror");  // one pass in models from before it
    if (const Json* prior = findMember(json, "prior_correction")) {
        const std::string bad = "model description has a prior_correction that is not one list of positive numbers per task";
        if (!prior->is_array() || prior->size() != s.tasks.size()) return makeError(bad);
        for (size_t t = 0; t < prior->size(); ++t) {
            const Json& ratios = (*prior)[t];
            if (!ratios.is_array() || (!ratios.empty() && ratios.size() != s.tasks[t].classNames.size())) return makeError(bad);
            std::vector<double> values;
            for (const Json& r : ratios) {
                if (!r.is_number() || !(r.get<double>() > 0.0)) return makeError(bad);
                values.push_back(r.get<double>());
            }
            s.priorCorrection.push_back(std::move(values));
        }
    }
    if (!r.error.empty()) return makeError(r.error);
    return s;
}

Result<std::vector<int>> matchDatasetTasks(const ModelSnapshot& snapshot, const LabelledDataset& dataset) {
    std::vector<int> columns;
    for (const DatasetTask& task : snapshot.tasks) {
        const int column = dataset.taskIndex(task.name);
        if (column >= 0 && dataset.tasks[size_t(column)].classNames != task.classNames)
            return makeError("task '" + task.name + "' has other classes in the project than in the model (" +
                             std::to_string(dataset.tasks[size_t(column)].classNames.size()) + " vs " +
                             std::to_string(task.classNames.size()) + " classes, or renamed/reordered)");
        columns.push_back(column);
    }
    return columns;
}

}  // namespace actionlens::train
