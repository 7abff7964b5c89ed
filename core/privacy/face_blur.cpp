#include "core/privacy/face_blur.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace actionlens::privacy {

namespace {

// The region's pixel rectangle within the picture (empty when it lies outside).
cv::Rect pixelRect(const FaceRegion& r, int width, int height) {
    const int x0 = std::max(0, static_cast<int>(std::floor(r.x)));
    const int y0 = std::max(0, static_cast<int>(std::floor(r.y)));
    const int x1 = std::min(width, static_cast<int>(std::ceil(r.x + r.width)));
    const int y1 = std::min(height, static_cast<int>(std::ceil(r.y + r.height)));
    if (x1 <= x0 || y1 <= y0) return {};
    return {x0, y0, x1 - x0, y1 - y0};
}

}  // namespace

const char* blurStyleName(BlurStyle style) { return style == BlurStyle::Pixelate ? "pixelate" : "blur"; }

bool parseBlurStyle(const std::string& name, BlurStyle* style) {
    for (BlurStyle s : {BlurStyle::Gaussian, BlurStyle::Pixelate})
        if (name == blurStyleName(s)) {
            *style = s;
            return true;
        }
    return false;
}

void blurFaceRegions(media::VideoFrame& frame, const std::vector<FaceRegion>& regions, BlurStyle style) {
    if (regions.empty() || frame.width <= 0 || frame.height <= 0) return;
    const int type = frame.layout == media::PixelLayout::Bgrx32 ? CV_8UC4 : CV_8UC3;
    cv::Mat picture(frame.height, frame.width, type, frame.rgb.data(), static_cast<size_t>(frame.stride));
    for (const FaceRegion& region : regions) {
        const cv::Rect rect = pixelRect(region, frame.width, frame.height);
        if (rect.empty()) continue;
        cv::Mat roi = picture(rect);
        // Sized by the whole region, not its visible part: a face cut by the border is as big.
        const float size = std::max(region.width, region.height);
        if (style == BlurStyle::Pixelate) {
            // About eight blocks across a face: a face, but nobody's.
            const int block = std::max(2, static_cast<int>(std::lround(size / 8.0f)));
            cv::Mat small;
            cv::resize(roi, small, cv::Size(std::max(1, rect.width / block), std::max(1, rect.height / block)), 0, 0, cv::INTER_AREA);
            cv::resize(small, roi, rect.size(), 0, 0, cv::INTER_NEAREST);
        } else {
            // Sigma a sixth of the face: eyes, nose and mouth melt into one shape. Two passes of
            // half the variance each would cost the same; the box edge stays soft either way.
            const double sigma = std::max(1.0, size / 6.0);
            cv::Mat blurred;
            cv::GaussianBlur(roi, blurred, cv::Size(), sigma, sigma, cv::BORDER_REPLICATE | cv::BORDER_ISOLATED);
            blurred.copyTo(roi);
        }
    }
}

std::vector<bool> regionCoverage(int width, int height, const std::vector<FaceRegion>& regions) {
    std::vector<bool> covered(static_cast<size_t>(std::max(0, width)) * static_cast<size_t>(std::max(0, height)), false);
    for (const FaceRegion& region : regions) {
        const cv::Rect rect = pixelRect(region, width, height);
        for (int y = rect.y; y < rect.y + rect.height; ++y)
            for (int x = rect.x; x < rect.x + rect.width; ++x) covered[static_cast<size_t>(y) * width + x] = true;
    }
    return covered;
}

}  // namespace actionlens::privacy
