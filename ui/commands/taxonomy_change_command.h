#pragma once

// TaxonomyChangeCommand: the undoable command of the taxonomy editor. One command per Apply
// (or OK) of the dialog, however many edits it holds: the new taxonomy and the rewrites of the
// labels in use go to the store as one transaction (ProjectStore::changeTaxonomy), which
// records the exact rows it changed; undo and redo write those rows back, so they restore the
// store exactly. Applied before it enters the undo stack, so a refused change never shows as
// done.

#include "core/annotation/taxonomy_change.h"

#include "ui/commands/document_command.h"

#include <vector>

namespace actionlens::ui {

class TaxonomyChangeCommand : public DocumentCommand {
public:
    TaxonomyChangeCommand(ProjectDocument& document, annotation::Taxonomy after, std::vector<annotation::LabelRewrite> rewrites);


    // Changes the project (an empty message) or says why not; pushes the command when done.
    static QString run(ProjectDocument& document, const annotation::Taxonomy& after,
                       const std::vector<annotation::LabelRewrite>& rewrites);
    // "Rename class 'squat' to 'deep squat'", or a count when there are several changes.
    static QString describe(const annotation::Taxonomy& before, const annotation::Taxonomy& after,
                            const std::vector<annotation::LabelRewrite>& rewrites);

private:
    Status firstWrite() override;
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;

    annotation::Taxonomy after_;
    std::vector<annotation::LabelRewrite> rewrites_;
    annotation::AppliedTaxonomyChange applied_;
};

}  // namespace actionlens::ui
