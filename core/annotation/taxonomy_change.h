#pragma once

// TaxonomyChange: a new taxonomy together with what happens to the labels already given, as
// the store applies it in one transaction (ProjectStore::changeTaxonomy). Labels name their
// task and value, so renaming a class means rewriting the labels that use it; deleting one
// means relabelling or clearing them. The store records the exact rows it took away and put in,
// so undo and redo restore the file exactly rather than recomputing a mapping.

#include "core/annotation/taxonomy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::annotation {

// Existing labels (task, value) become (toTask, toValue); an empty toTask clears them. Applies
// to segment labels (group-only ones under kGroupOnlyLabelKey too) and subject attributes.
struct LabelRewrite {
    std::string task;
    std::string value;
    std::string toTask;
    std::string toValue;

    bool clears() const { return toTask.empty(); }
    bool operator==(const LabelRewrite& o) const {
        return task == o.task && value == o.value && toTask == o.toTask && toValue == o.toValue;
    }
};

enum class LabelOwner { Segment, Subject };

// One stored label: a row of segment_labels or subject_attributes.
struct LabelRow {
    LabelOwner owner = LabelOwner::Segment;
    std::int64_t ownerId = 0;
    std::string task;
    std::string value;

    bool operator==(const LabelRow& o) const {
        return owner == o.owner && ownerId == o.ownerId && task == o.task && value == o.value;
    }
};

// How many segments (or subjects) carry a label.
struct LabelUsage {
    LabelOwner owner = LabelOwner::Segment;
    std::string task;
    std::string value;
    std::int64_t count = 0;
};

// What ProjectStore::changeTaxonomy did. Segments' modified times are left alone: renaming a
// class does not change what an annotator said about the segment.
struct AppliedTaxonomyChange {
    Taxonomy before;
    Taxonomy after;
    std::vector<LabelRow> removedRows;  // as they were
    std::vector<LabelRow> addedRows;    // as written
};

}  // namespace actionlens::annotation
