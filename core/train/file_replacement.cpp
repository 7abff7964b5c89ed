#include "core/train/file_replacement.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <filesystem>
#include <fstream>
#include <random>

namespace actionlens::train {

namespace {

// "<name>.tmp-<pid>-<random>": the writer's process id first, so that a later write can tell
// the temporaries of killed writers from those of running ones.
const char* const kTemporaryInfix = ".tmp-";

// Removes the temporaries beside `path` whose writer is no longer running (a process killed
// while it wrote: SIGKILL, power loss). Another process's write in progress is left alone.
void removeAbandonedTemporaries(const std::string& path) {
    const std::filesystem::path target(path);
    const std::string prefix = target.filename().string() + kTemporaryInfix;
    std::error_code error;
    std::filesystem::directory_iterator entries(target.has_parent_path() ? target.parent_path() : ".", error);
    if (error) return;
    for (const auto& entry : entries) {
        const std::string name = entry.path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        char* end = nullptr;
        const long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
        if (pid <= 0 || !end || *end != '-') continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) removeQuietly(entry.path().string());
    }
}

}  // namespace

std::string temporaryPathBeside(const std::string& path) {
    std::random_device random;
    return path + kTemporaryInfix + std::to_string(::getpid()) + "-" + std::to_string(random());
}

void removeQuietly(const std::string& path) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}

Status moveIntoPlace(const std::string& temporary, const std::string& path, const std::string& what) {
    const int fd = ::open(temporary.c_str(), O_RDONLY);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    std::error_code error;
    if (synced) std::filesystem::rename(temporary, path, error);
    if (!synced || error) {
        removeQuietly(temporary);
        return makeError(what + ": " + (synced ? error.message() : "flushing to disk failed"));
    }
    removeAbandonedTemporaries(path);
    return Status::success();
}

Status writeTextFileAtomically(const std::string& path, const std::string& text) {
    const std::string temporary = temporaryPathBeside(path);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return makeError("cannot write '" + path + "': cannot create a file in its folder");
        out << text;
        out.flush();
        if (!out) {
            removeQuietly(temporary);
            return makeError("cannot write '" + path + "': writing failed (disk full?)");
        }
    }
    return moveIntoPlace(temporary, path, "cannot write '" + path + "'");
}

}  // namespace actionlens::train
