#pragma once

// Label checks the inspector highlights: a per-segment task without a value (every task of the
// taxonomy is required), or a value the taxonomy does not know (left by an older taxonomy or an
// import); the same for a subject's per-subject tasks. A group-only label (group_only_label.h)
// stands in for the action where the taxonomy allows it for that group.

#include "core/annotation/segment.h"
#include "core/annotation/subject.h"
#include "core/annotation/taxonomy.h"

#include <QString>

#include <string>
#include <vector>

namespace actionlens::ui {

struct LabelIssue {
    std::string task;
    QString message;
};

std::vector<LabelIssue> segmentLabelIssues(const annotation::Taxonomy& taxonomy, const annotation::Segment& segment);
std::vector<LabelIssue> subjectLabelIssues(const annotation::Taxonomy& taxonomy, const annotation::Subject& subject);

}  // namespace actionlens::ui
