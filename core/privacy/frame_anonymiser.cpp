#include "core/privacy/frame_anonymiser.h"

#include <algorithm>

namespace actionlens::privacy {

FrameAnonymiser::FrameAnonymiser(const std::vector<annotation::SkeletonLayout>& layouts, AnonymiseSettings settings,
                                 std::shared_ptr<FaceDetector> detector)
    : settings_(settings), detector_(std::move(detector)) {
    for (const annotation::SkeletonLayout& layout : layouts) locators_.emplace(layout.id, HeadLocator(layout));
}

std::vector<FaceRegion> FrameAnonymiser::faceRegions(const media::VideoFrame& frame,
                                                     const std::vector<annotation::SkeletonFrame>& skeletons) {
    std::vector<FaceRegion> regions;
    for (const annotation::SkeletonFrame& skeleton : skeletons) {
        auto locator = locators_.find(skeleton.layoutId);
        if (locator == locators_.end()) continue;
        if (auto head = locator->second.locate(skeleton.joints)) regions.push_back(head->grown(settings_.margin));
    }
    if (detector_) {
        const size_t heads = regions.size();
        for (const FaceRegion& face : detector_->detect(frame)) {
            const bool known = std::any_of(regions.begin(), regions.begin() + static_cast<std::ptrdiff_t>(heads),
                                           [&](const FaceRegion& head) { return head.contains(face.centreX(), face.centreY()); });
            if (!known) regions.push_back(face.grown(settings_.margin));
        }
    }
    return regions;
}

std::vector<FaceRegion> FrameAnonymiser::anonymise(media::VideoFrame& frame, const std::vector<annotation::SkeletonFrame>& skeletons) {
    std::vector<FaceRegion> regions = faceRegions(frame, skeletons);
    blurFaceRegions(frame, regions, settings_.style);
    return regions;
}

}  // namespace actionlens::privacy
