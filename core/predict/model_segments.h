#pragma once

// Storing a model's predictions: a new run of a model over a video replaces that model's
// earlier segments of the video (people's segments and other models' stay), in one transaction,
// so the project never holds both or neither.

#include "core/annotation/project_store.h"
#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::predict {

// Removes `annotator`'s segments of `videoId` and inserts `segments`; on failure nothing changes.
Status replaceModelSegments(annotation::ProjectStore& store, std::int64_t videoId, const std::string& annotator,
                            const std::vector<annotation::Segment>& segments);

}  // namespace actionlens::predict
