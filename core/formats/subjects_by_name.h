#pragma once

// SubjectsByName: the project's subjects as annotation files name them, adding the ones a file
// names that the project lacks. Where several subjects share a name, the first (lowest id) is meant.

#include "core/common/result.h"

#include <cstdint>
#include <map>
#include <string>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::formats {

class SubjectsByName {
public:
    explicit SubjectsByName(annotation::ProjectStore& store) : store_(store) {}
    // The id of the subject named `name`, created (without attributes) if the project has none.
    Result<std::int64_t> idOf(const std::string& name);

private:
    annotation::ProjectStore& store_;
    bool loaded_ = false;
    std::map<std::string, std::int64_t> ids_;
};

}  // namespace actionlens::formats
