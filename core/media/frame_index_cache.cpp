#include "core/media/frame_index_cache.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <unistd.h>

namespace actionlens::media {

namespace fs = std::filesystem;

namespace {

// FNV-1a, 64 bit: a stable file name for a (path, size, mtime) key.
uint64_t fnv1a(const std::string& text) {
    uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

}  // namespace

FrameIndexCache::FrameIndexCache(std::string directory)
    : directory_(directory.empty() ? defaultDirectory() : std::move(directory)) {}

std::string FrameIndexCache::defaultDirectory() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    fs::path base;
    if (xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = fs::path(home) / ".cache";
    } else {
        base = fs::temp_directory_path();
    }
    return (base / "actionlens" / "frame-index").string();
}

std::string FrameIndexCache::entryPath(const std::string& videoPath) const {
    std::error_code ec;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(videoPath, ec), ec);
    const auto size = fs::file_size(absolute, ec);
    if (ec) return {};
    const auto mtime = fs::last_write_time(absolute, ec);
    if (ec) return {};
    std::ostringstream key;
    key << absolute.string() << '\n' << size << '\n' << mtime.time_since_epoch().count();
    char name[32];
    std::snprintf(name, sizeof(name), "%016llx.alidx", static_cast<unsigned long long>(fnv1a(key.str())));
    return (fs::path(directory_) / name).string();
}

std::optional<FrameIndex> FrameIndexCache::load(const std::string& videoPath) const {
    const std::string path = entryPath(videoPath);
    if (path.empty()) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Result<FrameIndex> index = FrameIndex::deserialize(bytes.str());
    if (!index.ok() || index->empty()) return std::nullopt;
    return std::move(index).value();
}

bool FrameIndexCache::store(const std::string& videoPath, const FrameIndex& index) const {
    const std::string path = entryPath(videoPath);
    if (path.empty()) return false;
    std::error_code ec;
    fs::create_directories(directory_, ec);
    if (ec) return false;
    const std::string temporary = path + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        const std::string bytes = index.serialize();
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            fs::remove(temporary, ec);
            return false;
        }
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return false;
    }
    return true;
}

}  // namespace actionlens::media
