#include "core/annotation/taxonomy_draft.h"

#include "core/annotation/group_only_label.h"

#include <algorithm>

namespace actionlens::annotation {

namespace {

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// One UTF-8 code point that is not a space or a control character, ASCII letters lower-cased
// (the hotkey coder compares the lower-case text of a key press).
Result<std::string> normalisedHotkey(const std::string& key) {
    if (key.empty()) return key;
    const unsigned char lead = static_cast<unsigned char>(key[0]);
    const size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || key.size() != length)
        return makeError("hotkey " + quoted(key) + ": a hotkey is one key (a letter, digit or sign)");
    if (length == 1 && (lead <= 0x20 || lead == 0x7f))
        return makeError("a hotkey must be a visible key (a letter, digit or sign), not a space or control key");
    std::string out = key;
    if (length == 1 && lead >= 'A' && lead <= 'Z') out[0] = static_cast<char>(lead - 'A' + 'a');
    return out;
}

}  // namespace

TaxonomyDraft::TaxonomyDraft(Taxonomy original) : original_(std::move(original)), draft_(original_) {
    for (const TaskDefinition& task : draft_.tasks) {
        std::vector<Key> keys;
        for (const TaskValue& value : task.values) {
            originalValues_[nextKey_] = {task.name, value.name};
            keys.push_back(nextKey_++);
        }
        valueKeys_.push_back(std::move(keys));
        if (task.kind == TaskKind::Action)
            for (const ClassGroup& group : task.groups) {
                originalGroups_[nextKey_] = group.name;
                groupKeys_.push_back(nextKey_++);
            }
    }
}

int TaxonomyDraft::actionTaskIndex() const {
    for (size_t t = 0; t < draft_.tasks.size(); ++t)
        if (draft_.tasks[t].kind == TaskKind::Action) return int(t);
    return -1;
}

TaskDefinition* TaxonomyDraft::actionTask() {
    const int index = actionTaskIndex();
    return index < 0 ? nullptr : &draft_.tasks[size_t(index)];
}

Status TaxonomyDraft::checkTask(size_t task) const {
    if (task >= draft_.tasks.size()) return makeError("no task number " + std::to_string(task));
    return Status::success();
}

Status TaxonomyDraft::checkValue(size_t task, size_t value) const {
    if (Status s = checkTask(task); !s) return s;
    if (value >= draft_.tasks[task].values.size())
        return makeError("task " + quoted(draft_.tasks[task].name) + " has no value number " + std::to_string(value));
    return Status::success();
}

Status TaxonomyDraft::checkGroup(size_t group) const {
    const int action = actionTaskIndex();
    if (action < 0 || group >= draft_.tasks[size_t(action)].groups.size())
        return makeError("no class group number " + std::to_string(group));
    return Status::success();
}

Status TaxonomyDraft::checkNewTaskName(const std::string& name, std::optional<size_t> except) const {
    if (name.empty()) return makeError("a task needs a name");
    if (name[0] == '@') return makeError("task names starting with '@' are reserved");
    for (size_t t = 0; t < draft_.tasks.size(); ++t)
        if (t != except && draft_.tasks[t].name == name) return makeError("there is already a task called " + quoted(name));
    return Status::success();
}

Status TaxonomyDraft::checkNewValueName(size_t task, const std::string& name, std::optional<size_t> except) const {
    const TaskDefinition& def = draft_.tasks[task];
    const char* what = def.kind == TaskKind::Action ? "class" : "value";
    if (name.empty()) return makeError(std::string("a ") + what + " needs a name");
    for (size_t v = 0; v < def.values.size(); ++v)
        if (v != except && def.values[v].name == name)
            return makeError(quoted(def.name) + " already has a " + what + " called " + quoted(name));
    return Status::success();
}

Status TaxonomyDraft::checkNewGroupName(const std::string& name, std::optional<size_t> except) const {
    if (name.empty()) return makeError("a class group needs a name");
    const int action = actionTaskIndex();
    if (action < 0) return makeError("the taxonomy has no action task to hold class groups");
    const auto& groups = draft_.tasks[size_t(action)].groups;
    for (size_t g = 0; g < groups.size(); ++g)
        if (g != except && groups[g].name == name) return makeError("there is already a class group called " + quoted(name));
    return Status::success();
}

