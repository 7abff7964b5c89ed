#pragma once

// Relinking: finding the files of videos that were moved or renamed. A candidate must have the
// video's file name and the content hash the project recorded when the video was added
// (videoContentHash), so a different recording that happens to share the name is never linked.
// Reads files only; writing the new paths is ProjectStore::setVideoPath (one undoable step in
// the GUI). Safe to run on any thread: it does not touch a store.

#include "core/annotation/video.h"
#include "core/common/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace actionlens::annotation {

// A video with a file path whose file (or image folder) is not there (skeleton-only records have
// no path and are never missing). Relinking looks for files only: a moved image folder is
// reported as not found.
bool videoFileMissing(const Video& video);
std::vector<Video> missingVideos(const std::vector<Video>& videos);

struct RelinkFound {
    std::int64_t videoId = 0;
    std::string oldPath;
    std::string newPath;
    // How the content was confirmed: "content hash", or "size" for a video stored without a hash.
    std::string confirmedBy;
};

struct RelinkNotFound {
    std::int64_t videoId = 0;
    std::string oldPath;
    std::string reason;  // "no file named clip.mp4", "2 files named clip.mp4 differ in content: ..."
};

struct RelinkPlan {
    std::vector<RelinkFound> found;
    std::vector<RelinkNotFound> notFound;
};

struct RelinkOptions {
    bool recursive = true;
    std::function<void(std::int64_t done, std::int64_t total)> progress;  // per video
    std::function<bool()> cancelRequested;                                // checked per video
};

// Looks for each of `videos` in `folder` by file name, confirming by content hash. Fails only if
// the folder cannot be read or the work was cancelled.
Result<RelinkPlan> planRelink(const std::vector<Video>& videos, const std::string& folder, const RelinkOptions& options = {});

}  // namespace actionlens::annotation
