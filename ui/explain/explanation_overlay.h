#pragma once

// ExplanationOverlay: one task head's explanation drawn over the video at the frame shown. A
// video map is laid over the subject's crop (the square the network saw) as a heat image whose
// opacity grows with the evidence; a skeleton map colours and sizes the joints and bones of the
// stretch's poses. Values under the threshold are not drawn, so the picture stays readable.

#include "core/explain/heat_colours.h"
#include "ui/explain/explanation_session.h"
#include "ui/player/video_overlay.h"

#include <QImage>

#include <memory>

namespace actionlens::ui {

struct ExplanationStyle {
    explain::HeatColours colours = explain::HeatColours::Viridis;
    double opacity = 0.6;    // of the strongest evidence
    double threshold = 0.2;  // evidence below it is not drawn
};

class ExplanationOverlay : public VideoOverlay {
public:
    void setResult(std::shared_ptr<const ExplanationResult> result) { result_ = std::move(result); }
    const std::shared_ptr<const ExplanationResult>& result() const { return result_; }
    void setHead(int head) { head_ = head; }
    int head() const { return head_; }
    void setFrame(std::int64_t frame) { frame_ = frame; }
    void setStyle(const ExplanationStyle& style) { style_ = style; }
    // The picture's size, for a whole-frame video map (no crop); set by whoever shows frames.
    void setFrameSize(int width, int height) {
        frameWidth_ = width;
        frameHeight_ = height;
    }
    const ExplanationStyle& style() const { return style_; }

    // The heat image of the video map at the frame (map rows x columns, premultiplied ARGB);
    // null without a video map or outside the stretch.
    QImage videoHeat() const;
    // The frame's region the network saw, in image pixels; empty without a video map.
    QRectF videoRegion(int frameWidth, int frameHeight) const;

    void paint(QPainter& painter, const QTransform& imageToWidget) override;
    // Draws into `image` (the frame picture, image pixels): the side-by-side previews.
    void paintOnto(QImage& image) const;

private:
    const explain::HeadExplanation* headExplanation() const;

    std::shared_ptr<const ExplanationResult> result_;
    int head_ = 0;
    std::int64_t frame_ = 0;
    ExplanationStyle style_;
    int frameWidth_ = 0;
    int frameHeight_ = 0;
};

}  // namespace actionlens::ui
