#include "core/media/image_sequence_source.h"

#include "core/media/opencv_frames.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <system_error>

namespace actionlens::media {

namespace fs = std::filesystem;

namespace {

bool isImageFile(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    static const char* const kExtensions[] = {".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp", ".ppm", ".pgm"};
    return std::any_of(std::begin(kExtensions), std::end(kExtensions), [&](const char* e) { return ext == e; });
}

constexpr int64_t kTicksPerSecond = 1000000;  // image sequences are timed in microseconds

}  // namespace

bool naturalLess(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool da = std::isdigit(static_cast<unsigned char>(a[i]));
        const bool db = std::isdigit(static_cast<unsigned char>(b[j]));
        if (da && db) {
            size_t ie = i, je = j;
            while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
            while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
            // Compare by value: strip leading zeros, then longer is larger, then lexicographic.
            size_t is = i, js = j;
            while (is + 1 < ie && a[is] == '0') ++is;
            while (js + 1 < je && b[js] == '0') ++js;
            const size_t la = ie - is, lb = je - js;
            if (la != lb) return la < lb;
            const int c = a.compare(is, la, b, js, lb);
            if (c != 0) return c < 0;
            if ((ie - i) != (je - j)) return (ie - i) < (je - j);  // "01" before "001" for a stable order
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    return (a.size() - i) < (b.size() - j);
}

Result<std::unique_ptr<ImageSequenceSource>> ImageSequenceSource::open(const std::string& folder, const OpenOptions& options) {
    if (!(options.imageSequenceFps > 0 && std::isfinite(options.imageSequenceFps))) {
        return makeError("image sequence '" + folder + "': the frame rate must be positive");
    }
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) return makeError("cannot list '" + folder + "': " + ec.message());
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : it) {
        if (entry.is_regular_file(ec) && isImageFile(entry.path())) names.push_back(entry.path().filename().string());
    }
    if (names.empty()) return makeError("'" + folder + "' holds no images (jpg, png, bmp, tif, webp)");
    std::sort(names.begin(), names.end(), naturalLess);

    std::unique_ptr<ImageSequenceSource> source(new ImageSequenceSource());
    for (const std::string& name : names) source->files_.push_back((fs::path(folder) / name).string());

    const cv::Mat first = cv::imread(source->files_.front(), cv::IMREAD_COLOR);
    if (first.empty()) return makeError("'" + source->files_.front() + "' is not a readable image");

    std::vector<FrameIndexEntry> entries(source->files_.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        const auto ticks = static_cast<int64_t>(std::llround(static_cast<double>(i) * kTicksPerSecond / options.imageSequenceFps));
        entries[i] = FrameIndexEntry{ticks, ticks, -1, true};
    }
    source->index_ = FrameIndex(std::move(entries), TimeBase{1, static_cast<int>(kTicksPerSecond)});

    std::string extension = fs::path(names.front()).extension().string();
    if (!extension.empty()) extension.erase(0, 1);
    source->outputWidth_ = options.outputWidth;
    source->outputHeight_ = options.outputHeight;
    source->pixelLayout_ = options.pixelLayout;
    VideoInfo& info = source->info_;
    info.path = folder;
    info.container = "image sequence";
    info.codec = extension;
    info.width = options.outputWidth > 0 ? options.outputWidth : first.cols;
    info.height = options.outputHeight > 0 ? options.outputHeight : first.rows;
    info.frameCount = source->index_.frameCount();
    info.fps = options.imageSequenceFps;
    info.durationSeconds = info.frameCount / options.imageSequenceFps;
    info.variableFrameRate = false;
    return source;
}

Result<FramePtr> ImageSequenceSource::readFrame(int frame, const PassedFrameSink*) {
    const int count = index_.frameCount();
    if (frame < 0 || frame >= count) {
        return frameOutOfRange(frame, count);
    }
    const std::string& file = files_[static_cast<size_t>(frame)];
    cv::Mat bgr = cv::imread(file, cv::IMREAD_COLOR);
    if (bgr.empty()) return makeError("frame " + std::to_string(frame) + ": '" + file + "' is not a readable image");
    ++stats_.framesDecoded;
    if (outputWidth_ > 0 && outputHeight_ > 0) {
        cv::resize(bgr, bgr, cv::Size(outputWidth_, outputHeight_), 0, 0, cv::INTER_AREA);
    } else if (bgr.cols != info_.width || bgr.rows != info_.height) {
        return makeError("frame " + std::to_string(frame) + ": '" + file + "' is " + std::to_string(bgr.cols) + "x" +
                         std::to_string(bgr.rows) + ", but the sequence is " + std::to_string(info_.width) + "x" +
                         std::to_string(info_.height) + " (the size of its first image)");
    }
    std::shared_ptr<VideoFrame> out = rgbFrameFromBgr(bgr, pixelLayout_);
    out->index = frame;
    out->pts = index_.entry(frame).pts;
    out->seconds = index_.seconds(frame);
    ++stats_.framesConverted;
    return FramePtr(std::move(out));
}

}  // namespace actionlens::media
