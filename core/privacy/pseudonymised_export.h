#pragma once

// exportPseudonymised: any format of the registry, written from a pseudonymised copy of the
// project (pseudonymised_copy.h) made in a temporary folder and removed afterwards, so every
// exporter, present and future, gets the same treatment without knowing about it.

#include "core/common/result.h"
#include "core/formats/format_registry.h"
#include "core/privacy/pseudonymised_copy.h"

#include <string>

namespace actionlens::privacy {

Status exportPseudonymised(const std::string& format, annotation::ProjectStore& store, const std::string& output,
                           const formats::ExportOptions& options, const PseudonymOptions& pseudonyms = {});

}  // namespace actionlens::privacy
