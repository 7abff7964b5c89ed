#include "tests/support/test_videos.h"

#include "core/media/frame_stamp.h"
#include "core/media/video_encoder.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>
#include <stdexcept>

namespace actionlens::fixtures {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "actionlens-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string makeStampedVideo(const std::string& path, const StampedVideoSpec& spec) {
    media::EncoderSettings settings;
    settings.width = spec.width;
    settings.height = spec.height;
    settings.fpsNum = spec.fps;
    settings.gopSize = spec.gop;
    settings.maxBFrames = spec.bframes;
    settings.codec = spec.codec;
    settings.variableFrameRate = !spec.frameTimes.empty();
    auto encoder = media::VideoEncoder::open(path, settings);
    if (!encoder.ok()) {
        ADD_FAILURE() << encoder.error();
        return path;
    }
    const int stride = media::alignedRgbStride(spec.width);
    std::vector<uint8_t> picture(static_cast<size_t>(stride) * spec.height);
    for (int i = 0; i < spec.frames; ++i) {
        media::drawStampedPicture(picture.data(), spec.width, spec.height, stride, i);
        const double t = spec.frameTimes.empty() ? -1.0 : spec.frameTimes.at(static_cast<size_t>(i));
        if (Status s = encoder.value()->write(picture.data(), stride, t); !s.ok()) {
            ADD_FAILURE() << s.error();
            return path;
        }
    }
    if (Status s = encoder.value()->finish(); !s.ok()) ADD_FAILURE() << s.error();
    return path;
}

namespace {
TempDir& sharedFolder() {
    static TempDir folder;
    return folder;
}
}  // namespace

const std::string& sharedLongGopVideo() {
    static const std::string path = [] {
        StampedVideoSpec spec;
        spec.frames = 600;
        return makeStampedVideo(sharedFolder().file("long_gop.mp4"), spec);
    }();
    return path;
}

std::vector<double> sharedVfrTimes() {
    // Bursts of fast and slow frames, as phones record: 10, 40 and 100 ms apart in turn.
    std::vector<double> times;
    double t = 0.0;
    const double steps[] = {0.010, 0.040, 0.100, 0.040, 0.020};
    for (int i = 0; i < 120; ++i) {
        times.push_back(t);
        t += steps[(i / 7) % 5];
    }
    return times;
}

const std::string& sharedVfrVideo() {
    static const std::string path = [] {
        StampedVideoSpec spec;
        spec.frames = 120;
        spec.gop = 30;
        spec.frameTimes = sharedVfrTimes();
        return makeStampedVideo(sharedFolder().file("vfr.mkv"), spec);
    }();
    return path;
}

int stampOf(const media::VideoFrame& frame) {
    if (frame.layout == media::PixelLayout::Bgrx32) {  // the player's frames: back to RGB24 first
        const int stride = media::alignedRgbStride(frame.width);
        std::vector<uint8_t> rgb(size_t(stride) * frame.height);
        for (int y = 0; y < frame.height; ++y)
            for (int x = 0; x < frame.width; ++x) {
                const uint8_t* from = frame.row(y) + 4 * x;
                uint8_t* to = rgb.data() + size_t(y) * stride + 3 * x;
                to[0] = from[2];
                to[1] = from[1];
                to[2] = from[0];
            }
        const auto number = media::readFrameStamp(rgb.data(), frame.width, frame.height, stride);
        return number ? *number : -1;
    }
    const auto number = media::readFrameStamp(frame.rgb.data(), frame.width, frame.height, frame.stride);
    return number ? *number : -1;
}

std::string readFileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void writeFileBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace actionlens::fixtures
