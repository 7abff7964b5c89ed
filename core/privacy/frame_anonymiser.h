#pragma once

// FrameAnonymiser: makes the faces of one frame unrecognisable. People with a skeleton in the
// frame have their head found from its face/head joints (HeadLocator, per layout); a face
// detector, when given, finds faces without one (a detection centred inside a skeleton's head
// region is that person's and is not blurred twice). Every region is grown by the margin, then
// blurred or pixelated. Used by `actionlens-cli anonymise`, the player's privacy view and the
// presentation mode alike, so what a user previews is what gets written.

#include "core/annotation/skeleton_frame.h"
#include "core/annotation/skeleton_layout.h"
#include "core/media/video_frame.h"
#include "core/privacy/face_blur.h"
#include "core/privacy/face_detector.h"
#include "core/privacy/head_locator.h"

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace actionlens::privacy {

struct AnonymiseSettings {
    BlurStyle style = BlurStyle::Gaussian;
    // Added on every side, as a share of the head's size (0.25: a quarter more each way).
    float margin = 0.25f;
};

class FrameAnonymiser {
public:
    // `layouts`: the project's skeleton layouts (matched to frames by id). `detector` may be null
    // (skeleton heads only).
    FrameAnonymiser(const std::vector<annotation::SkeletonLayout>& layouts, AnonymiseSettings settings,
                    std::shared_ptr<FaceDetector> detector = nullptr);

    const AnonymiseSettings& settings() const { return settings_; }
    void setSettings(const AnonymiseSettings& settings) { settings_ = settings; }

    // The regions (margin included) that anonymise() blurs.
    std::vector<FaceRegion> faceRegions(const media::VideoFrame& frame, const std::vector<annotation::SkeletonFrame>& skeletons);
    // Blurs them in place; returns them.
    std::vector<FaceRegion> anonymise(media::VideoFrame& frame, const std::vector<annotation::SkeletonFrame>& skeletons);

private:
    std::map<std::int64_t, HeadLocator> locators_;  // by layout id
    AnonymiseSettings settings_;
    std::shared_ptr<FaceDetector> detector_;
};

}  // namespace actionlens::privacy
