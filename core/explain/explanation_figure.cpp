#include "core/explain/explanation_figure.h"

#include "core/media/frame_source.h"
#include "core/media/video_encoder.h"
#include "core/train/rgb_augmentation.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actionlens::explain {

namespace {

const cv::Scalar kInk(40, 40, 40), kPaper(255, 255, 255), kGrid(210, 210, 210);

cv::Scalar bgrOf(const Rgb& c) { return cv::Scalar(c[2], c[1], c[0]); }

void text(cv::Mat& canvas, const std::string& s, int x, int y, double scale = 0.45, const cv::Scalar& colour = kInk) {
    cv::putText(canvas, s, cv::Point(x, y), cv::FONT_HERSHEY_SIMPLEX, scale, colour, 1, cv::LINE_AA);
}

std::string probabilityText(float p) {
    char s[32];
    std::snprintf(s, sizeof s, "%.2f", double(p));
    return s;
}

// The temporal importance curve over [x0, x0 + width), its peak at the top.
void drawCurve(cv::Mat& canvas, const std::vector<float>& curve, int x0, int y0, int width, int height, const ClipInput& clip) {
    cv::rectangle(canvas, cv::Rect(x0, y0, width, height), kGrid, 1);
    if (curve.empty()) return;
    const float peak = std::max(1e-9f, *std::max_element(curve.begin(), curve.end()));
    std::vector<cv::Point> points;
    for (size_t t = 0; t < curve.size(); ++t) {
        const int x = x0 + int((double(t) + 0.5) * width / double(curve.size()));
        points.push_back(cv::Point(x, y0 + height - 2 - int(double(curve[t] / peak) * (height - 6))));
    }
    cv::polylines(canvas, points, false, cv::Scalar(180, 110, 30), 2, cv::LINE_AA);
    text(canvas, "importance over time", x0 + 4, y0 + 14, 0.4);
    text(canvas, "frame " + std::to_string(clip.firstFrame), x0, y0 + height + 16, 0.4);
    const std::string last = "frame " + std::to_string(clip.firstFrame + clip.segmentFrames - 1);
    text(canvas, last, x0 + width - 8 * int(last.size()), y0 + height + 16, 0.4);
}

void drawColourBar(cv::Mat& canvas, HeatColours colours, int x0, int y0, int height) {
    for (int y = 0; y < height; ++y) {
        const Rgb c = heatColour(colours, 1.0f - float(y) / float(std::max(1, height - 1)));
        cv::line(canvas, cv::Point(x0, y0 + y), cv::Point(x0 + 14, y0 + y), bgrOf(c));
    }
    text(canvas, "1", x0 + 18, y0 + 10, 0.4);
    text(canvas, "0", x0 + 18, y0 + height, 0.4);
}

// The network's view of clip frame t as an 8-bit BGR image (undoing the normalisation).
cv::Mat viewFrame(const model::VideoBatch& video, int t) {
    cv::Mat out(video.height, video.width, CV_8UC3);
    const size_t plane = size_t(video.frames) * video.height * video.width;
    for (int y = 0; y < video.height; ++y)
        for (int x = 0; x < video.width; ++x)
            for (int c = 0; c < 3; ++c) {
                const float v = video.values[size_t(c) * plane + (size_t(t) * video.height + y) * video.width + x];
                const float value = (v * train::kRgbStd[c] + train::kRgbMean[c]) * 255.0f;
                out.at<cv::Vec3b>(y, x)[2 - c] = cv::saturate_cast<std::uint8_t>(value);
            }
    return out;
}

// Blends a [0, 1] heat (rows x columns floats) over an image of the same size.
void blendHeat(cv::Mat& image, const float* heat, HeatColours colours, double opacity) {
    for (int y = 0; y < image.rows; ++y)
        for (int x = 0; x < image.cols; ++x) {
            const float h = heat[size_t(y) * image.cols + x];
            const Rgb c = heatColour(colours, h);
            // Weak evidence shows less: the heat's opacity grows with its value.
            const double a = opacity * std::clamp(double(h) * 1.5, 0.15, 1.0);
            cv::Vec3b& p = image.at<cv::Vec3b>(y, x);
            for (int k = 0; k < 3; ++k) p[k] = cv::saturate_cast<std::uint8_t>((1.0 - a) * p[k] + a * c[size_t(2 - k)]);
        }
}

}  // namespace