Result<size_t> TaxonomyDraft::addAttributeTask(const std::string& name, TaskScope scope) {
    if (Status s = checkNewTaskName(name, std::nullopt); !s) return s.takeError();
    TaskDefinition task;
    task.name = name;
    task.kind = TaskKind::Attribute;
    task.scope = scope;
    draft_.tasks.push_back(task);
    valueKeys_.emplace_back();
    return draft_.tasks.size() - 1;
}

Status TaxonomyDraft::renameTask(size_t task, const std::string& name) {
    if (Status s = checkTask(task); !s) return s;
    if (draft_.tasks[task].name == name) return Status::success();
    if (Status s = checkNewTaskName(name, task); !s) return s;
    draft_.tasks[task].name = name;
    return Status::success();
}

Status TaxonomyDraft::setTaskScope(size_t task, TaskScope scope) {
    if (Status s = checkTask(task); !s) return s;
    if (draft_.tasks[task].kind == TaskKind::Action && scope != TaskScope::Segment)
        return makeError("the action task is always labelled per segment");
    draft_.tasks[task].scope = scope;
    return Status::success();
}

Status TaxonomyDraft::removeTask(size_t task) {
    if (Status s = checkTask(task); !s) return s;
    if (draft_.tasks[task].kind == TaskKind::Action)
        return makeError("the action task cannot be removed: every taxonomy has one");
    for (Key key : valueKeys_[task]) removedValues_[key] = Fate{};
    draft_.tasks.erase(draft_.tasks.begin() + std::ptrdiff_t(task));
    valueKeys_.erase(valueKeys_.begin() + std::ptrdiff_t(task));
    return Status::success();
}

Result<size_t> TaxonomyDraft::addGroup(const std::string& name) {
    if (Status s = checkNewGroupName(name, std::nullopt); !s) return s.takeError();
    actionTask()->groups.push_back(ClassGroup{name, "", false});
    groupKeys_.push_back(nextKey_++);
    return actionTask()->groups.size() - 1;
}

Status TaxonomyDraft::renameGroup(size_t group, const std::string& name) {
    if (Status s = checkGroup(group); !s) return s;
    TaskDefinition& action = *actionTask();
    const std::string old = action.groups[group].name;
    if (old == name) return Status::success();
    if (Status s = checkNewGroupName(name, group); !s) return s;
    action.groups[group].name = name;
    for (TaskValue& value : action.values)
        if (value.group == old) value.group = name;
    return Status::success();
}

Status TaxonomyDraft::setGroupColour(size_t group, const std::string& colour) {
    if (Status s = checkGroup(group); !s) return s;
    if (!colour.empty() && !isTaxonomyColour(colour)) return makeError(quoted(colour) + " is not a colour like #1f77b4");
    actionTask()->groups[group].colour = colour;
    return Status::success();
}

Status TaxonomyDraft::setGroupOnlyAllowed(size_t group, bool allowed) {
    if (Status s = checkGroup(group); !s) return s;
    actionTask()->groups[group].allowsGroupOnly = allowed;
    return Status::success();
}

Status TaxonomyDraft::removeGroup(size_t group, std::optional<size_t> relabelTo) {
    if (Status s = checkGroup(group); !s) return s;
    TaskDefinition& action = *actionTask();
    const std::string name = action.groups[group].name;
    const auto members = std::count_if(action.values.begin(), action.values.end(),
                                       [&](const TaskValue& v) { return v.group == name; });
    if (members > 0)
        return makeError("class group " + quoted(name) + " still has " + std::to_string(members) +
                         (members == 1 ? " class" : " classes") + ": move or delete them first");
    if (action.groups.size() == 1) return makeError("the action task needs at least one class group");
    Fate fate;
    if (relabelTo) {
        if (Status s = checkGroup(*relabelTo); !s) return s;
        if (*relabelTo == group) return makeError("a class group cannot pass its labels to itself");
        if (!action.groups[*relabelTo].allowsGroupOnly)
            return makeError("class group " + quoted(action.groups[*relabelTo].name) +
                             " does not allow group-only labels, so it cannot take those of " + quoted(name));
        fate.relabelTo = groupKeys_[*relabelTo];
    }
    removedGroups_[groupKeys_[group]] = fate;
    action.groups.erase(action.groups.begin() + std::ptrdiff_t(group));
    groupKeys_.erase(groupKeys_.begin() + std::ptrdiff_t(group));
    return Status::success();
}

