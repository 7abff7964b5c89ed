#pragma once

// Writing one video's segments as an ELAN document, EAF 3.0 with its elements in the schema's
// order, so that ELAN opens it: HEADER (MEDIA_DESCRIPTOR, PROPERTY lastUsedAnnotationId),
// TIME_ORDER, the tiers, LINGUISTIC_TYPEs, LANGUAGE "und", ELAN's four CONSTRAINTs and a
// CONTROLLED_VOCABULARY per per-segment task. Which segments go on which tier is the ELAN format's
// choice (elan_eaf.h); this file only writes them.

#include "core/annotation/segment.h"
#include "core/annotation/taxonomy.h"
#include "core/annotation/video.h"
#include "core/common/result.h"

#include <string>
#include <vector>

namespace actionlens::formats {

// One time-aligned tier of type "action"; its segments' other per-segment labels go on the
// reference tiers below it (eafReferenceTierIds).
struct EafTierPlan {
    std::string id;
    std::string participant;
    std::string annotator;
    std::vector<const annotation::Segment*> segments;  // by first frame, none overlapping
};

// The ids of the reference tiers written below tier `tierId`: "<tierId>/<task>" for each
// per-segment task besides the action, in the taxonomy's order.
std::vector<std::string> eafReferenceTierIds(const annotation::Taxonomy& taxonomy, const std::string& tierId);

// Writes `tiers` of `video` to `path`. Fails when there are segments and the video has no frame
// rate, or the file cannot be written.
Status writeEafDocument(const annotation::Taxonomy& taxonomy, const annotation::Video& video,
                        const std::vector<EafTierPlan>& tiers, const std::string& path);

}  // namespace actionlens::formats
