#include "core/pose/person_appearance.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace actionlens::pose {

namespace {

// BlazePose's shoulders, hips and knees.
constexpr int kClothesJoints[] = {11, 12, 23, 24, 25, 26};
constexpr int kHueBins = 8, kSaturationBins = 4, kValueBins = 4;
constexpr int kMinPixels = 24;

}  // namespace

PersonAppearance appearanceOf(const RgbImageView& image, const std::vector<PoseLandmark>& body, float minVisibility) {
    PersonAppearance out;
    if (!image.pixels || image.width <= 0 || image.height <= 0) return out;
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    int seen = 0;
    for (int j : kClothesJoints) {
        if (j >= int(body.size()) || body[j].visibility < minVisibility) continue;
        x0 = std::min(x0, double(body[j].x));
        x1 = std::max(x1, double(body[j].x));
        y0 = std::min(y0, double(body[j].y));
        y1 = std::max(y1, double(body[j].y));
        ++seen;
    }
    if (seen < 3) return out;
    // Shoulders to knees; side on, the joints lie in a line: at least a third of the height wide.
    const double height = y1 - y0, centre = 0.5 * (x0 + x1);
    const double halfWidth = std::max(0.5 * (x1 - x0) * 0.8, height / 6.0);
    const int left = std::clamp(int(std::floor(centre - halfWidth)), 0, image.width);
    const int right = std::clamp(int(std::ceil(centre + halfWidth)), 0, image.width);
    const int top = std::clamp(int(std::floor(y0)), 0, image.height);
    const int bottom = std::clamp(int(std::ceil(y1)), 0, image.height);
    if ((right - left) * (bottom - top) < kMinPixels) return out;
    const cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels), size_t(image.stride));
    cv::Mat hsv;
    cv::cvtColor(rgb(cv::Rect(left, top, right - left, bottom - top)), hsv, cv::COLOR_RGB2HSV);
    const int channels[] = {0, 1, 2};
    const int bins[] = {kHueBins, kSaturationBins, kValueBins};
    const float hue[] = {0, 180}, other[] = {0, 256};
    const float* ranges[] = {hue, other, other};
    cv::Mat histogram;
    cv::calcHist(&hsv, 1, channels, cv::Mat(), histogram, 3, bins, ranges);
    const double total = cv::sum(histogram)[0];
    if (total <= 0) return out;
    out.histogram.resize(std::size_t(kHueBins) * kSaturationBins * kValueBins);
    const float* values = histogram.ptr<float>();
    for (std::size_t i = 0; i < out.histogram.size(); ++i) out.histogram[i] = float(values[i] / total);
    return out;
}

double appearanceDistance(const PersonAppearance& a, const PersonAppearance& b) {
    if (a.empty() || b.empty() || a.histogram.size() != b.histogram.size()) return 0.0;
    double coefficient = 0;
    for (std::size_t i = 0; i < a.histogram.size(); ++i) coefficient += std::sqrt(double(a.histogram[i]) * double(b.histogram[i]));
    return std::sqrt(std::max(0.0, 1.0 - std::min(1.0, coefficient)));
}

PersonAppearance blendAppearance(const PersonAppearance& current, const PersonAppearance& seen, double weight) {
    if (current.empty()) return seen;
    if (seen.empty() || seen.histogram.size() != current.histogram.size()) return current;
    PersonAppearance out = current;
    weight = std::clamp(weight, 0.0, 1.0);
    for (std::size_t i = 0; i < out.histogram.size(); ++i)
        out.histogram[i] = float((1.0 - weight) * current.histogram[i] + weight * seen.histogram[i]);
    return out;
}

}  // namespace actionlens::pose
