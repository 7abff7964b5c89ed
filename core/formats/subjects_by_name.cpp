#include "core/formats/subjects_by_name.h"

#include "core/annotation/project_store.h"

namespace actionlens::formats {

Result<std::int64_t> SubjectsByName::idOf(const std::string& name) {
    if (!loaded_) {
        auto subjects = store_.subjects();
        if (!subjects) return subjects.takeError();
        for (const annotation::Subject& s : subjects.value()) ids_.emplace(s.name, s.id);  // keeps the first of a name
        loaded_ = true;
    }
    if (auto it = ids_.find(name); it != ids_.end()) return it->second;
    auto id = store_.insertSubject(annotation::Subject{0, name, {}});
    if (!id) return id.takeError();
    ids_.emplace(name, id.value());
    return id.value();
}

}  // namespace actionlens::formats