Result<size_t> TaxonomyDraft::addValue(size_t task, const std::string& name, const std::string& group) {
    if (Status s = checkTask(task); !s) return s.takeError();
    if (Status s = checkNewValueName(task, name, std::nullopt); !s) return s.takeError();
    TaskDefinition& def = draft_.tasks[task];
    TaskValue value;
    value.name = name;
    if (def.kind == TaskKind::Action) {
        const bool known = std::any_of(def.groups.begin(), def.groups.end(), [&](const ClassGroup& g) { return g.name == group; });
        if (!known) return makeError("class " + quoted(name) + " needs a class group; " + quoted(group) + " is not one");
        value.group = group;
    } else if (!group.empty()) {
        return makeError("only classes of the action task belong to class groups");
    }
    def.values.push_back(value);
    valueKeys_[task].push_back(nextKey_++);
    return def.values.size() - 1;
}

Status TaxonomyDraft::renameValue(size_t task, size_t value, const std::string& name) {
    if (Status s = checkValue(task, value); !s) return s;
    if (draft_.tasks[task].values[value].name == name) return Status::success();
    if (Status s = checkNewValueName(task, name, value); !s) return s;
    const std::string old = draft_.tasks[task].values[value].name;
    draft_.tasks[task].values[value].name = name;
    for (TaskValue& other : draft_.tasks[task].values)  // its mirror pair follows the new name
        if (other.mirror == old) other.mirror = name;
    return Status::success();
}

Status TaxonomyDraft::setValueColour(size_t task, size_t value, const std::string& colour) {
    if (Status s = checkValue(task, value); !s) return s;
    if (!colour.empty() && !isTaxonomyColour(colour)) return makeError(quoted(colour) + " is not a colour like #1f77b4");
    draft_.tasks[task].values[value].colour = colour;
    return Status::success();
}

Status TaxonomyDraft::setValueGroup(size_t task, size_t value, const std::string& group) {
    if (Status s = checkValue(task, value); !s) return s;
    TaskDefinition& def = draft_.tasks[task];
    if (def.kind != TaskKind::Action) return makeError("only classes of the action task belong to class groups");
    if (!std::any_of(def.groups.begin(), def.groups.end(), [&](const ClassGroup& g) { return g.name == group; }))
        return makeError(quoted(group) + " is not a class group of the taxonomy");
    def.values[value].group = group;
    return Status::success();
}

Status TaxonomyDraft::setHotkey(size_t task, size_t value, const std::string& key) {
    if (Status s = checkValue(task, value); !s) return s;
    auto normalised = normalisedHotkey(key);
    if (!normalised) return normalised.takeError();
    const std::string& hotkey = normalised.value();
    if (!hotkey.empty()) {
        if (auto reserved = reservedKeys_.find(hotkey); reserved != reservedKeys_.end())
            return makeError(quoted(hotkey) + " is the program's own key for " + reserved->second + "; choose another");
        for (size_t t = 0; t < draft_.tasks.size(); ++t)
            for (size_t v = 0; v < draft_.tasks[t].values.size(); ++v)
                if ((t != task || v != value) && draft_.tasks[t].values[v].hotkey == hotkey)
                    return makeError(quoted(hotkey) + " is already the hotkey of " + quoted(draft_.tasks[t].values[v].name) +
                                     " (" + draft_.tasks[t].name + "); clear it there first");
    }
    draft_.tasks[task].values[value].hotkey = hotkey;
    return Status::success();
}

