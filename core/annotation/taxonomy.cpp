#include "core/annotation/taxonomy.h"

#include <cctype>
#include <map>
#include <set>

namespace actionlens::annotation {

const TaskValue* TaskDefinition::findValue(const std::string& valueName) const {
    for (const TaskValue& v : values)
        if (v.name == valueName) return &v;
    return nullptr;
}

const TaskDefinition* Taxonomy::findTask(const std::string& taskName) const {
    for (const TaskDefinition& t : tasks)
        if (t.name == taskName) return &t;
    return nullptr;
}

const TaskDefinition* Taxonomy::actionTask() const {
    for (const TaskDefinition& t : tasks)
        if (t.kind == TaskKind::Action) return &t;
    return nullptr;
}

const char* taskKindName(TaskKind kind) { return kind == TaskKind::Action ? "action" : "attribute"; }
const char* taskScopeName(TaskScope scope) { return scope == TaskScope::Subject ? "subject" : "segment"; }

bool parseTaskKind(const std::string& name, TaskKind* kind) {
    if (name == "action") *kind = TaskKind::Action;
    else if (name == "attribute") *kind = TaskKind::Attribute;
    else return false;
    return true;
}

bool parseTaskScope(const std::string& name, TaskScope* scope) {
    if (name == "segment") *scope = TaskScope::Segment;
    else if (name == "subject") *scope = TaskScope::Subject;
    else return false;
    return true;
}

bool isTaxonomyColour(const std::string& c) {
    if (c.size() != 7 || c[0] != '#') return false;
    for (size_t i = 1; i < c.size(); ++i)
        if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return false;
    return true;
}

namespace {

std::string at(const std::string& list, size_t index) { return list + "[" + std::to_string(index) + "]"; }

}  // namespace

bool TaskDefinition::mirrorDeclared() const {
    if (sideFree) return true;
    for (const TaskValue& v : values)
        if (!v.mirror.empty()) return true;
    return false;
}

const std::string& TaskDefinition::mirrorOf(const std::string& valueName) const {
    const TaskValue* value = findValue(valueName);
    return value && !value->mirror.empty() ? value->mirror : valueName;
}

Status validateTaxonomy(const Taxonomy& taxonomy) {
    if (taxonomy.tasks.empty()) return makeError("tasks: a taxonomy needs at least the action task");
    std::set<std::string> taskNames;
    std::map<std::string, std::string> hotkeyOwners;  // hotkey -> field that uses it
    int actionTasks = 0;
    for (size_t t = 0; t < taxonomy.tasks.size(); ++t) {
        const TaskDefinition& task = taxonomy.tasks[t];
        const std::string field = at("tasks", t);
        if (task.name.empty()) return makeError(field + ".name: must not be empty");
        if (task.name[0] == '@') return makeError(field + ".name: '" + task.name + "': names starting with '@' are reserved");
        if (!taskNames.insert(task.name).second)
            return makeError(field + ".name: '" + task.name + "' names two tasks");
        const bool action = task.kind == TaskKind::Action;
        const std::string list = field + (action ? ".classes" : ".values");
        if (action) {
            ++actionTasks;
            if (actionTasks > 1) return makeError(field + ".kind: only one task can be the action task");
            if (task.scope != TaskScope::Segment)
                return makeError(field + ".scope: the action task is always labelled per segment");
            if (task.groups.empty()) return makeError(field + ".groups: the action task needs at least one class group");
        } else if (!task.groups.empty()) {
            return makeError(field + ".groups: only the action task has class groups");
        }
        std::set<std::string> groupNames;
        for (size_t g = 0; g < task.groups.size(); ++g) {
            const ClassGroup& group = task.groups[g];
            const std::string gf = at(field + ".groups", g);
            if (group.name.empty()) return makeError(gf + ".name: must not be empty");
            if (!groupNames.insert(group.name).second)
                return makeError(gf + ".name: '" + group.name + "' names two groups");
            if (!group.colour.empty() && !isTaxonomyColour(group.colour))
                return makeError(gf + ".colour: '" + group.colour + "' is not a colour like #1f77b4");
        }
        if (task.values.empty()) return makeError(list + ": must list at least one " + (action ? "class" : "value"));
        std::set<std::string> valueNames;
        for (size_t v = 0; v < task.values.size(); ++v) {
            const TaskValue& value = task.values[v];
            const std::string vf = at(list, v);
            if (value.name.empty()) return makeError(vf + ".name: must not be empty");
            if (!valueNames.insert(value.name).second)
                return makeError(vf + ".name: '" + value.name + "' is listed twice");
            if (action && !groupNames.count(value.group))
                return makeError(vf + ".group: '" + value.group + "' is not one of the task's groups");
            if (!action && !value.group.empty())
                return makeError(vf + ".group: only classes of the action task belong to groups");
            if (!value.colour.empty() && !isTaxonomyColour(value.colour))
                return makeError(vf + ".colour: '" + value.colour + "' is not a colour like #1f77b4");
            if (!value.hotkey.empty()) {
                // One keypress must mean one thing, whichever task has the focus.
                auto [it, fresh] = hotkeyOwners.emplace(value.hotkey, vf);
                if (!fresh)
                    return makeError(vf + ".hotkey: '" + value.hotkey + "' is also the hotkey of " + it->second);
            }
        }
        // Mirror pairs: each names another value of the task, which names it back.
        for (size_t v = 0; v < task.values.size(); ++v) {
            const TaskValue& value = task.values[v];
            if (value.mirror.empty()) continue;
            const std::string mf = at(list, v) + ".mirror";
            if (task.sideFree) return makeError(mf + ": the task is side-free, so no value has a mirror image of its own");
            if (value.mirror == value.name) return makeError(mf + ": a value without a pair is its own mirror image; leave it out");
            const TaskValue* other = task.findValue(value.mirror);
            if (!other) return makeError(mf + ": '" + value.mirror + "' is not a value of task '" + task.name + "'");
            if (other->mirror != value.name)
                return makeError(mf + ": '" + value.mirror + "' must name '" + value.name + "' as its mirror in turn");
        }
    }
    if (actionTasks == 0) return makeError("tasks: no task has kind \"action\"; exactly one must");
    return Status::success();
}

Status checkLabel(const Taxonomy& taxonomy, TaskScope scope, const std::string& task,
                  const std::string& value) {
    const TaskDefinition* definition = taxonomy.findTask(task);
    if (!definition) return makeError("the taxonomy has no task '" + task + "'");
    if (definition->scope != scope)
        return makeError(std::string("task '") + task + "' is labelled per " + taskScopeName(definition->scope) +
                         ", not per " + taskScopeName(scope));
    if (!definition->findValue(value))
        return makeError("'" + value + "' is not a value of task '" + task + "'");
    return Status::success();
}

}  // namespace actionlens::annotation
