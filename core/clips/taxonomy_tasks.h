#pragma once

// How a project's taxonomy and skeleton layout become the model's tasks and joint graph.

#include "core/annotation/skeleton_layout.h"
#include "core/annotation/taxonomy.h"
#include "core/model/model_config.h"
#include "core/model/task_hierarchy.h"
#include "core/train/labelled_dataset.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace actionlens::clips {

// Where a task's label comes from.
enum class LabelSource {
    Action,          // the segment's action label
    ActionGroup,     // the group of the segment's action (from the taxonomy)
    SegmentAttribute,
    SubjectAttribute,
};

struct TaskSource {
    std::string taxonomyTask;  // the taxonomy task it reads (the action task for ActionGroup)
    LabelSource source = LabelSource::Action;
};

struct TaxonomyTasks {
    std::vector<train::DatasetTask> tasks;  // action, group, then attributes in taxonomy order
    std::vector<TaskSource> sources;        // one per task
    std::optional<model::TaskHierarchy> hierarchy;
};

// The group task is called "group" unless the taxonomy already has a task of that name
// ("action_group" then). Tasks with fewer than two classes (nothing to tell apart) are left out;
// the group task is left out when the action task has fewer than two groups. Fails when the
// taxonomy has no action task.
Result<TaxonomyTasks> taxonomyTasks(const annotation::Taxonomy& taxonomy);

// The model's joint graph: joints and edges as in the layout; the centre joint is the one with
// the smallest largest hop distance to the others (ties: smallest sum, then lowest index), the
// natural anchor of ST-GCN's centripetal / centrifugal partitions whatever the format.
model::SkeletonLayout modelLayoutOf(const annotation::SkeletonLayout& layout);

}  // namespace actionlens::clips
