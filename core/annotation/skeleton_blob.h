#pragma once

// The packed joint format of the skeleton_frames table: per joint x, y, confidence as
// little-endian float32 and one visibility byte (13 bytes). One row per (video, subject,
// frame) instead of one per joint keeps a 10-million-joint project small and range reads fast.

#include "core/annotation/skeleton_frame.h"
#include "core/common/result.h"

#include <string>
#include <vector>

namespace actionlens::annotation {

inline constexpr size_t kPackedJointBytes = 13;

std::string packJoints(const std::vector<Joint>& joints);
// Fails on a blob whose size is not a whole number of joints (a damaged row).
Result<std::vector<Joint>> unpackJoints(const std::string& blob);

}  // namespace actionlens::annotation
