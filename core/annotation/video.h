#pragma once

// Video: one video file of a project as the store records it. The content hash lets a moved or
// renamed file be found again (relinking) without trusting its name.

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::annotation {

struct Video {
    std::int64_t id = 0;  // 0: not stored yet
    // Empty for a skeleton-only record (a dataset that ships poses without frames).
    // Absolute when read from a store; the store keeps it relative to the project folder when
    // the video lies inside that folder, so a project moved with its videos still opens.
    std::string path;
    std::int64_t sizeBytes = 0;
    double fps = 0.0;
    std::int64_t frameCount = 0;
    int width = 0;
    int height = 0;
    std::string contentHash;  // see videoContentHash()
    // What users call the video ("0002" for a Penn Action sequence); empty: the file name.
    std::string name;
    // Dataset splits the video belongs to ("train", "test1", ...), sorted, no duplicates.
    std::vector<std::string> splits;
    // The annotators the video is assigned to (several: double-coded), sorted, no duplicates.
    std::vector<std::string> annotators;

    bool operator==(const Video& o) const {
        return id == o.id && path == o.path && sizeBytes == o.sizeBytes && fps == o.fps &&
               frameCount == o.frameCount && width == o.width && height == o.height &&
               contentHash == o.contentHash && name == o.name && splits == o.splits && annotators == o.annotators;
    }
};

}  // namespace actionlens::annotation
