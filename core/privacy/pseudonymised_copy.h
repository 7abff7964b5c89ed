#pragma once

// A pseudonymised copy of a project: subjects renumbered 1..n in the order of their pseudonyms
// and named by them, videos named by theirs with no file name, path or content hash left,
// annotators pseudonymised (a model's predictions stay "model:..."), the pseudonym secret and,
// unless asked for, free text (model runs) left out. Every exporter runs on such a copy for a
// pseudonymised export, and `anonymise` writes one beside the blurred videos.

#include "core/annotation/project_redaction.h"
#include "core/common/result.h"

#include <string>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::privacy {

struct PseudonymOptions {
    bool keepFreeText = false;  // model runs' names, configs and messages
};

// What the copy's rows become; `store` must be able to give its secret (projectPseudonymSecret).
Result<annotation::ProjectRedaction> pseudonymRedaction(annotation::ProjectStore& store, const PseudonymOptions& options);

// Copies `store` into `file` (which must not exist) and applies `redaction` to the copy. On
// failure no file is left.
Status writeRedactedCopy(annotation::ProjectStore& store, const std::string& file, const annotation::ProjectRedaction& redaction);

}  // namespace actionlens::privacy
