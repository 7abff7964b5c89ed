#pragma once

// MotionLibrary: the compact set of Penn Action motions the installed app ships (resources/motion),
// so a demo project can be rendered without the dataset. Each sequence is kept at its own 30 fps
// with invisible joints already filled (filledPennMotion), its coordinates stored as 16-bit
// fixed point inside the box around all its filled joints, so the error is at most 1/131070 of
// the box side. All integers little-endian, floats IEEE-754 binary32:
//
//   header:    "ALMOTLIB" (8 bytes), version (u16), joint count (u16), sequence count (u32),
//              joint order (u16 length + UTF-8, comma separated), notice (u16 length + UTF-8:
//              source and citation of the dataset)
//   sequence:  source file number (u16, 2 for 0002.mat), action index (u8, kPennActions),
//              viewpoint index (u8, kPennViewpoints), frame count (u16), ever-visible joints
//              (u16, bit j for joint j), box left, top, width, height (4 x f32),
//              then frames x joints x (x, y) as i16: value = -32768 + round(65535 * (x - left) / width)
//   trailer:   FNV-1a 32-bit hash of every byte before it (u32)
//
// Encoding depends only on the clips, so the same input gives the same bytes.

#include "core/common/result.h"
#include "core/synth/motion_clip.h"

#include <string>
#include <vector>

namespace actionlens::synth {

constexpr int kMotionLibraryVersion = 1;
extern const char* const kPennActionCitation;

struct MotionLibrary {
    int version = 0;
    std::string jointOrder;  // "head,left_shoulder,..."
    std::string notice;      // the dataset's source and citation
    std::vector<MotionClip> clips;  // at kPennFps, names "0002"
};

// Clips must be at kPennFps, named by their 4-digit file number, with a Penn action and viewpoint
// and 1-65535 frames.
Result<std::string> encodeMotionLibrary(const std::vector<MotionClip>& clips);

// Validates everything (magic, version, joint order, sizes, indices, hash); errors start with
// `origin` and say what is wrong ("... is damaged: it ends inside sequence 12 of 86").
Result<MotionLibrary> decodeMotionLibrary(const std::string& bytes, const std::string& origin);
Result<MotionLibrary> readMotionLibraryFile(const std::string& path);

// The library compiled into the program (":/motion/penn_action_motions.bin").
Result<MotionLibrary> builtInMotionLibrary();
// The built-in library's clips resampled to `fps`: ready for synthesiseProject.
Result<std::vector<MotionClip>> builtInMotions(double fps);

struct MotionLibraryBuild {
    std::string bytes;
    int filesRead = 0;
    int sequences = 0;
};

// Reads every NNNN.mat of `folder` (sorted by name) and keeps, per (action, viewpoint) pair that
// occurs, the first `perPair` sequences, preferring those whose every joint is visible somewhere.
Result<MotionLibraryBuild> buildMotionLibrary(const std::string& folder, int perPair);

}  // namespace actionlens::synth
