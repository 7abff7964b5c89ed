#include "core/formats/action_word.h"

namespace actionlens::formats {

using namespace annotation;

std::string actionWordOf(const Taxonomy& taxonomy, const LabelMap& labels) {
    if (const TaskDefinition* action = taxonomy.actionTask())
        if (auto it = labels.find(action->name); it != labels.end() && !it->second.empty()) return it->second;
    if (auto it = labels.find(kGroupOnlyLabelKey); it != labels.end()) return it->second;
    return {};
}

bool isActionWord(const Taxonomy& taxonomy, const std::string& word) {
    const TaskDefinition* action = taxonomy.actionTask();
    return action && (action->findValue(word) || checkGroupOnlyLabel(taxonomy, word).ok());
}

Result<std::pair<std::string, std::string>> labelOfActionWord(const Taxonomy& taxonomy, const std::string& word) {
    const TaskDefinition* action = taxonomy.actionTask();
    if (!action) return makeError("the project's taxonomy has no action task");
    if (action->findValue(word)) return std::pair<std::string, std::string>(action->name, word);
    if (checkGroupOnlyLabel(taxonomy, word)) return std::pair<std::string, std::string>(kGroupOnlyLabelKey, word);
    return makeError("'" + word + "' is not a class of task '" + action->name + "'");
}

}  // namespace actionlens::formats
