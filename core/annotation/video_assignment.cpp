#include "core/annotation/video_assignment.h"

#include "core/annotation/project_store.h"

#include <algorithm>

namespace actionlens::annotation {

Result<std::vector<AssignmentChange>> planAssignment(ProjectStore& store, const std::vector<std::int64_t>& videoIds,
                                                     const std::string& annotator, bool remove) {
    if (annotator.empty()) return makeError("an annotator needs a name");
    std::vector<AssignmentChange> changes;
    std::vector<std::int64_t> seen;
    for (std::int64_t id : videoIds) {
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
        seen.push_back(id);
        auto video = store.video(id);
        if (!video) return video.takeError();
        AssignmentChange change{id, video->annotators, video->annotators};
        auto at = std::find(change.after.begin(), change.after.end(), annotator);
        if (remove == (at == change.after.end())) continue;  // nothing to do
        if (remove)
            change.after.erase(at);
        else
            change.after.insert(std::upper_bound(change.after.begin(), change.after.end(), annotator), annotator);
        changes.push_back(std::move(change));
    }
    return changes;
}

Status applyAssignment(ProjectStore& store, const std::vector<AssignmentChange>& changes, bool undo) {
    return store.transaction([&]() -> Status {
        for (const AssignmentChange& change : changes)
            if (auto set = store.setVideoAnnotators(change.videoId, undo ? change.before : change.after); !set) return set.takeError();
        return Status::success();
    });
}

}  // namespace actionlens::annotation
