#pragma once

// FrameIndexCache: keeps built frame indexes on disk so that reopening a long video is instant.
// Entries live in a cache folder (the project's, or the per-user one), never beside the video,
// and are keyed by the video's absolute path, size and modification time, so an edited or
// replaced file is indexed again.

#include "core/media/frame_index.h"

#include <optional>
#include <string>

namespace actionlens::media {

class FrameIndexCache {
public:
    // `directory` empty: the per-user cache folder ($XDG_CACHE_HOME or ~/.cache, /actionlens/frame-index).
    explicit FrameIndexCache(std::string directory = {});

    static std::string defaultDirectory();
    const std::string& directory() const { return directory_; }

    std::optional<FrameIndex> load(const std::string& videoPath) const;
    // Writes atomically (temporary file, then rename); a failure only costs a rebuild next time.
    bool store(const std::string& videoPath, const FrameIndex& index) const;
    // The file that holds (or would hold) the index of `videoPath`; empty if the video is missing.
    std::string entryPath(const std::string& videoPath) const;

private:
    std::string directory_;
};

}  // namespace actionlens::media
