#pragma once

// TaxonomyDraft: a taxonomy being edited (the taxonomy editor's model, free of widgets), which
// remembers where each task, class group and value came from. That is what carries existing
// labels over: a renamed class keeps its labels under the new name, a deleted one passes them
// to the class the user chose or clears them, and labelRewrites() turns the whole edit into
// the rewrites ProjectStore::changeTaxonomy applies. Every edit checks what it can at once
// (names, colours, hotkeys) and says what is wrong; the whole draft is checked by
// validateTaxonomy before it is applied.
//
// Items are addressed by their current position: tasks by index into taxonomy().tasks, groups
// by index into the action task's groups, values by (task, index into that task's values).

#include "core/annotation/taxonomy.h"
#include "core/annotation/taxonomy_change.h"
#include "core/common/result.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace actionlens::annotation {

class TaxonomyDraft {
public:
    explicit TaxonomyDraft(Taxonomy original);

    const Taxonomy& original() const { return original_; }
    const Taxonomy& taxonomy() const { return draft_; }
    // The draft differs from the original or moves labels.
    bool changed() const { return !(draft_ == original_) || !labelRewrites().empty(); }
    // Index of the action task, or -1.
    int actionTaskIndex() const;

    // Keys the program itself uses (e.g. "j" -> "Playback: Shuttle backward"): a hotkey on one
    // of them is refused.
    void setReservedKeys(std::map<std::string, std::string> keyToUse) { reservedKeys_ = std::move(keyToUse); }

    void setName(std::string name) { draft_.name = std::move(name); }

    // Tasks. The action task cannot be removed; removing an attribute task clears its labels.
    Result<size_t> addAttributeTask(const std::string& name, TaskScope scope);
    Status renameTask(size_t task, const std::string& name);
    Status setTaskScope(size_t task, TaskScope scope);
    Status removeTask(size_t task);

    // Class groups of the action task. A group is removed only when no class belongs to it;
    // its group-only labels go to `relabelTo` (a group that allows them) or are cleared.
    Result<size_t> addGroup(const std::string& name);
    Status renameGroup(size_t group, const std::string& name);
    Status setGroupColour(size_t group, const std::string& colour);
    // Disallowing clears the group's group-only labels when applied.
    Status setGroupOnlyAllowed(size_t group, bool allowed);
    Status removeGroup(size_t group, std::optional<size_t> relabelTo);

    // Values: the action task's classes (with a group) and attribute tasks' values.
    Result<size_t> addValue(size_t task, const std::string& name, const std::string& group = {});
    Status renameValue(size_t task, size_t value, const std::string& name);
    Status setValueColour(size_t task, size_t value, const std::string& colour);
    Status setValueGroup(size_t task, size_t value, const std::string& group);  // action classes
    // One key (a letter, digit or sign; upper case is stored lower case); "" removes it.
    // Refused when another value or the program uses the key.
    Status setHotkey(size_t task, size_t value, const std::string& key);
    // Mirroring (what a left-right mirrored clip makes of the task's labels, taxonomy.h): a
    // side-free task's values all stay; declaring it side-free removes its mirror pairs.
    Status setTaskSideFree(size_t task, bool sideFree);
    // `value` and the value named `image` become each other's mirror images ("left" <-> "right"),
    // leaving their earlier partners on their own; "" (or the value's own name) makes it its own
    // image. A pair declares the task's mirroring, so the task is no longer side-free.
    Status setValueMirror(size_t task, size_t value, const std::string& image);
    // Its labels go to value `relabelTo` of the same task, or are cleared (nullopt).
    Status removeValue(size_t task, size_t value, std::optional<size_t> relabelTo);

    // Import: the draft becomes `imported`. Tasks, groups and values are matched by name, so
    // their labels carry over; labels of anything `imported` lacks are cleared (lostLabels()).
    Status replaceWith(const Taxonomy& imported);

    // The rewrites that carry the labels of the original taxonomy into the draft.
    std::vector<LabelRewrite> labelRewrites() const;
    // Original labels (task, value) that now end up as the draft's (task, value): the value's
    // own and those of deleted values relabelled to it. For "N segments use it".
    std::vector<std::pair<std::string, std::string>> labelSources(size_t task, size_t value) const;
    // Original group-only labels that end up in this group.
    std::vector<std::string> groupOnlySources(size_t group) const;
    // Original labels (task, value) that the draft clears.
    std::vector<std::pair<std::string, std::string>> lostLabels() const;

private:
    using Key = int;
    struct Fate {
        std::optional<Key> relabelTo;  // none: cleared
    };

    Status checkTask(size_t task) const;
    Status checkValue(size_t task, size_t value) const;
    Status checkGroup(size_t group) const;
    Status checkNewTaskName(const std::string& name, std::optional<size_t> except) const;
    Status checkNewValueName(size_t task, const std::string& name, std::optional<size_t> except) const;
    Status checkNewGroupName(const std::string& name, std::optional<size_t> except) const;
    TaskDefinition* actionTask();
    // Where the labels of an original value end up: (task, value), or nullopt when cleared.
    std::optional<std::pair<std::string, std::string>> resolveValue(Key key) const;
    std::optional<std::string> resolveGroup(Key key) const;
    std::optional<std::pair<size_t, size_t>> findValueKey(Key key) const;
    std::optional<size_t> findGroupKey(Key key) const;

    Taxonomy original_;
    Taxonomy draft_;
    Key nextKey_ = 0;
    std::vector<std::vector<Key>> valueKeys_;  // parallel to draft_.tasks[t].values
    std::vector<Key> groupKeys_;               // parallel to the action task's groups
    std::map<Key, std::pair<std::string, std::string>> originalValues_;  // key -> (task, value)
    std::map<Key, std::string> originalGroups_;
    std::map<Key, Fate> removedValues_;
    std::map<Key, Fate> removedGroups_;
    std::map<std::string, std::string> reservedKeys_;
};

}  // namespace actionlens::annotation
