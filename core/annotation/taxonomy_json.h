#pragma once

// Taxonomy files: the JSON form of a Taxonomy, which users edit by hand and share between
// projects. Errors name the field ("tasks[2].values: expected an array of strings or objects");
// a file that is not JSON at all gives the line. "group_only" (default false) lets segments
// carry the group without an action.
//
// {"name": "...", "tasks": [
//    {"name": "action", "kind": "action",
//     "groups": [{"name": "gym exercise", "colour": "#2ca02c", "group_only": true}],
//     "classes": [{"name": "squat", "group": "gym exercise", "colour": "#..", "hotkey": "s"}]},
//    {"name": "viewpoint", "kind": "attribute", "scope": "segment",
//     "values": ["front", {"name": "back", "hotkey": "b"}]}]}

#include "core/annotation/taxonomy.h"
#include "core/common/result.h"

#include <string>
#include <vector>

namespace actionlens::annotation {

Result<Taxonomy> taxonomyFromJson(const std::string& jsonText);
std::string taxonomyToJson(const Taxonomy& taxonomy);

Result<Taxonomy> loadTaxonomyFile(const std::string& path);
Status saveTaxonomyFile(const Taxonomy& taxonomy, const std::string& path);

// The taxonomies compiled into the program ("penn_action", "generic"): the installed program
// never reads the source tree.
std::vector<std::string> builtinTaxonomyNames();
Result<Taxonomy> builtinTaxonomy(const std::string& name);

}  // namespace actionlens::annotation
