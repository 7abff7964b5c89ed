#include "core/media/image_io.h"

#include "core/media/opencv_frames.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <filesystem>

namespace actionlens::media {

Status saveFrameImage(const VideoFrame& frame, const std::string& path) {
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension.empty()) return makeError("'" + path + "' has no extension to choose the image format by (.png, .jpg)");
    const bool bgrx = frame.layout == PixelLayout::Bgrx32;
    const cv::Mat pixels(frame.height, frame.width, bgrx ? CV_8UC4 : CV_8UC3, const_cast<uint8_t*>(frame.rgb.data()),
                         static_cast<size_t>(frame.stride));
    cv::Mat bgr;
    cv::cvtColor(pixels, bgr, bgrx ? cv::COLOR_BGRA2BGR : cv::COLOR_RGB2BGR);
    std::vector<uchar> bytes;
    try {
        if (!cv::imencode(extension, bgr, bytes)) return makeError("cannot encode '" + path + "' as " + extension);
    } catch (const cv::Exception&) {
        return makeError("'" + extension + "' is not an image format this build can write (use .png or .jpg)");
    }
    const std::string temporary = path + ".part";
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file) return makeError("cannot write '" + path + "'");
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed) {
        std::remove(temporary.c_str());
        return makeError("cannot write '" + path + "' (disk full?)");
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return makeError("cannot move the image into '" + path + "'");
    }
    return Status::success();
}

Result<FramePtr> loadImageAsFrame(const std::string& path) {
    const cv::Mat bgr = cv::imread(path, cv::IMREAD_COLOR);
    if (bgr.empty()) return makeError("'" + path + "' is not a readable image");
    return FramePtr(rgbFrameFromBgr(bgr));
}

std::shared_ptr<VideoFrame> rgbFrameFromBgr(const cv::Mat& bgr, PixelLayout layout) {
    auto frame = std::make_shared<VideoFrame>();
    frame->width = bgr.cols;
    frame->height = bgr.rows;
    frame->layout = layout;
    frame->stride = alignedStride(bgr.cols, layout);
    frame->rgb.resize(static_cast<size_t>(frame->stride) * bgr.rows);
    const bool bgrx = layout == PixelLayout::Bgrx32;
    cv::Mat out(bgr.rows, bgr.cols, bgrx ? CV_8UC4 : CV_8UC3, frame->rgb.data(), static_cast<size_t>(frame->stride));
    cv::cvtColor(bgr, out, bgrx ? cv::COLOR_BGR2BGRA : cv::COLOR_BGR2RGB);  // BGRA: alpha 255
    return frame;
}

}  // namespace actionlens::media
