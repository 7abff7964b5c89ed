#pragma once

// anonymiseProject: an anonymised edition of a project in a folder of its own:
//   DIR/anonymised.alproj          the pseudonymised copy (pseudonymised_copy.h), its videos
//                                  pointing at the blurred copies below (relative paths)
//   DIR/videos/<video pseudonym>.mp4   each video with faces blurred (blurred_video.h): same
//                                  frames at the same times, so every annotation lines up
// Videos without a file (skeleton-only records) stay as they are; videos not chosen are left
// out of the copy with their segments and skeletons. All or nothing: on failure or
// cancellation the folder holds nothing of this run.

#include "core/common/result.h"
#include "core/privacy/frame_anonymiser.h"
#include "core/privacy/pseudonymised_copy.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::privacy {

inline constexpr const char* kAnonymisedProjectName = "anonymised.alproj";

struct AnonymiseOptions {
    std::string outputFolder;           // made if missing; must not hold anonymised.alproj yet
    std::vector<std::int64_t> videoIds;  // empty: every video
    AnonymiseSettings blur;
    bool detectFaces = true;  // faces without a skeleton, by the cascade below
    std::string cascadePath;  // empty: defaultFaceCascadePath()
    PrivacyOptions privacy;  // pseudonymise is always on here
    int quality = 20;  // x264 CRF of the copies
    // videoIndex of videos (0-based), frame of frames within it.
    std::function<void(int videoIndex, int videos, int frame, int frames)> progress;
    std::function<bool()> cancelled;
};

struct AnonymisedVideo {
    std::int64_t videoId = 0;
    std::string pseudonym;
    std::string path;  // the blurred copy; empty for a video without a file
    int frames = 0;
    std::int64_t regions = 0;
};

struct AnonymiseSummary {
    std::string projectPath;
    std::vector<AnonymisedVideo> videos;
};

Result<AnonymiseSummary> anonymiseProject(annotation::ProjectStore& store, const AnonymiseOptions& options);

}  // namespace actionlens::privacy
