#include "ui/explain/explanation_overlay.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace actionlens::ui {

namespace {

QColor colourOf(explain::HeatColours colours, float value, double alpha) {
    const explain::Rgb c = explain::heatColour(colours, value);
    return QColor(c[0], c[1], c[2], int(std::clamp(alpha, 0.0, 1.0) * 255.0));
}

}  // namespace

const explain::HeadExplanation* ExplanationOverlay::headExplanation() const {
    if (!result_ || head_ < 0 || size_t(head_) >= result_->heads.size() || !result_->covers(frame_)) return nullptr;
    return &result_->heads[size_t(head_)];
}

QImage ExplanationOverlay::videoHeat() const {
    const explain::HeadExplanation* head = headExplanation();
    const explain::StreamExplanation* video = head ? head->stream(explain::Stream::Video) : nullptr;
    if (!video) return {};
    const std::vector<float> heat = explain::mapAtSourceFrame(video->map, frame_ - result_->clip.firstFrame, result_->clip.segmentFrames);
    // One premultiplied colour per level of evidence, so each pixel is a look-up.
    QRgb levels[256];
    for (int i = 0; i < 256; ++i) {
        const float v = float(i) / 255.0f;
        levels[i] = v < style_.threshold ? qRgba(0, 0, 0, 0)
                                         : qPremultiply(colourOf(style_.colours, v, style_.opacity * std::clamp(double(v) * 1.5, 0.3, 1.0)).rgba());
    }
    QImage image(video->map.columns, video->map.rows, QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < image.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        const float* values = heat.data() + size_t(y) * size_t(image.width());
        for (int x = 0; x < image.width(); ++x) row[x] = levels[std::clamp(int(values[x] * 255.0f + 0.5f), 0, 255)];
    }
    return image;
}

QRectF ExplanationOverlay::videoRegion(int frameWidth, int frameHeight) const {
    if (!result_) return {};
    const explain::ClipInput& clip = result_->clip;
    if (clip.regionWidth > 0) return QRectF(clip.regionX, clip.regionY, clip.regionWidth, clip.regionHeight);
    return QRectF(0, 0, frameWidth, frameHeight);
}

void ExplanationOverlay::paint(QPainter& painter, const QTransform& imageToWidget) {
    const explain::HeadExplanation* head = headExplanation();
    if (!head) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QImage heat = videoHeat();
    if (!heat.isNull()) {
        painter.setTransform(imageToWidget);
        const QRectF region = videoRegion(frameWidth_, frameHeight_);
        painter.drawImage(region, heat);
        painter.setPen(QPen(QColor(255, 255, 255, 140), 0, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(region);
        painter.resetTransform();
    }
    const explain::StreamExplanation* skeleton = head->stream(explain::Stream::Skeleton);
    const model::SkeletonClip& poses = result_->skeleton;
    const std::int64_t offset = frame_ - result_->clip.firstFrame;
    if (skeleton && offset >= 0 && offset < poses.frames) {
        const std::vector<float> joints = explain::mapAtSourceFrame(skeleton->map, offset, result_->clip.segmentFrames);
        auto visible = [&](int j) { return j >= 0 && j < poses.joints && size_t(j) < joints.size() && poses.at(2, int(offset), j) > 0.0f; };
        auto at = [&](int j) { return imageToWidget.map(QPointF(poses.at(0, int(offset), j), poses.at(1, int(offset), j))); };
        for (const auto& [a, b] : result_->edges) {
            if (!visible(a) || !visible(b)) continue;
            const float v = 0.5f * (joints[size_t(a)] + joints[size_t(b)]);
            if (v < style_.threshold) continue;
            painter.setPen(QPen(colourOf(style_.colours, v, style_.opacity + 0.3), 2.0 + 4.0 * v, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(at(a), at(b));
        }
        for (int j = 0; j < poses.joints; ++j) {
            if (!visible(j) || joints[size_t(j)] < style_.threshold) continue;
            const float v = joints[size_t(j)];
            const double radius = 4.0 + 8.0 * v;
            painter.setPen(QPen(QColor(255, 255, 255, 200), 1.0));
            painter.setBrush(colourOf(style_.colours, v, style_.opacity + 0.3));
            painter.drawEllipse(at(j), radius, radius);
        }
    }
    painter.restore();
}

void ExplanationOverlay::paintOnto(QImage& image) const {
    ExplanationOverlay onImage = *this;
    onImage.setFrameSize(image.width(), image.height());
    QPainter painter(&image);
    onImage.paint(painter, QTransform());
}

}  // namespace actionlens::ui
