#pragma once

// Assigning videos to annotators (Video::annotators, schema 10): a video may be assigned to
// several annotators (double-coding for agreement). A change is planned from the store, then
// written in one transaction either way, so the GUI's undo command and the CLI share it.

#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::annotation {

class ProjectStore;

struct AssignmentChange {
    std::int64_t videoId = 0;
    std::vector<std::string> before;  // the video's annotators before and after, sorted
    std::vector<std::string> after;
};

// What assigning `annotator` to the videos (or, with `remove`, taking it off them) changes; videos
// it would not change are left out. Fails on an empty name or an unknown video, naming it.
Result<std::vector<AssignmentChange>> planAssignment(ProjectStore& store, const std::vector<std::int64_t>& videoIds,
                                                     const std::string& annotator, bool remove);

// Writes each change's `after` (or, undoing, its `before`) in one transaction.
Status applyAssignment(ProjectStore& store, const std::vector<AssignmentChange>& changes, bool undo = false);

}  // namespace actionlens::annotation
