#pragma once

// Consent: whether a subject agreed to be in the dataset, and what follows for exports and
// training. Nothing is assumed: a subject without a recorded answer is "unknown". Once any
// subject's consent has been recorded, exports and training leave out everyone who has not
// given it (the Automatic limit); a user may ask for consenting subjects only, or for everyone,
// explicitly.

#include <string>
#include <vector>

namespace actionlens::annotation {

struct Subject;

enum class ConsentStatus { Unknown, Given, Refused, Withdrawn };

const char* consentStatusName(ConsentStatus status);  // as stored: "unknown", "given", ...
bool parseConsentStatus(const std::string& name, ConsentStatus* status);

enum class ConsentLimit { Automatic, ConsentingOnly, Everyone };

const char* consentLimitName(ConsentLimit limit);  // "auto", "consenting", "everyone"
bool parseConsentLimit(const std::string& name, ConsentLimit* limit);

// Whether any subject's consent has been recorded (given, refused or withdrawn).
bool consentRecorded(const std::vector<Subject>& subjects);
// Whether `limit` leaves out the subjects without consent in a project with these subjects.
bool limitsToConsenting(ConsentLimit limit, const std::vector<Subject>& subjects);
// Whether the subject may be exported or trained on under a limit that applies.
bool consents(const Subject& subject);

}  // namespace actionlens::annotation
