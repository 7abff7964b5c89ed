#include "core/train/model_snapshot.h"

namespace actionlens::train {

namespace {

JsonValue intArray(const std::vector<int>& values) {
    JsonValue a = JsonValue::array();
    for (int v : values) a.push(v);
    return a;
}

JsonValue pairArray(const std::vector<std::pair<int, int>>& pairs) {
    JsonValue a = JsonValue::array();
    for (const auto& [x, y] : pairs) a.push(JsonValue::array({x, y}));
    return a;
}

// Readers that remember the first problem, so the parser reads straight through.
struct Reader {
    const JsonValue& root;
    std::string error;

    const JsonValue* field(const JsonValue& object, const std::string& key) {
        const JsonValue* v = object.find(key);
        if (!v && error.empty()) error = "model description lacks '" + key + "'";
        return v;
    }
    int integer(const JsonValue& object, const std::string& key) {
        const JsonValue* v = field(object, key);
        if (v && !v->isNumber() && error.empty()) error = "'" + key + "' is not a number";
        return v && v->isNumber() ? int(v->asNumber()) : 0;
    }
    double number(const JsonValue& object, const std::string& key) {
        const JsonValue* v = field(object, key);
        return v && v->isNumber() ? v->asNumber() : 0.0;
    }
    std::string text(const JsonValue& object, const std::string& key) {
        const JsonValue* v = field(object, key);
        return v && v->isString() ? v->asString() : std::string();
    }
    std::vector<int> ints(const JsonValue& object, const std::string& key) {
        std::vector<int> out;
        if (const JsonValue* v = field(object, key))
            for (const JsonValue& item : v->items()) out.push_back(int(item.asNumber()));
        return out;
    }
    std::vector<std::pair<int, int>> pairs(const JsonValue& object, const std::string& key) {
        std::vector<std::pair<int, int>> out;
        if (const JsonValue* v = field(object, key))
            for (const JsonValue& item : v->items())
                if (item.items().size() == 2)
                    out.emplace_back(int(item.items()[0].asNumber()), int(item.items()[1].asNumber()));
        return out;
    }
};

}  // namespace

JsonValue modelSnapshotToJson(const ModelSnapshot& s) {
    JsonValue root = JsonValue::object();
    root.set("taxonomy", s.taxonomyName);
    root.set("layout", s.layoutName);
    root.set("joints", s.model.layout.jointCount);
    root.set("edges", pairArray(s.model.layout.edges));
    root.set("centre_joint", s.model.layout.centreJoint);
    root.set("mirror_pairs", pairArray(s.mirrorPairs));
    root.set("input_channels", s.model.inputChannels);
    root.set("trunk_channels", intArray(s.model.trunk.channels));
    root.set("trunk_strides", intArray(s.model.trunk.temporalStrides));
    root.set("temporal_kernel", s.model.trunk.temporalKernel);
    root.set("dropout", s.model.trunk.dropout);
    root.set("attention_hidden", s.model.attentionHidden);
    root.set("trunk", model::trunkKindName(s.model.trunkKind));
    if (model::readsVideo(s.model.trunkKind)) {
        JsonValue video = JsonValue::object();
        video.set("channels", intArray(s.model.video.channels));
        video.set("frames", s.model.video.frames);
        video.set("size", s.model.video.size);
        root.set("video", video);
    }
    JsonValue tasks = JsonValue::array();
    for (const DatasetTask& task : s.tasks) {
        JsonValue t = JsonValue::object();
        t.set("name", task.name);
        JsonValue classes = JsonValue::array();
        for (const std::string& c : task.classNames) classes.push(c);
        t.set("classes", classes);
        tasks.push(t);
    }
    root.set("tasks", tasks);
    if (s.hierarchy) {
        JsonValue h = JsonValue::object();
        h.set("action", s.hierarchy->actionTask);
        h.set("group", s.hierarchy->groupTask);
        h.set("group_of_action", intArray(s.hierarchy->groupOfAction));
        h.set("groups", s.hierarchy->groupCount);
        root.set("hierarchy", h);
    } else {
        root.set("hierarchy", JsonValue());
    }
    root.set("frames", s.frames);
    root.set("window_frames", s.windowFrames);
    return root;
}

Result<ModelSnapshot> modelSnapshotFromJson(const JsonValue& json) {
    if (!json.isObject()) return makeError("the model description is not a JSON object");
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
    s.model.attentionHidden = r.integer(json, "attention_hidden");
    // Files written before the video trunk existed have no "trunk": they hold skeleton models.
    if (const JsonValue* trunk = json.find("trunk")) {
        if (!trunk->isString() || !model::trunkKindFromName(trunk->asString(), &s.model.trunkKind))
            return makeError("model description has trunk " + trunk->write(-1) + ", expected skeleton, video or fusion");
    }
    if (model::readsVideo(s.model.trunkKind)) {
        if (const JsonValue* video = r.field(json, "video")) {
            s.model.video.channels = r.ints(*video, "channels");
            s.model.video.frames = r.integer(*video, "frames");
            s.model.video.size = r.integer(*video, "size");
        }
    }
    if (const JsonValue* tasks = r.field(json, "tasks")) {
        for (const JsonValue& t : tasks->items()) {
            DatasetTask task{r.text(t, "name"), {}};
            if (const JsonValue* classes = r.field(t, "classes"))
                for (const JsonValue& c : classes->items()) task.classNames.push_back(c.asString());
            s.model.tasks.push_back(model::TaskSpec{task.name, int(task.classNames.size())});
            s.tasks.push_back(std::move(task));
        }
    }
    if (const JsonValue* h = r.field(json, "hierarchy"); h && h->isObject())
        s.hierarchy = model::TaskHierarchy{r.text(*h, "action"), r.text(*h, "group"), r.ints(*h, "group_of_action"),
                                           r.integer(*h, "groups")};
    s.frames = r.integer(json, "frames");
    s.windowFrames = r.integer(json, "window_frames");
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
