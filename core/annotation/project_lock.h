#pragma once

// ProjectLock: makes sure only one ActionLens process writes a project. A lock file next to the
// project ("x.alproj.lock") records the holder's pid; a lock left by a process that died
// (crash, power loss) is recognised as stale and taken over.

#include "core/common/result.h"

#include <memory>
#include <string>

class QLockFile;

namespace actionlens::annotation {

class ProjectLock {
public:
    // Fails with "'x.alproj' is open in another ActionLens process (pid N)".
    static Result<std::unique_ptr<ProjectLock>> acquire(const std::string& projectPath);
    ~ProjectLock();

    static std::string lockPathFor(const std::string& projectPath) { return projectPath + ".lock"; }

private:
    explicit ProjectLock(std::unique_ptr<QLockFile> file);
    std::unique_ptr<QLockFile> file_;
};

}  // namespace actionlens::annotation
