#pragma once

// Pseudonymiser: stable pseudonyms by a keyed hash (HMAC-SHA256) with a secret kept in the
// project. The same project always gives a subject the same pseudonym, so re-exports agree;
// another project (another secret) gives another one; and without the project's secret no one
// can check a guessed name against a pseudonym (a plain hash of a name could be looked up).

#include "core/annotation/project_secret.h"
#include "core/common/result.h"

#include <cstdint>
#include <string>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::privacy {

// The project_info key of the secret. Never copied into anything exported.
using annotation::kPseudonymSecretKey;

class Pseudonymiser {
public:
    explicit Pseudonymiser(std::string secret) : secret_(std::move(secret)) {}

    // "<kind>-<12 hex digits>", e.g. pseudonym("subject", "17") -> "subject-3f9a2c71d0e4".
    // `kind` is part of the keyed message too, so a subject and a video with the same id differ.
    std::string pseudonym(const std::string& kind, const std::string& original) const;
    std::string pseudonym(const std::string& kind, std::int64_t id) const { return pseudonym(kind, std::to_string(id)); }

private:
    std::string secret_;
};

// The project's secret, made (32 random bytes, hex) and stored on first use. A read-only store
// without one cannot make it: the message says how to get one.
Result<std::string> projectPseudonymSecret(annotation::ProjectStore& store);

}  // namespace actionlens::privacy
