#pragma once

// A copy of a project for others: pseudonymised (subjects renumbered 1..n in the order of their
// pseudonyms and named by them, videos named by theirs with no file name, path or content hash
// left, annotators pseudonymised with a model's predictions still "model:...", free text - model
// runs, consent notes - left out unless asked for) and/or limited to the subjects who consented
// (annotation/consent.h); never with the pseudonym secret. Every exporter runs on such a copy for
// a pseudonymised or consent-limited export, and `anonymise` writes one beside the blurred videos.

#include "core/annotation/consent.h"
#include "core/annotation/project_redaction.h"
#include "core/common/result.h"

#include <string>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::privacy {

struct PrivacyOptions {
    bool pseudonymise = true;
    bool keepFreeText = false;  // model runs' names, configs and messages, consent notes
    annotation::ConsentLimit consent = annotation::ConsentLimit::Automatic;
};

// What the copy's rows become; to pseudonymise, `store` must be able to give its secret
// (projectPseudonymSecret).
Result<annotation::ProjectRedaction> privacyRedaction(annotation::ProjectStore& store, const PrivacyOptions& options);

// Copies `store` into `file` (which must not exist) and applies `redaction` to the copy. On
// failure no file is left.
Status writeRedactedCopy(annotation::ProjectStore& store, const std::string& file, const annotation::ProjectRedaction& redaction);

}  // namespace actionlens::privacy
