#pragma once

// Rows of the skeleton_layouts table (internal to core/annotation). Joint names, edges and
// pairs are stored as JSON text: a layout is always read whole and never searched by joint.

#include "core/annotation/skeleton_layout.h"
#include "core/common/result.h"

#include <QSqlDatabase>

#include <cstdint>
#include <vector>

namespace actionlens::annotation {

Result<std::int64_t> insertSkeletonLayoutRow(const QSqlDatabase& db, const SkeletonLayout& layout, bool builtin);
Result<std::vector<SkeletonLayout>> readSkeletonLayoutRows(const QSqlDatabase& db);

}  // namespace actionlens::annotation
