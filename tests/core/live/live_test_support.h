#pragma once

// Shared by the live tests: whether the BlazePose models are installed (tests that run them skip
// with the reason otherwise), and a short video of a real person (../shared/data/pose's
// astronaut, still) to play as a camera through lavfi's movie source.

#include "core/media/camera_source.h"
#include "core/media/image_io.h"
#include "core/media/video_encoder.h"
#include "core/pose/pose_model_files.h"
#include "tests/support/required_test_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <unistd.h>

namespace actionlens::live::testing {

#define ACTIONLENS_REQUIRE_LITE_POSE_MODEL()                                                                            \
    do {                                                                                                                \
        const Status installed_ = pose::checkPoseModelsInstalled(pose::poseModelDirectory(), pose::LandmarkModel::Lite); \
        if (!installed_.ok()) ACTIONLENS_SKIP_UNLESS_REQUIRED(installed_.error());                                      \
    } while (0)

// A `frames`-frame video (25 frames/s, 512 x 512) of the astronaut in the temporary folder; its path.
inline std::string astronautVideo(int frames) {
    const std::string path =
        (std::filesystem::temp_directory_path() / ("live_astronaut_" + std::to_string(::getpid()) + "_" + std::to_string(frames) + ".mp4")).string();
    auto image = media::loadImageAsFrame(ACTIONLENS_SHARED_DIR "/data/pose/astronaut.png");
    EXPECT_TRUE(image.ok()) << image.error();
    if (!image) return {};
    media::EncoderSettings settings;
    settings.width = image.value()->width & ~1;
    settings.height = image.value()->height & ~1;
    settings.quality = 18;
    auto encoder = media::VideoEncoder::open(path, settings);
    EXPECT_TRUE(encoder.ok()) << encoder.error();
    if (!encoder) return {};
    for (int i = 0; i < frames; ++i) EXPECT_TRUE(encoder.value()->write(image.value()->rgb.data(), image.value()->stride).ok());
    EXPECT_TRUE(encoder.value()->finish().ok());
    return path;
}

}  // namespace actionlens::live::testing
