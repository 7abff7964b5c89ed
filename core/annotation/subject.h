#pragma once

// Subject: one person of a project, with the values of the taxonomy's per-subject attribute
// tasks (handedness, age group, ...).

#include <cstdint>
#include <map>
#include <string>

namespace actionlens::annotation {

struct Subject {
    std::int64_t id = 0;  // 0: not stored yet
    std::string name;
    std::map<std::string, std::string> attributes;  // task name -> value name

    bool operator==(const Subject& o) const {
        return id == o.id && name == o.name && attributes == o.attributes;
    }
};

}  // namespace actionlens::annotation
