#pragma once

// ProjectSnapshot: the whole content of a project at one moment, in a file of its own. It is
// what makes a change too large for a row-by-row inverse (an import of thousands of videos and
// millions of skeleton frames) undoable: the undo stack is linear, so when such a change is
// undone every later edit has been undone already and the project is exactly as it was right
// after the change; putting back the snapshot taken before it is then exact, and the snapshot
// taken after it is redo.
//
// take() writes the copy with SQLite's VACUUM INTO (a consistent, compacted copy of every
// table, read in one read transaction). restoreInto() ATTACHes the file, checks that it is a
// sound copy of this project's schema, and replaces every table's rows with the snapshot's in
// ONE transaction, so a process killed meanwhile leaves either the old or the new state. The
// store's caches (taxonomy, skeleton layouts) are read again afterwards; callers reload theirs.
//
// A snapshot does not own its file: whoever asked for it chooses where it lives (a temporary
// folder) and removes it.

#include "core/common/result.h"

#include <cstdint>
#include <string>

namespace actionlens::annotation {

class ProjectStore;

class ProjectSnapshot {
public:
    // Writes the copy to `file`, which must not exist. Refused inside a transaction (SQLite
    // cannot copy a state that is not committed). A failed copy leaves no file behind.
    static Result<ProjectSnapshot> take(ProjectStore& store, const std::string& file);

    // A copy taken earlier (by this process or another), found in `file`; restoreInto() checks
    // that it is one.
    static ProjectSnapshot inFile(const std::string& file);

    // Makes the project's rows exactly the snapshot's. Refused, changing nothing, inside a
    // transaction, or if the file is missing, damaged, not an ActionLens project or of another
    // schema than the project's.
    Status restoreInto(ProjectStore& store) const;

    const std::string& file() const { return file_; }
    std::int64_t sizeBytes() const { return sizeBytes_; }

private:
    ProjectSnapshot(std::string file, std::int64_t sizeBytes) : file_(std::move(file)), sizeBytes_(sizeBytes) {}

    std::string file_;
    std::int64_t sizeBytes_ = 0;
};

}  // namespace actionlens::annotation
