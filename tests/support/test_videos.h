#pragma once

// Test fixtures: temporary folders and videos whose frames carry their own number (FrameStamp),
// encoded through libavcodec exactly as a user's camera file would be: H.264 with B-frames and
// long GOPs where the FFmpeg build has it, else MPEG-4.

#include "core/media/frame_source.h"
#include "core/media/video_frame.h"

#include <string>
#include <vector>

namespace actionlens::fixtures {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

// Options that open a video without the frame index cache (~/.cache): each open scans the file,
// as tests that change a file under the same name need.
inline media::OpenOptions openWithoutIndexCache() {
    media::OpenOptions options;
    options.useIndexCache = false;
    return options;
}

struct StampedVideoSpec {
    int frames = 300;
    int width = 320;
    int height = 240;
    int fps = 25;
    int gop = 250;
    int bframes = 3;
    std::string codec = "h264";
    // Non-empty: variable frame rate, one time in seconds per frame (needs .mkv or .mp4).
    std::vector<double> frameTimes;
};

// Writes the video (fails the calling test on error) and returns `path`.
std::string makeStampedVideo(const std::string& path, const StampedVideoSpec& spec);

// Videos shared by every test of the process, made on first use in one process-wide folder.
const std::string& sharedLongGopVideo();  // 600 frames, H.264, 3 B-frames, GOP 250, 320x240 .mp4
const std::string& sharedVfrVideo();      // 120 frames, irregular times, .mkv
std::vector<double> sharedVfrTimes();     // the times written into sharedVfrVideo()

// The number stamped into the frame, or -1 if it does not read.
int stampOf(const media::VideoFrame& frame);

std::string readFileBytes(const std::string& path);
void writeFileBytes(const std::string& path, const std::string& bytes);

}  // namespace actionlens::fixtures
