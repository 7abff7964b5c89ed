#include "core/privacy/face_detector.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <fstream>

namespace actionlens::privacy {

namespace {
constexpr int kSearchWidth = 640;
}

std::string defaultFaceCascadePath() { return "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"; }

struct FaceDetector::Impl {
    cv::CascadeClassifier cascade;
    cv::Mat grey;
    cv::Mat small;
};

FaceDetector::FaceDetector(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
FaceDetector::~FaceDetector() = default;

Result<std::unique_ptr<FaceDetector>> FaceDetector::open(const std::string& cascadePath) {
    if (!std::ifstream(cascadePath).good())
        return makeError("the face detector's cascade '" + cascadePath +
                         "' is missing (Debian package opencv-data: apt-get install opencv-data)");
    auto impl = std::make_unique<Impl>();
    try {
        if (!impl->cascade.load(cascadePath) || impl->cascade.empty())
            return makeError("'" + cascadePath + "' is not an OpenCV cascade classifier file");
    } catch (const cv::Exception& e) {
        return makeError("'" + cascadePath + "' cannot be read as a cascade classifier: " + e.what());
    }
    return std::unique_ptr<FaceDetector>(new FaceDetector(std::move(impl)));
}

std::vector<FaceRegion> FaceDetector::detect(const media::VideoFrame& frame) {
    if (frame.width <= 0 || frame.height <= 0) return {};
    const bool bgrx = frame.layout == media::PixelLayout::Bgrx32;
    const cv::Mat picture(frame.height, frame.width, bgrx ? CV_8UC4 : CV_8UC3, const_cast<uint8_t*>(frame.rgb.data()),
                          static_cast<size_t>(frame.stride));
    cv::cvtColor(picture, d_->grey, bgrx ? cv::COLOR_BGRA2GRAY : cv::COLOR_RGB2GRAY);
    const double scale = frame.width > kSearchWidth ? static_cast<double>(kSearchWidth) / frame.width : 1.0;
    cv::Mat& searched = scale < 1.0 ? d_->small : d_->grey;
    if (scale < 1.0) cv::resize(d_->grey, d_->small, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::equalizeHist(searched, searched);
    std::vector<cv::Rect> faces;
    d_->cascade.detectMultiScale(searched, faces, 1.1, 4, 0, cv::Size(20, 20));
    std::vector<FaceRegion> regions;
    regions.reserve(faces.size());
    for (const cv::Rect& f : faces)
        regions.push_back({static_cast<float>(f.x / scale), static_cast<float>(f.y / scale), static_cast<float>(f.width / scale),
                           static_cast<float>(f.height / scale)});
    return regions;
}

}  // namespace actionlens::privacy