Status writeExplanationFigure(const std::string& path, const HeadExplanation& head, const ClipInput& clip,
                              const std::vector<std::string>& jointNames, const FigureStyle& style) {
    const int left = 130, stripWidth = 640, right = 60, curveHeight = 90;
    int height = 40;
    for (const StreamExplanation& e : head.streams)
        height += (e.stream == Stream::Skeleton ? 16 * e.map.columns : 90) + curveHeight + 50;
    cv::Mat canvas(height, left + stripWidth + right, CV_8UC3, kPaper);
    text(canvas, head.taskName + ": " + head.className + " (p = " + probabilityText(head.probability) + "), " +
                     explanationMethodName(head.method),
         10, 24, 0.6);
    int y = 40;
    for (const StreamExplanation& e : head.streams) {
        const ExplanationMap& m = e.map;
        if (e.stream == Stream::Skeleton) {
            const int row = 16;
            for (int j = 0; j < m.columns; ++j) {
                const std::string name = size_t(j) < jointNames.size() ? jointNames[size_t(j)] : "joint " + std::to_string(j);
                text(canvas, name, 8, y + j * row + 12, 0.4);
                for (int t = 0; t < m.frames; ++t) {
                    const int x0 = left + t * stripWidth / m.frames, x1 = left + (t + 1) * stripWidth / m.frames;
                    cv::rectangle(canvas, cv::Rect(x0, y + j * row, std::max(1, x1 - x0), row - 1),
                                  bgrOf(heatColour(style.colours, m.at(t, 0, j))), cv::FILLED);
                }
            }
            drawColourBar(canvas, style.colours, left + stripWidth + 12, y, row * m.columns);
            y += row * m.columns + 8;
        } else {
            // Up to eight of the view's frames, evenly spread.
            const int shown = std::min(8, m.frames), side = stripWidth / 8 - 4;
            for (int k = 0; k < shown; ++k) {
                const int t = shown > 1 ? k * (m.frames - 1) / (shown - 1) : 0;
                cv::Mat frame = viewFrame(clip.video, t);
                blendHeat(frame, &m.values[size_t(t) * m.cellsPerFrame()], style.colours, style.opacity);
                cv::Mat scaled;
                cv::resize(frame, scaled, cv::Size(side, side), 0, 0, cv::INTER_AREA);
                scaled.copyTo(canvas(cv::Rect(left + k * (side + 4), y, side, side)));
            }
            text(canvas, "video view", 8, y + 14, 0.4);
            drawColourBar(canvas, style.colours, left + stripWidth + 12, y, side);
            y += side + 8;
        }
        drawCurve(canvas, e.temporal, left, y, stripWidth, curveHeight, clip);
        text(canvas, streamName(e.stream), 8, y + 14, 0.4);
        y += curveHeight + 42;
    }
    try {
        if (!cv::imwrite(path, canvas)) return makeError("cannot write the figure '" + path + "'");
    } catch (const cv::Exception& e) {
        return makeError("cannot write the figure '" + path + "': " + e.what());
    }
    return Status::success();
}

