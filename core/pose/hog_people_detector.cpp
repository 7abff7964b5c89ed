#include "core/pose/hog_people_detector.h"

#include <opencv2/imgproc.hpp>
#ifdef ACTIONLENS_WITH_HOG
#include <opencv2/objdetect.hpp>
#endif

#include <algorithm>
#include <cmath>

namespace actionlens::pose {

#ifdef ACTIONLENS_WITH_HOG
struct HogPeopleDetector::State {
    cv::HOGDescriptor hog;
    State() { hog.setSVMDetector(cv::HOGDescriptor::getDefaultPeopleDetector()); }
};
#else
struct HogPeopleDetector::State {};
#endif

HogPeopleDetector::HogPeopleDetector(HogOptions options) : options_(options), state_(std::make_unique<State>()) {}
HogPeopleDetector::HogPeopleDetector(HogPeopleDetector&&) noexcept = default;
HogPeopleDetector& HogPeopleDetector::operator=(HogPeopleDetector&&) noexcept = default;
HogPeopleDetector::~HogPeopleDetector() = default;

PoseDetection detectionFromPersonBox(double x, double y, double width, double height, int imageWidth, int imageHeight,
                                     float score, double bodyShare) {
    PoseDetection d;
    const double cx = x + 0.5 * width, cy = y + 0.5 * height;
    d.cx = float(cx / imageWidth);
    d.cy = float(cy / imageHeight);
    d.width = float(width / imageWidth);
    d.height = float(height / imageHeight);
    const double halfBody = 0.5 * bodyShare * height;
    // 0: the body's centre; 1: straight above it on the body's circle (upright); 2, 3: the upper
    // body's centre and circle, as BlazePose's order has them.
    d.keypoints = {float(cx / imageWidth),  float(cy / imageHeight),
                   float(cx / imageWidth),  float((cy - halfBody) / imageHeight),
                   float(cx / imageWidth),  float((cy - 0.5 * halfBody) / imageHeight),
                   float(cx / imageWidth),  float((cy - halfBody) / imageHeight)};
    d.score = score;
    d.wholePerson = true;
    return d;
}

Result<std::vector<PoseDetection>> HogPeopleDetector::detect(const RgbImageView& image) {
    if (!image.pixels || image.width <= 0 || image.height <= 0 || image.stride < 3 * image.width) return makeError("empty or malformed image");
#ifndef ACTIONLENS_WITH_HOG
    return makeError("this build has no HOG people detector (OpenCV's objdetect was not found); use the BlazePose detector");
#else
    const cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels), size_t(image.stride));
    cv::Mat gray;
    cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
    const double upscale = std::max(0.25, options_.upscale);
    if (upscale != 1.0) cv::resize(gray, gray, cv::Size(), upscale, upscale, cv::INTER_LINEAR);
    std::vector<cv::Rect> boxes;
    std::vector<double> weights;
    try {
        state_->hog.detectMultiScale(gray, boxes, weights, 0.0, cv::Size(8, 8), cv::Size(16, 16), std::max(1.01, options_.scaleStep),
                                     double(std::max(0, options_.groupThreshold)));
    } catch (const cv::Exception& e) {
        return makeError(std::string("the HOG people detector failed: ") + e.what());
    }
    std::vector<PoseDetection> out;
    for (size_t i = 0; i < boxes.size(); ++i) {
        const double margin = i < weights.size() ? weights[i] : 0.0;
        const float score = float(1.0 / (1.0 + std::exp(-2.0 * margin)));
        if (score < options_.minScore) continue;
        const cv::Rect& b = boxes[i];
        out.push_back(detectionFromPersonBox(b.x / upscale, b.y / upscale, b.width / upscale, b.height / upscale, image.width,
                                             image.height, score));
    }
    std::stable_sort(out.begin(), out.end(), [](const PoseDetection& a, const PoseDetection& b) { return a.score > b.score; });
    return out;
#endif
}

}  // namespace actionlens::pose
