#include "core/explain/limb_answers.h"

#include "core/synth/limb_mask_file.h"
#include "core/synth/limbs.h"
#include "core/synth/pose.h"
#include "core/train/rgb_clip.h"

#include <algorithm>
#include <cmath>

namespace actionlens::explain {

std::vector<int> pennJointsOfLimb(int limb) {
    using namespace synth;
    switch (limb) {
    case kLimbHead: return {kHead};
    case kLimbTorso: return {kLeftShoulder, kRightShoulder, kLeftHip, kRightHip};
    case kLimbLeftUpperArm: return {kLeftShoulder, kLeftElbow};
    case kLimbLeftForearm: return {kLeftElbow, kLeftWrist};
    case kLimbRightUpperArm: return {kRightShoulder, kRightElbow};
    case kLimbRightForearm: return {kRightElbow, kRightWrist};
    case kLimbLeftThigh: return {kLeftHip, kLeftKnee};
    case kLimbLeftShin: return {kLeftKnee, kLeftAnkle};
    case kLimbRightThigh: return {kRightHip, kRightKnee};
    case kLimbRightShin: return {kRightKnee, kRightAnkle};
    default: return {};
    }
}

std::string limbMaskPathOf(const std::string& videoPath) {
    const size_t slash = videoPath.find_last_of('/');
    const size_t dot = videoPath.find_last_of('.');
    const std::string stem = dot != std::string::npos && (slash == std::string::npos || dot > slash) ? videoPath.substr(0, dot) : videoPath;
    return stem + ".limbs";
}

LimbAnswers::LimbAnswers(int tolerance) : tolerance_(std::max(0, tolerance)) {}
LimbAnswers::~LimbAnswers() = default;

Result<const std::vector<synth::LimbMask>*> LimbAnswers::masksOf(const std::string& videoPath) {
    auto it = masks_.find(videoPath);
    if (it == masks_.end()) {
        const std::string path = limbMaskPathOf(videoPath);
        Result<std::vector<synth::LimbMask>> read = synth::readLimbMasks(path);
        if (!read) return makeError("no known answer for '" + videoPath + "': " + read.error());
        it = masks_.emplace(videoPath, std::move(read).value()).first;
    }
    return &it->second;
}

Result<ClipAnswer> LimbAnswers::answer(const ClipInput& clip, int videoFrames, int videoSize) {
    Result<const std::vector<synth::LimbMask>*> found = masksOf(clip.videoPath);
    if (!found) return found.takeError();
    const std::vector<synth::LimbMask>& masks = *found.value();
    const std::int64_t last = clip.firstFrame + clip.segmentFrames - 1;
    if (clip.firstFrame < 0 || last >= std::int64_t(masks.size()))
        return makeError("the limb masks of '" + clip.videoPath + "' have " + std::to_string(masks.size()) +
                         " frames, the clip spans " + std::to_string(clip.firstFrame) + ".." + std::to_string(last));
    // The limb that moved most in the most frames of the clip.
    std::vector<int> votes(256, 0);
    for (std::int64_t f = clip.firstFrame; f <= last; ++f)
        if (masks[size_t(f)].mostMoved > 0) ++votes[size_t(masks[size_t(f)].mostMoved)];
    const int limb = int(std::max_element(votes.begin(), votes.end()) - votes.begin());
    ClipAnswer out;
    if (votes[size_t(limb)] == 0) return out;
    out.movingJoints = pennJointsOfLimb(limb);
    if (videoFrames <= 0 || videoSize <= 0) return out;

    out.movingLimbPixels = ExplanationMap(videoFrames, videoSize, videoSize);
    const std::vector<std::int64_t> sampled = train::sampledFrameIndices(clip.firstFrame, clip.segmentFrames, videoFrames);
    const int r = tolerance_;
    for (int t = 0; t < videoFrames; ++t) {
        const synth::LimbMask& mask = masks[size_t(sampled[size_t(t)])];
        const bool whole = clip.regionWidth <= 0;
        const double x0 = whole ? 0.0 : clip.regionX, y0 = whole ? 0.0 : clip.regionY;
        const double sx = (whole ? mask.width : clip.regionWidth) / double(videoSize);
        const double sy = (whole ? mask.height : clip.regionHeight) / double(videoSize);
        std::vector<std::uint8_t> onLimb(size_t(videoSize) * videoSize, 0);
        for (int y = 0; y < videoSize; ++y)
            for (int x = 0; x < videoSize; ++x) {
                const int px = int(std::floor(x0 + (x + 0.5) * sx)), py = int(std::floor(y0 + (y + 0.5) * sy));
                if (px < 0 || py < 0 || px >= mask.width || py >= mask.height) continue;
                onLimb[size_t(y) * videoSize + x] = mask.at(px, py) == limb;
            }
        // Widen by the tolerance (a square neighbourhood).
        for (int y = 0; y < videoSize; ++y)
            for (int x = 0; x < videoSize; ++x) {
                bool near = false;
                for (int dy = -r; dy <= r && !near; ++dy)
                    for (int dx = -r; dx <= r && !near; ++dx) {
                        const int yy = y + dy, xx = x + dx;
                        near = yy >= 0 && xx >= 0 && yy < videoSize && xx < videoSize && onLimb[size_t(yy) * videoSize + xx];
                    }
                out.movingLimbPixels.at(t, y, x) = near ? 1.0f : 0.0f;
            }
    }
    return out;
}

}  // namespace actionlens::explain
