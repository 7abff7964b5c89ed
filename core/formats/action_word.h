#pragma once

// The one word a format has for a segment's action (ELAN's action tier, ActivityNet's "label"):
// a class of the taxonomy's action task, or, where the taxonomy lets a class group stand alone
// (group_only_label.h), that group's name.

#include "core/annotation/group_only_label.h"
#include "core/common/result.h"

#include <string>
#include <utility>

namespace actionlens::formats {

// The word for `labels`: the action, else the group-only label, else "".
std::string actionWordOf(const annotation::Taxonomy& taxonomy, const annotation::LabelMap& labels);

// Whether `word` is an action class, or a group that may stand alone, of `taxonomy`.
bool isActionWord(const annotation::Taxonomy& taxonomy, const std::string& word);

// The label (task key, value) that `word` stands for; the message names the word when it is
// neither a class nor a group that may stand alone.
Result<std::pair<std::string, std::string>> labelOfActionWord(const annotation::Taxonomy& taxonomy, const std::string& word);

}  // namespace actionlens::formats
