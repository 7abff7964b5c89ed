#include "core/train/file_replacement.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace actionlens::train {

std::string temporaryPathBeside(const std::string& path) {
    std::random_device random;
    return path + ".tmp-" + std::to_string(random()) + std::to_string(::getpid());
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
