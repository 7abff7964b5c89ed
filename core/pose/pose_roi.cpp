#include "core/pose/pose_roi.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace actionlens::pose {

PoseRoi roiFromPoints(double centreX, double centreY, double endX, double endY, double scale) {
    const double pi = 3.14159265358979323846;
    const double distance = std::hypot(endX - centreX, endY - centreY);
    double rotation = pi / 2.0 - std::atan2(-(endY - centreY), endX - centreX);
    rotation -= 2.0 * pi * std::floor((rotation + pi) / (2.0 * pi));
    return {centreX, centreY, 2.0 * distance * scale, rotation};
}

double roiOverlap(const PoseRoi& a, const PoseRoi& b) {
    const auto overlap = [](double centreA, double sizeA, double centreB, double sizeB) {
        return std::max(0.0, std::min(centreA + sizeA / 2, centreB + sizeB / 2) - std::max(centreA - sizeA / 2, centreB - sizeB / 2));
    };
    const double inter = overlap(a.cx, a.size, b.cx, b.size) * overlap(a.cy, a.size, b.cy, b.size);
    const double uni = a.size * a.size + b.size * b.size - inter;
    return uni > 0 ? inter / uni : 0.0;
}

namespace {

// The corners in float32 as cv::getAffineTransform takes them (the reference rounds them too).
std::array<cv::Point2f, 3> roiCorners(const PoseRoi& roi) {
    const double c = std::cos(roi.rotation), s = std::sin(roi.rotation);
    auto corner = [&](double u, double v) {
        return cv::Point2f(static_cast<float>(roi.cx + u * roi.size * c - v * roi.size * s),
                           static_cast<float>(roi.cy + u * roi.size * s + v * roi.size * c));
    };
    return {corner(-0.5, -0.5), corner(0.5, -0.5), corner(-0.5, 0.5)};
}

cv::Mat cropMatrix(const PoseRoi& roi, int cropSize) {
    const auto src = roiCorners(roi);
    const cv::Point2f dst[3] = {{0.0f, 0.0f}, {static_cast<float>(cropSize), 0.0f}, {0.0f, static_cast<float>(cropSize)}};
    return cv::getAffineTransform(src.data(), dst);
}

}  // namespace

std::array<double, 6> roiToCropMatrix(const PoseRoi& roi, int cropSize) {
    const cv::Mat m = cropMatrix(roi, cropSize);
    std::array<double, 6> out{};
    for (int i = 0; i < 6; ++i) out[i] = m.at<double>(i / 3, i % 3);
    return out;
}

std::vector<std::uint8_t> cropRoi(const RgbImageView& image, const PoseRoi& roi, int cropSize) {
    const cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels), image.stride);
    std::vector<std::uint8_t> out(static_cast<std::size_t>(cropSize) * cropSize * 3);
    cv::Mat crop(cropSize, cropSize, CV_8UC3, out.data());
    cv::warpAffine(rgb, crop, cropMatrix(roi, cropSize), crop.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

}  // namespace actionlens::pose