Status TaxonomyDraft::setTaskSideFree(size_t task, bool sideFree) {
    if (Status s = checkTask(task); !s) return s;
    TaskDefinition& def = draft_.tasks[task];
    def.sideFree = sideFree;
    if (sideFree)
        for (TaskValue& value : def.values) value.mirror.clear();
    return Status::success();
}

Status TaxonomyDraft::setValueMirror(size_t task, size_t value, const std::string& image) {
    if (Status s = checkValue(task, value); !s) return s;
    TaskDefinition& def = draft_.tasks[task];
    TaskValue& self = def.values[value];
    TaskValue* partner = nullptr;
    if (!image.empty() && image != self.name) {
        for (TaskValue& other : def.values)
            if (other.name == image) partner = &other;
        if (!partner) return makeError(quoted(image) + " is not a value of " + quoted(def.name));
    }
    // Earlier partners of both are their own mirror images now.
    for (TaskValue* one : {&self, partner}) {
        if (!one || one->mirror.empty()) continue;
        for (TaskValue& other : def.values)
            if (other.name == one->mirror) other.mirror.clear();
        one->mirror.clear();
    }
    if (partner) {
        self.mirror = partner->name;
        partner->mirror = self.name;
        def.sideFree = false;
    }
    return Status::success();
}

Status TaxonomyDraft::removeValue(size_t task, size_t value, std::optional<size_t> relabelTo) {
    if (Status s = checkValue(task, value); !s) return s;
    TaskDefinition& def = draft_.tasks[task];
    if (def.values.size() == 1)
        return makeError(quoted(def.name) + " needs at least one " + (def.kind == TaskKind::Action ? "class" : "value") +
                         ": add another before removing " + quoted(def.values[value].name));
    Fate fate;
    if (relabelTo) {
        if (Status s = checkValue(task, *relabelTo); !s) return s;
        if (*relabelTo == value) return makeError("a value cannot pass its labels to itself");
        fate.relabelTo = valueKeys_[task][*relabelTo];
    }
    removedValues_[valueKeys_[task][value]] = fate;
    const std::string removed = def.values[value].name;
    def.values.erase(def.values.begin() + std::ptrdiff_t(value));
    for (TaskValue& other : def.values)  // its pair is its own mirror image now
        if (other.mirror == removed) other.mirror.clear();
    valueKeys_[task].erase(valueKeys_[task].begin() + std::ptrdiff_t(value));
    return Status::success();
}

Status TaxonomyDraft::replaceWith(const Taxonomy& imported) {
    if (Status s = validateTaxonomy(imported); !s) return s;
    std::vector<std::vector<Key>> valueKeys;
    std::set<Key> kept;
    for (const TaskDefinition& task : imported.tasks) {
        const auto same = std::find_if(draft_.tasks.begin(), draft_.tasks.end(),
                                       [&](const TaskDefinition& t) { return t.name == task.name; });
        std::vector<Key> keys;
        for (const TaskValue& value : task.values) {
            Key key = -1;
            if (same != draft_.tasks.end()) {
                const size_t t = size_t(same - draft_.tasks.begin());
                for (size_t v = 0; v < same->values.size(); ++v)
                    if (same->values[v].name == value.name) key = valueKeys_[t][v];
            }
            if (key < 0) key = nextKey_++;
            kept.insert(key);
            keys.push_back(key);
        }
        valueKeys.push_back(std::move(keys));
    }
    std::vector<Key> groupKeys;
    const TaskDefinition* oldAction = draft_.actionTask();
    if (const TaskDefinition* action = imported.actionTask())
        for (const ClassGroup& group : action->groups) {
            Key key = -1;
            for (size_t g = 0; oldAction && g < oldAction->groups.size(); ++g)
                if (oldAction->groups[g].name == group.name) key = groupKeys_[g];
            if (key < 0) key = nextKey_++;
            kept.insert(key);
            groupKeys.push_back(key);
        }
    for (const auto& keys : valueKeys_)
        for (Key key : keys)
            if (!kept.count(key)) removedValues_[key] = Fate{};
    for (Key key : groupKeys_)
        if (!kept.count(key)) removedGroups_[key] = Fate{};
    draft_ = imported;
    valueKeys_ = std::move(valueKeys);
    groupKeys_ = std::move(groupKeys);
    return Status::success();
}

