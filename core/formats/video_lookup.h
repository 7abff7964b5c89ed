#pragma once

// VideoLookup: which of the project's videos an annotation file means when it names one (ELAN's
// media file, an ActivityNet video id, the `video` column of a segments CSV). A name means the
// videos whose name or file name it is; failing that, a name and the name without its extension
// mean the videos named so or whose file name without extension it is ("clip.mp4" finds the
// skeleton-only video "clip", "v_abc" finds "v_abc.mp4").

#include "core/annotation/video.h"
#include "core/common/result.h"

#include <string>
#include <vector>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::formats {

class VideoLookup {
public:
    static Result<VideoLookup> load(annotation::ProjectStore& store);

    // Every video `name` could mean; empty when none.
    std::vector<const annotation::Video*> find(const std::string& name) const;
    // The one video `name` means; the message says none or which several.
    Result<annotation::Video> findOne(const std::string& name) const;
    bool empty() const { return videos_.empty(); }

private:
    std::vector<annotation::Video> videos_;
};

// The last part of a path or URL ("file:///C:/clips/a%20b.mp4" -> "a b.mp4"), percent-decoded.
std::string fileNameOfLocation(const std::string& location);
// The file name without its last extension ("a.b.mp4" -> "a.b").
std::string withoutExtension(const std::string& fileName);

}  // namespace actionlens::formats
