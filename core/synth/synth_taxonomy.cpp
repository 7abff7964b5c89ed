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
    for (const std::string& value : values) task.values.push_back(annotation::TaskValue{value, "", "", "", ""});
    return task;
}

}  // namespace

Result<annotation::Taxonomy> synthTaxonomy() {
    auto penn = annotation::builtinTaxonomy("penn_action");
    if (!penn.ok()) return penn.takeError();
    annotation::Taxonomy taxonomy = std::move(penn).value();
    taxonomy.name = "ActionLens synthetic (Penn Action motion)";
    // A mirrored left-hander is a right-hander; build and clothing have no side.
    annotation::TaskDefinition handedness =
        subjectTask("handedness", {handednessName(Handedness::Right), handednessName(Handedness::Left)});
    handedness.values[0].mirror = handednessName(Handedness::Left);
    handedness.values[1].mirror = handednessName(Handedness::Right);
    taxonomy.tasks.push_back(handedness);
    taxonomy.tasks.push_back(
        subjectTask("build", {buildName(Build::Slim), buildName(Build::Medium), buildName(Build::Broad)}));
    taxonomy.tasks.back().sideFree = true;
    int count = 0;
    const NamedColour* colours = shirtColours(&count);
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i) names.push_back(colours[i].name);
    taxonomy.tasks.push_back(subjectTask("clothing", names));
    taxonomy.tasks.back().sideFree = true;
    if (Status valid = annotation::validateTaxonomy(taxonomy); !valid.ok()) return valid.takeError();
    return taxonomy;
}

}  // namespace actionlens::synth