std::optional<std::pair<size_t, size_t>> TaxonomyDraft::findValueKey(Key key) const {
    for (size_t t = 0; t < valueKeys_.size(); ++t)
        for (size_t v = 0; v < valueKeys_[t].size(); ++v)
            if (valueKeys_[t][v] == key) return std::make_pair(t, v);
    return std::nullopt;
}

std::optional<size_t> TaxonomyDraft::findGroupKey(Key key) const {
    for (size_t g = 0; g < groupKeys_.size(); ++g)
        if (groupKeys_[g] == key) return g;
    return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> TaxonomyDraft::resolveValue(Key key) const {
    // A relabel target is a value that existed when its source was removed, so the chain ends;
    // the bound only guards against a broken draft.
    for (size_t hops = 0; hops <= removedValues_.size(); ++hops) {
        if (auto at = findValueKey(key)) return std::make_pair(draft_.tasks[at->first].name, draft_.tasks[at->first].values[at->second].name);
        auto removed = removedValues_.find(key);
        if (removed == removedValues_.end() || !removed->second.relabelTo) return std::nullopt;
        key = *removed->second.relabelTo;
    }
    return std::nullopt;
}

std::optional<std::string> TaxonomyDraft::resolveGroup(Key key) const {
    const TaskDefinition* action = draft_.actionTask();
    for (size_t hops = 0; hops <= removedGroups_.size(); ++hops) {
        if (auto at = findGroupKey(key)) {
            const ClassGroup& group = action->groups[*at];
            if (!group.allowsGroupOnly) return std::nullopt;
            return group.name;
        }
        auto removed = removedGroups_.find(key);
        if (removed == removedGroups_.end() || !removed->second.relabelTo) return std::nullopt;
        key = *removed->second.relabelTo;
    }
    return std::nullopt;
}

std::vector<LabelRewrite> TaxonomyDraft::labelRewrites() const {
    std::vector<LabelRewrite> rewrites;
    for (const auto& [key, label] : originalValues_) {
        const auto now = resolveValue(key);
        if (now && *now == label) continue;
        rewrites.push_back({label.first, label.second, now ? now->first : std::string(), now ? now->second : std::string()});
    }
    // Only groups that allowed group-only labels can have any to carry over.
    const TaskDefinition* originalAction = original_.actionTask();
    for (const auto& [key, name] : originalGroups_) {
        const auto group = std::find_if(originalAction->groups.begin(), originalAction->groups.end(),
                                        [&name = name](const ClassGroup& g) { return g.name == name; });
        if (group == originalAction->groups.end() || !group->allowsGroupOnly) continue;
        const auto now = resolveGroup(key);
        if (now && *now == name) continue;
        rewrites.push_back({kGroupOnlyLabelKey, name, now ? kGroupOnlyLabelKey : "", now ? *now : std::string()});
    }
    return rewrites;
}

std::vector<std::pair<std::string, std::string>> TaxonomyDraft::labelSources(size_t task, size_t value) const {
    std::vector<std::pair<std::string, std::string>> sources;
    if (!checkValue(task, value)) return sources;
    const std::pair<std::string, std::string> target{draft_.tasks[task].name, draft_.tasks[task].values[value].name};
    for (const auto& [key, label] : originalValues_)
        if (resolveValue(key) == target) sources.push_back(label);
    return sources;
}

std::vector<std::string> TaxonomyDraft::groupOnlySources(size_t group) const {
    std::vector<std::string> sources;
    if (!checkGroup(group)) return sources;
    const std::string name = draft_.actionTask()->groups[group].name;
    for (const auto& [key, original] : originalGroups_)
        if (resolveGroup(key) == name) sources.push_back(original);
    return sources;
}

std::vector<std::pair<std::string, std::string>> TaxonomyDraft::lostLabels() const {
    std::vector<std::pair<std::string, std::string>> lost;
    for (const LabelRewrite& r : labelRewrites())
        if (r.clears()) lost.emplace_back(r.task, r.value);
    return lost;
}

}  // namespace actionlens::annotation
