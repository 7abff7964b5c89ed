#include "core/annotation/consent.h"

#include "core/annotation/subject.h"

#include <algorithm>

namespace actionlens::annotation {

const char* consentStatusName(ConsentStatus status) {
    switch (status) {
    case ConsentStatus::Given: return "given";
    case ConsentStatus::Refused: return "refused";
    case ConsentStatus::Withdrawn: return "withdrawn";
    case ConsentStatus::Unknown: break;
    }
    return "unknown";
}

bool parseConsentStatus(const std::string& name, ConsentStatus* status) {
    for (ConsentStatus s : {ConsentStatus::Unknown, ConsentStatus::Given, ConsentStatus::Refused, ConsentStatus::Withdrawn})
        if (name == consentStatusName(s)) {
            *status = s;
            return true;
        }
    return false;
}

const char* consentLimitName(ConsentLimit limit) {
    switch (limit) {
    case ConsentLimit::ConsentingOnly: return "consenting";
    case ConsentLimit::Everyone: return "everyone";
    case ConsentLimit::Automatic: break;
    }
    return "auto";
}

bool parseConsentLimit(const std::string& name, ConsentLimit* limit) {
    for (ConsentLimit l : {ConsentLimit::Automatic, ConsentLimit::ConsentingOnly, ConsentLimit::Everyone})
        if (name == consentLimitName(l)) {
            *limit = l;
            return true;
        }
    return false;
}

bool consentRecorded(const std::vector<Subject>& subjects) {
    return std::any_of(subjects.begin(), subjects.end(), [](const Subject& s) { return s.consent != ConsentStatus::Unknown; });
}

bool limitsToConsenting(ConsentLimit limit, const std::vector<Subject>& subjects) {
    if (limit == ConsentLimit::Automatic) return consentRecorded(subjects);
    return limit == ConsentLimit::ConsentingOnly;
}

bool consents(const Subject& subject) { return subject.consent == ConsentStatus::Given; }

}  // namespace actionlens::annotation
