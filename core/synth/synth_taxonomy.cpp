#include "core/synth/synth_taxonomy.h"

#include "core/annotation/taxonomy_json.h"
#include "core/synth/mannequin.h"

namespace actionlens::synth {

namespace {

annotation::TaskDefinition subjectTask(const std::string& name, const std::vector<std::string>& values) {
    annotation::TaskDefinition task;
    task.name = name;
    task.kind = annotation::TaskKind::Attribute;
    task.scope = annotation::TaskScope::Subject;
    for (const std::string& value : values) task.values.push_back(annotation::TaskValue{value, "", "", ""});
    return task;
}

}  // namespace

Result<annotation::Taxonomy> synthTaxonomy() {
    auto penn = annotation::builtinTaxonomy("penn_action");
    if (!penn.ok()) return penn.takeError();
    annotation::Taxonomy taxonomy = std::move(penn).value();
    taxonomy.name = "ActionLens synthetic (Penn Action motion)";
    taxonomy.tasks.push_back(subjectTask("handedness", {handednessName(Handedness::Right), handednessName(Handedness::Left)}));
    taxonomy.tasks.push_back(
        subjectTask("build", {buildName(Build::Slim), buildName(Build::Medium), buildName(Build::Broad)}));
    int count = 0;
    const NamedColour* colours = shirtColours(&count);
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) names.push_back(colours[i].name);
    taxonomy.tasks.push_back(subjectTask("clothing", names));
    if (Status valid = annotation::validateTaxonomy(taxonomy); !valid.ok()) return valid.takeError();
    return taxonomy;
}

}  // namespace actionlens::synth
