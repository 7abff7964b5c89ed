#pragma once

// Group-only labels: where the taxonomy allows it for a class group (ClassGroup::allowsGroupOnly),
// a segment may say only its group ("some gym exercise") when the exact action is unclear. The
// group is kept among the segment's labels under a reserved key that no task can be named
// (task names starting with '@' are refused), so files, exports and undo treat it like any
// other label. A segment has an action or a group-only label, never both: with an action the
// group is the action's.

#include "core/annotation/taxonomy.h"
#include "core/common/result.h"

#include <map>
#include <string>

namespace actionlens::annotation {

inline constexpr const char* kGroupOnlyLabelKey = "@group";

using LabelMap = std::map<std::string, std::string>;

// The class group the labels say: the action's group, else the group-only label's; "" if neither.
std::string labelledClassGroup(const Taxonomy& taxonomy, const LabelMap& labels);

// Whether `group` may be given without an action: a group of the action task that allows it.
Status checkGroupOnlyLabel(const Taxonomy& taxonomy, const std::string& group);

// Every label of a segment: each task's value (checkLabel) and a group-only label (above, and
// no action beside it). The message names the task and value.
Status checkSegmentLabels(const Taxonomy& taxonomy, const LabelMap& labels);

}  // namespace actionlens::annotation