Status writeExplanationVideo(const std::string& path, const HeadExplanation& head, const ClipInput& clip,
                             const OverlaySkeleton& overlay, const FigureStyle& style) {
    if (clip.videoPath.empty()) return makeError("the clip has no video file to draw over");
    Result<std::unique_ptr<media::FrameSource>> source = media::openFrameSource(clip.videoPath);
    if (!source) return makeError("cannot open '" + clip.videoPath + "': " + source.error());
    const media::VideoInfo& info = source.value()->info();
    const int width = info.width + info.width % 2, height = info.height + info.height % 2;
    media::EncoderSettings settings;
    settings.width = width;
    settings.height = height;
    settings.fpsNum = std::max(1, int(std::lround(info.fps > 0 ? info.fps * 1000.0 : 25000.0)));
    settings.fpsDen = 1000;
    Result<std::unique_ptr<media::VideoEncoder>> encoder = media::VideoEncoder::open(path, settings);
    if (!encoder) return encoder.takeError();
    const StreamExplanation* skeleton = head.stream(Stream::Skeleton);
    const StreamExplanation* video = head.stream(Stream::Video);
    const std::string caption = head.taskName + ": " + head.className + " (p = " + probabilityText(head.probability) + "), " +
                                explanationMethodName(head.method);
    for (std::int64_t offset = 0; offset < clip.segmentFrames; ++offset) {
        const int index = int(clip.firstFrame + offset);
        Result<media::FramePtr> frame = source.value()->readFrame(index);
        if (!frame) return makeError("cannot read frame " + std::to_string(index) + " of '" + clip.videoPath + "': " + frame.error());
        const media::VideoFrame& f = *frame.value();
        cv::Mat rgb(f.height, f.width, CV_8UC3, const_cast<std::uint8_t*>(f.rgb.data()), size_t(f.stride));
        cv::Mat image(height, width, CV_8UC3, cv::Scalar(0, 0, 0));
        cv::cvtColor(rgb, image(cv::Rect(0, 0, f.width, f.height)), cv::COLOR_RGB2BGR);
        if (video) {
            const std::vector<float> heat = mapAtSourceFrame(video->map, offset, clip.segmentFrames);
            const bool whole = clip.regionWidth <= 0;
            const cv::Rect region = whole ? cv::Rect(0, 0, f.width, f.height)
                                          : cv::Rect(clip.regionX, clip.regionY, clip.regionWidth, clip.regionHeight);
            cv::Mat small(video->map.rows, video->map.columns, CV_32F, const_cast<float*>(heat.data()));
            cv::Mat scaled;
            cv::resize(small, scaled, region.size(), 0, 0, cv::INTER_LINEAR);
            const cv::Rect visible = region & cv::Rect(0, 0, f.width, f.height);
            if (visible.area() > 0) {
                cv::Mat part = image(visible);
                cv::Mat heatPart = scaled(cv::Rect(visible.x - region.x, visible.y - region.y, visible.width, visible.height)).clone();
                blendHeat(part, heatPart.ptr<float>(), style.colours, style.opacity);
                cv::rectangle(image, region, cv::Scalar(230, 230, 230), 1);
            }
        }
        if (skeleton && offset < overlay.skeleton.frames) {
            const std::vector<float> joints = mapAtSourceFrame(skeleton->map, offset, clip.segmentFrames);
            const model::SkeletonClip& s = overlay.skeleton;
            auto visible = [&](int j) { return j >= 0 && j < s.joints && s.at(2, int(offset), j) > 0.0f; };
            auto point = [&](int j) { return cv::Point(int(std::lround(s.at(0, int(offset), j))), int(std::lround(s.at(1, int(offset), j)))); };
            for (const auto& [a, b] : overlay.edges) {
                if (!visible(a) || !visible(b) || size_t(a) >= joints.size() || size_t(b) >= joints.size()) continue;
                const float v = 0.5f * (joints[size_t(a)] + joints[size_t(b)]);
                cv::line(image, point(a), point(b), bgrOf(heatColour(style.colours, v)), 2 + int(3 * v), cv::LINE_AA);
            }
            for (int j = 0; j < s.joints && size_t(j) < joints.size(); ++j) {
                if (!visible(j)) continue;
                const float v = joints[size_t(j)];
                cv::circle(image, point(j), 3 + int(6 * v), bgrOf(heatColour(style.colours, v)), cv::FILLED, cv::LINE_AA);
                cv::circle(image, point(j), 3 + int(6 * v), cv::Scalar(255, 255, 255), 1, cv::LINE_AA);
            }
        }
        // Small videos get small type, so the caption fits.
        const double scale = std::clamp(width / 900.0, 0.3, 0.6);
        const int bar = int(std::lround(40 * scale));
        cv::rectangle(image, cv::Rect(0, 0, width, bar), cv::Scalar(0, 0, 0), cv::FILLED);
        text(image, caption + "  frame " + std::to_string(index), 4, bar - int(std::lround(12 * scale)), scale, cv::Scalar(255, 255, 255));
        cv::Mat out;
        cv::cvtColor(image, out, cv::COLOR_BGR2RGB);
        if (Status s = encoder.value()->write(out.data, int(out.step)); !s) return s;
    }
    return encoder.value()->finish();
}

}  // namespace actionlens::explain
