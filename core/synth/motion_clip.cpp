#include "core/synth/motion_clip.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace actionlens::synth {

namespace {

// Per joint, frames without a visible position take the straight line between the nearest
// visible frames before and after: continuous, so the mannequin never jumps to the (often
// meaningless) coordinates stored for invisible joints.
void fillInvisible(std::vector<Pose>& poses, const std::vector<uint8_t>& visible, std::array<bool, kJointCount>& everVisible) {
    const size_t n = poses.size();
    std::vector<size_t> seen;
    for (int j = 0; j < kJointCount; ++j) {
        seen.clear();
        for (size_t f = 0; f < n; ++f) {
            if (visible[f * kJointCount + static_cast<size_t>(j)] != 0) seen.push_back(f);
        }
        if (seen.empty()) continue;
        everVisible[static_cast<size_t>(j)] = true;
        for (size_t f = 0; f < seen.front(); ++f) poses[f][j] = poses[seen.front()][j];
        for (size_t f = seen.back() + 1; f < n; ++f) poses[f][j] = poses[seen.back()][j];
        for (size_t k = 0; k + 1 < seen.size(); ++k) {
            const size_t a = seen[k];
            const size_t b = seen[k + 1];
            for (size_t f = a + 1; f < b; ++f) {
                poses[f][j] = lerp(poses[a][j], poses[b][j], static_cast<float>(f - a) / static_cast<float>(b - a));
            }
        }
    }
}

}  // namespace

Result<MotionClip> filledPennMotion(const formats::PennActionSequence& sequence, const std::string& name) {
    if (sequence.frameCount < 1) return makeError(name + ": the sequence has no frames");
    MotionClip clip;
    clip.name = name;
    clip.action = sequence.action;
    clip.viewpoint = sequence.viewpoint;
    clip.fps = kPennFps;
    clip.frames.resize(static_cast<size_t>(sequence.frameCount));
    for (int f = 0; f < sequence.frameCount; ++f) {
        for (int j = 0; j < kJointCount; ++j) {
            const size_t at = static_cast<size_t>(f) * kJointCount + static_cast<size_t>(j);
            clip.frames[static_cast<size_t>(f)][j] = {sequence.x[at], sequence.y[at]};
        }
    }
    fillInvisible(clip.frames, sequence.visible, clip.everVisible);
    if (std::none_of(clip.everVisible.begin(), clip.everVisible.end(), [](bool v) { return v; })) {
        return makeError(name + ": no joint is visible in any frame");
    }
    return clip;
}

Result<MotionClip> resampleMotion(const MotionClip& source, double fps) {
    if (!(fps > 0.0)) return makeError("the output frame rate must be positive");
    if (source.frames.empty() || !(source.fps > 0.0)) return makeError(source.name + ": the motion has no frames");
    const int count = static_cast<int>(source.frames.size());
    MotionClip clip = source;
    clip.fps = fps;
    // Output frame k shows source time k / fps; the clip ends at the last source frame.
    const double sourceSeconds = (count - 1) / source.fps;
    const int outputFrames = static_cast<int>(std::floor(sourceSeconds * fps + 1e-9)) + 1;
    clip.frames.resize(static_cast<size_t>(outputFrames));
    for (int k = 0; k < outputFrames; ++k) {
        const double at = k / fps * source.fps;
        const int f0 = std::min(static_cast<int>(std::floor(at)), count - 1);
        const int f1 = std::min(f0 + 1, count - 1);
        const float t = static_cast<float>(at - f0);
        for (int j = 0; j < kJointCount; ++j) {
            clip.frames[static_cast<size_t>(k)][j] = lerp(source.frames[static_cast<size_t>(f0)][j], source.frames[static_cast<size_t>(f1)][j], t);
        }
    }
    return clip;
}

Result<MotionClip> motionClipFromPenn(const formats::PennActionSequence& sequence, const std::string& name, double fps) {
    if (!(fps > 0.0)) return makeError("the output frame rate must be positive");
    auto filled = filledPennMotion(sequence, name);
    if (!filled.ok()) return filled.takeError();
    return resampleMotion(filled.value(), fps);
}

Result<std::vector<MotionClip>> loadMotionFolder(const std::string& folder, double fps, std::vector<std::string>* skipped) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".mat") files.push_back(entry.path());
    }
    if (ec) return makeError("cannot list '" + folder + "': " + ec.message());
    if (files.empty()) return makeError("'" + folder + "' holds no Penn Action label files (NNNN.mat)");
    std::sort(files.begin(), files.end());
    std::vector<MotionClip> clips;
    clips.reserve(files.size());
    for (const fs::path& file : files) {
        auto sequence = formats::readPennActionLabels(file.string());
        if (!sequence.ok()) return sequence.takeError();
        const bool anyVisible = std::any_of(sequence->visible.begin(), sequence->visible.end(), [](uint8_t v) { return v != 0; });
        if (!anyVisible) {
            if (skipped) skipped->push_back(file.stem().string());
            continue;
        }
        auto clip = motionClipFromPenn(sequence.value(), file.stem().string(), fps);
        if (!clip.ok()) return clip.takeError();
        clips.push_back(std::move(clip).value());
    }
    if (clips.empty()) return makeError("no label file in '" + folder + "' has a visible joint");
    return clips;
}

}  // namespace actionlens::synth
