#pragma once

// FrameSource: where one frame of a video came from in an imported dataset, such as a COCO
// image's file name and id. Exporters write them back, so a dataset imported and exported
// again keeps its names and ids instead of ones made up by the export.

#include <cstdint>
#include <optional>
#include <string>

namespace actionlens::annotation {

struct FrameSource {
    std::int64_t videoId = 0;
    std::int64_t frame = 0;
    std::string name;                // e.g. "images/val/000342_mpii/000001.jpg"
    std::optional<std::int64_t> id;  // the dataset's own id of the frame, where it has one

    bool operator==(const FrameSource& o) const {
        return videoId == o.videoId && frame == o.frame && name == o.name && id == o.id;
    }
};

}  // namespace actionlens::annotation
