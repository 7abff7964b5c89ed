#pragma once

// Limb mask files: for every frame of a rendered video, which limb (limbs.h id, 0 = background,
// 255 = kOccluder: an occluder is in front there) is drawn on top at each pixel, and which limb
// moved most since the previous frame. One file per video (VIDEO.limbs beside VIDEO.mp4), lossless and compact because masks are mostly long runs:
//
//   header:  "ALLIMB1\n", width (u32), height (u32)               all integers little-endian
//   frames:  most-moved limb (u8), payload bytes (u32), payload
//   payload: runs over the pixels in row-major order: limb id (u8), run length (LEB128 varint)
//
// Files from before occluders existed simply hold no 255s: the format (and its magic) is unchanged,
// so they stay readable as they are.
//
// The file count of frames is the number of frame records until the end of the file. Like the
// encoder, the writer writes NAME.part and renames it on finish().

#include "core/common/result.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace actionlens::synth {

struct LimbMask {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> ids;  // width * height, row-major
    int mostMoved = 0;              // limb id; 0 on the first frame of a video

    std::uint8_t at(int x, int y) const { return ids[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)]; }
};

class LimbMaskWriter {
public:
    static Result<std::unique_ptr<LimbMaskWriter>> open(const std::string& path, int width, int height);
    ~LimbMaskWriter();  // removes the .part file unless finished
    LimbMaskWriter(const LimbMaskWriter&) = delete;
    LimbMaskWriter& operator=(const LimbMaskWriter&) = delete;

    Status write(const LimbMask& mask);
    Status finish();

private:
    LimbMaskWriter(std::string path, std::FILE* file, int width, int height);
    std::string path_;
    std::FILE* file_;
    int width_;
    int height_;
    std::vector<std::uint8_t> payload_;
};

// All frames of a file; errors name the file and the frame.
Result<std::vector<LimbMask>> readLimbMasks(const std::string& path);

}  // namespace actionlens::synth
