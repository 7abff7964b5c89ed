#include "core/pose/detector_input.h"

#include "core/pose/ssd_anchors.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace actionlens::pose {

DetectorInput makeDetectorInput(const RgbImageView& image, LetterboxMode mode) {
    constexpr int size = kDetectorInputSize;
    const cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels), image.stride);
    const double scale = static_cast<double>(size) / std::max(image.width, image.height);
    DetectorInput input;
    cv::Mat canvas;  // float32 RGB, 0..255
    if (mode == LetterboxMode::ReferenceResize) {
        // Python's round() rounds halves to even, as nearbyint does in the default mode.
        const int nw = static_cast<int>(std::nearbyint(image.width * scale));
        const int nh = static_cast<int>(std::nearbyint(image.height * scale));
        const int left = (size - nw) / 2, top = (size - nh) / 2;
        cv::Mat asFloat, resized;
        rgb.convertTo(asFloat, CV_32FC3);
        cv::resize(asFloat, resized, cv::Size(nw, nh), 0, 0, cv::INTER_LINEAR);
        canvas = cv::Mat::zeros(size, size, CV_32FC3);
        resized.copyTo(canvas(cv::Rect(left, top, nw, nh)));
        input.letterbox = {static_cast<double>(left) / size, static_cast<double>(top) / size, static_cast<double>(nw) / size,
                           static_cast<double>(nh) / size};
    } else {
        const double width = image.width * scale, height = image.height * scale;
        const double left = (size - width) / 2.0, top = (size - height) / 2.0;
        const cv::Matx23d imageToTensor(scale, 0, left, 0, scale, top);
        cv::Mat warped;
        cv::warpAffine(rgb, warped, imageToTensor, cv::Size(size, size), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(0));
        warped.convertTo(canvas, CV_32FC3);
        input.letterbox = {left / size, top / size, width / size, height / size};
    }
    input.values.resize(static_cast<std::size_t>(size) * size * 3);
    const float* src = canvas.ptr<float>(0);
    for (std::size_t i = 0; i < input.values.size(); ++i) input.values[i] = src[i] / 127.5f - 1.0f;
    return input;
}

}  // namespace actionlens::pose
