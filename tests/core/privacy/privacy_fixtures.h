#pragma once

// A project full of things that identify people: subject names, an annotator's name, a video
// file named after a person in a folder of its own, a model run with a checkpoint path, and a
// COCO-17 skeleton whose head sits on a bright square drawn into every frame of the video.

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/media/frame_source.h"
#include "core/media/video_encoder.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace actionlens::fixtures {

// Everything that must not appear in a pseudonymised export.
inline std::vector<std::string> identifyingStrings(const TempDir& dir) {
    return {"Zephyrine", "Quuxley", "Marple", "clinic_visit", "interview", "run of Wednesday", dir.path()};
}

inline constexpr int kPrivateFrames = 30;
inline constexpr float kHeadX = 80.0f, kHeadY = 40.0f;  // the head's centre in every frame

// 160x120, 25 fps: a noisy-looking pattern with a "face" of fine stripes at the head.
inline std::string makePrivateVideo(const std::string& path) {
    media::EncoderSettings settings;
    settings.width = 160;
    settings.height = 120;
    settings.quality = 10;
    auto encoder = media::VideoEncoder::open(path, settings);
    EXPECT_TRUE(encoder.ok()) << (encoder.ok() ? "" : encoder.error());
    std::vector<uint8_t> rgb(160 * 120 * 3);
    for (int f = 0; f < kPrivateFrames; ++f) {
        for (int y = 0; y < 120; ++y)
            for (int x = 0; x < 160; ++x) {
                const bool face = std::abs(x - kHeadX) < 12 && std::abs(y - kHeadY) < 12;
                const uint8_t v = face ? ((x / 2) % 2 ? 250 : 10) : static_cast<uint8_t>((x * 3 + y * 5 + f) % 200);
                for (int c = 0; c < 3; ++c) rgb[(y * 160 + x) * 3 + c] = v;
            }
        EXPECT_TRUE(encoder.value()->write(rgb.data(), 160 * 3).ok());
    }
    EXPECT_TRUE(encoder.value()->finish().ok());
    return path;
}

struct PrivateProject {
    std::unique_ptr<annotation::ProjectStore> store;
    std::string videoPath;
    std::int64_t videoId = 0;
};

inline PrivateProject makePrivateProject(const TempDir& dir, const std::string& name = "interview.alproj") {
    PrivateProject p;
    std::filesystem::create_directories(dir.file("interview"));
    p.videoPath = makePrivateVideo(dir.file("interview/clinic_visit_Zephyrine.mp4"));
    p.store = annotation::ProjectStore::create(dir.file(name)).value();
    annotation::ProjectStore& store = *p.store;
    EXPECT_TRUE(store.setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
    p.videoId = store.insertVideo({0, p.videoPath, 1, 25.0, kPrivateFrames, 160, 120, "sha256:00", "", {"train"}}).value();
    // A skeleton-only record named after a person too.
    const std::int64_t poses = store.insertVideo({0, "", 0, 25.0, 10, 0, 0, "", "interview Quuxley", {"test"}}).value();
    const std::int64_t alice = store.insertSubject({0, "Alice Zephyrine", {}}).value();
    const std::int64_t bob = store.insertSubject({0, "Bob Quuxley", {}}).value();
    for (auto [video, subject, annotator] : {std::tuple{p.videoId, alice, std::string("Dr Marple")},
                                             std::tuple{poses, bob, std::string("model:/home/Marple/run.alm")}}) {
        annotation::Segment s;
        s.videoId = video;
        s.subjectId = subject;
        s.firstFrame = 2;
        s.lastFrame = video == p.videoId ? kPrivateFrames - 2 : 8;  // over the 1 s keyframe AVA writes
        s.labels = {{"action", "bowl"}, {"viewpoint", "front"}};
        s.annotator = annotator;
        if (annotator.rfind("model:", 0) == 0) s.confidence = 0.9;
        EXPECT_TRUE(store.insertSegment(s).ok());
    }
    const annotation::SkeletonLayout* coco = store.skeletonLayout("COCO-17");
    std::vector<annotation::SkeletonFrame> frames;
    for (int f = 0; f < kPrivateFrames; ++f) {
        annotation::SkeletonFrame frame{p.videoId, alice, f, coco->id, annotation::PoseSource::Manual, {}};
        frame.joints.assign(17, {kHeadX, 100.0f, 1.0f, true});
        frame.joints[0] = {kHeadX, kHeadY, 1.0f, true};              // nose
        frame.joints[1] = {kHeadX + 3, kHeadY - 3, 1.0f, true};      // eyes
        frame.joints[2] = {kHeadX - 3, kHeadY - 3, 1.0f, true};
        frame.joints[3] = {kHeadX + 7, kHeadY, 1.0f, true};          // ears
        frame.joints[4] = {kHeadX - 7, kHeadY, 1.0f, true};
        frame.joints[5] = {kHeadX + 15, kHeadY + 20, 1.0f, true};    // shoulders
        frame.joints[6] = {kHeadX - 15, kHeadY + 20, 1.0f, true};
        frames.push_back(frame);
    }
    EXPECT_TRUE(store.insertSkeletonFrames(frames).ok());
    annotation::TrainingRun run;
    run.name = "run of Wednesday";
    run.startedMs = 1;
    run.checkpointPath = dir.file("interview/model.alm");
    EXPECT_TRUE(store.insertRun(run).ok());
    return p;
}

inline media::OpenOptions withoutIndexCache() {
    media::OpenOptions options;
    options.useIndexCache = false;
    return options;
}

// Every byte of a file or of every file under a folder.
inline std::string allBytes(const std::string& path) {
    std::string bytes;
    if (std::filesystem::is_directory(path)) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
            bytes += entry.path().filename().string() + "\n";
            if (entry.is_regular_file()) bytes += readFileBytes(entry.path().string());
        }
    } else {
        bytes = readFileBytes(path);
    }
    return bytes;
}

}  // namespace actionlens::fixtures
