#pragma once

// Subject: one person of a project, with the values of the taxonomy's per-subject attribute
// tasks (handedness, age group, ...) and whether they consented to be in the dataset.

#include "core/annotation/consent.h"

#include <cstdint>
#include <map>
#include <string>

namespace actionlens::annotation {

struct Subject {
    std::int64_t id = 0;  // 0: not stored yet
    std::string name;
    std::map<std::string, std::string> attributes;  // task name -> value name
    ConsentStatus consent = ConsentStatus::Unknown;
    std::string consentNote;  // free text: how and by whom it was recorded
    std::string consentDate;  // when it was given, refused or withdrawn: YYYY-MM-DD, or empty

    bool operator==(const Subject& o) const {
        return id == o.id && name == o.name && attributes == o.attributes && consent == o.consent &&
               consentNote == o.consentNote && consentDate == o.consentDate;
    }
};

}  // namespace actionlens::annotation
