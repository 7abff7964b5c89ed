#pragma once

// Taxonomy: what a project's annotators can say. Exactly one action task, whose classes each
// belong to a class group (action -> group is the hierarchy the multi-task model learns), plus
// any number of attribute tasks whose allowed values apply per subject or per segment.

#include "core/common/result.h"

#include <string>
#include <vector>

namespace actionlens::annotation {

enum class TaskKind { Action, Attribute };
// Per segment: may change between segments of one person (viewpoint). Per subject: fixed for
// a person across the project (handedness).
enum class TaskScope { Segment, Subject };

struct ClassGroup {
    std::string name;
    std::string colour;  // "#rrggbb" or empty
    // Whether a segment may carry this group without an action (group_only_label.h): for
    // footage where the group is clear but the exact action is not.
    bool allowsGroupOnly = false;

    bool operator==(const ClassGroup& o) const {
        return name == o.name && colour == o.colour && allowsGroupOnly == o.allowsGroupOnly;
    }
};

// A class of the action task or an allowed value of an attribute task.
struct TaskValue {
    std::string name;
    std::string group;   // action classes only: the name of a ClassGroup of the same task
    std::string colour;  // "#rrggbb" or empty
    std::string hotkey;  // one key the annotator presses, or empty
    // What this value becomes when the clip is mirrored left to right ("left" <-> "right",
    // "wave left hand" <-> "wave right hand"): another value of the task; empty: itself.
    std::string mirror;

    bool operator==(const TaskValue& o) const {
        return name == o.name && group == o.group && colour == o.colour && hotkey == o.hotkey && mirror == o.mirror;
    }
};

struct TaskDefinition {
    std::string name;
    TaskKind kind = TaskKind::Attribute;
    TaskScope scope = TaskScope::Segment;  // always Segment for the action task
    std::vector<ClassGroup> groups;        // action task only
    std::vector<TaskValue> values;
    // Mirroring a clip changes none of the task's values (action "squat"). A task with mirror
    // pairs (values' `mirror`) is declared too; one with neither is undeclared: whether its
    // labels have a side is unknown, so training must not mirror its clips silently.
    bool sideFree = false;

    const TaskValue* findValue(const std::string& valueName) const;
    // Whether mirroring is declared for this task: side-free, or mirror pairs given.
    bool mirrorDeclared() const;
    // The value `valueName` becomes when mirrored (itself without a pair).
    const std::string& mirrorOf(const std::string& valueName) const;
    bool operator==(const TaskDefinition& o) const {
        return name == o.name && kind == o.kind && scope == o.scope && groups == o.groups &&
               values == o.values && sideFree == o.sideFree;
    }
};

struct Taxonomy {
    std::string name;
    std::vector<TaskDefinition> tasks;

    const TaskDefinition* findTask(const std::string& taskName) const;
    const TaskDefinition* actionTask() const;
    bool operator==(const Taxonomy& o) const { return name == o.name && tasks == o.tasks; }
};

const char* taskKindName(TaskKind kind);
const char* taskScopeName(TaskScope scope);
bool parseTaskKind(const std::string& name, TaskKind* kind);
bool parseTaskScope(const std::string& name, TaskScope* scope);
// "#rrggbb" (hex digits, either case).
bool isTaxonomyColour(const std::string& colour);

// Checks the rules above and that names and hotkeys are unique, that a value's mirror is
// another value of its task whose mirror is it (pairs are symmetric), and that a side-free task
// has no pairs; task names starting with '@'
// are reserved (group_only_label.h). The message names the field
// in the JSON layout ("tasks[1].values[2].hotkey: 'f' is also the hotkey of tasks[0]...").
Status validateTaxonomy(const Taxonomy& taxonomy);

// Checks that `label` (task -> value) is allowed for something of `scope`; the message names
// the task and value, for the store's refusals.
Status checkLabel(const Taxonomy& taxonomy, TaskScope scope, const std::string& task,
                  const std::string& value);

}  // namespace actionlens::annotation
