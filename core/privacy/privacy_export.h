#pragma once

// exportWithPrivacy: any format of the registry, pseudonymised and/or limited to consenting
// subjects: written from such a copy of the project (pseudonymised_copy.h) made in a temporary
// folder and removed afterwards, so every exporter, present and future, gets the same treatment
// without knowing about it. With nothing to hide it is the plain export.

#include "core/common/result.h"
#include "core/formats/format_registry.h"
#include "core/privacy/pseudonymised_copy.h"

#include <string>

namespace actionlens::privacy {

Status exportWithPrivacy(const std::string& format, annotation::ProjectStore& store, const std::string& output,
                         const formats::ExportOptions& options, const PrivacyOptions& privacy = {});

}  // namespace actionlens::privacy
