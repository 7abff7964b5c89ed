#include "ui/player/privacy_filter.h"

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"

namespace actionlens::ui {

PrivacyFilter::PrivacyFilter(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {}

PrivacyFilter::~PrivacyFilter() = default;

void PrivacyFilter::setEnabled(bool enabled) {
    if (enabled == enabled_) return;
    enabled_ = enabled;
    lastShown_.reset();
    Q_EMIT enabledChanged(enabled);
}

privacy::FrameAnonymiser& PrivacyFilter::anonymiser() {
    if (!detectorTried_) {
        detectorTried_ = true;
        auto detector = privacy::FaceDetector::open();
        if (detector) detector_ = std::move(detector).value();
        else detectorProblem_ = QString::fromStdString(detector.error());
    }
    // Layouts only grow while a project is open (a custom one added); a new project has others.
    std::vector<annotation::SkeletonLayout> layouts;
    if (document_.isOpen()) layouts.assign(document_.store().skeletonLayouts().begin(), document_.store().skeletonLayouts().end());
    if (!anonymiser_ || layouts.size() != layoutCount_) {
        anonymiser_ = std::make_unique<privacy::FrameAnonymiser>(layouts, privacy::AnonymiseSettings{}, detector_);
        layoutCount_ = layouts.size();
    }
    return *anonymiser_;
}

media::FramePtr PrivacyFilter::filter(int frame, media::FramePtr picture) {
    if (!enabled_ || !picture) {
        lastFrame_ = frame;
        lastPicture_ = picture;
        lastShown_.reset();
        return picture;
    }
    if (frame == lastFrame_ && picture == lastPicture_ && lastShown_) return lastShown_;
    lastFrame_ = frame;
    lastPicture_ = picture;
    std::vector<annotation::SkeletonFrame> skeletons = document_.isOpen() ? document_.skeletonsAt(frame) : std::vector<annotation::SkeletonFrame>();
    privacy::FrameAnonymiser& anonymiser = this->anonymiser();
    const std::vector<privacy::FaceRegion> regions = anonymiser.faceRegions(*picture, skeletons);
    if (regions.empty()) {
        lastShown_ = picture;
    } else {
        auto copy = std::make_shared<media::VideoFrame>(*picture);
        privacy::blurFaceRegions(*copy, regions, anonymiser.settings().style);
        lastShown_ = std::move(copy);
    }
    return lastShown_;
}

media::FramePtr PrivacyFilter::current() { return filter(lastFrame_, lastPicture_); }

}  // namespace actionlens::ui
