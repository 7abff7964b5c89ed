#include "core/pose/pose_detection.h"

#include "core/pose/ssd_anchors.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace actionlens::pose {

namespace {

struct Candidate {
    std::array<float, 12> values;  // cx, cy, w, h, keypoints
    float score;
};

double iou(const Candidate& a, const Candidate& b) {
    const double ax0 = a.values[0] - a.values[2] / 2.0, ax1 = a.values[0] + a.values[2] / 2.0;
    const double ay0 = a.values[1] - a.values[3] / 2.0, ay1 = a.values[1] + a.values[3] / 2.0;
    const double bx0 = b.values[0] - b.values[2] / 2.0, bx1 = b.values[0] + b.values[2] / 2.0;
    const double by0 = b.values[1] - b.values[3] / 2.0, by1 = b.values[1] + b.values[3] / 2.0;
    const double iw = std::max(0.0, std::min(ax1, bx1) - std::max(ax0, bx0));
    const double ih = std::max(0.0, std::min(ay1, by1) - std::max(ay0, by0));
    const double inter = iw * ih;
    return inter / (static_cast<double>(a.values[2]) * a.values[3] + static_cast<double>(b.values[2]) * b.values[3] - inter + 1e-9);
}

}  // namespace

std::vector<PoseDetection> decodePoseDetections(const std::vector<float>& rawBoxes, const std::vector<float>& rawScores,
                                                const DetectionDecoding& options) {
    const auto& anchors = blazePoseAnchors();
    const std::size_t count = std::min({anchors.size(), rawScores.size(), rawBoxes.size() / 12});
    const float scale = static_cast<float>(kDetectorInputSize);
    std::vector<Candidate> candidates;
    for (std::size_t a = 0; a < count; ++a) {
        const float logit = std::clamp(rawScores[a], -options.scoreClip, options.scoreClip);
        const float score = 1.0f / (1.0f + std::exp(-logit));
        if (!(score > options.minScore)) continue;
        Candidate c;
        c.score = score;
        const float* raw = rawBoxes.data() + a * 12;
        for (int k = 0; k < 12; ++k) c.values[k] = raw[k] / scale;
        // Box centre and keypoints are offsets from the anchor; width and height are not.
        c.values[0] += anchors[a].x;
        c.values[1] += anchors[a].y;
        for (int k = 4; k < 12; k += 2) {
            c.values[k] += anchors[a].x;
            c.values[k + 1] += anchors[a].y;
        }
        candidates.push_back(c);
    }
    // Stable: equal scores keep anchor order, as the reference's argmax does.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });

    std::vector<PoseDetection> detections;
    std::vector<bool> taken(candidates.size(), false);
    for (std::size_t best = 0; best < candidates.size(); ++best) {
        if (taken[best]) continue;
        // Weighted NMS: the cluster's values averaged by score; the score is the best one's.
        std::array<float, 12> sum{};
        float weight = 0.0f;
        for (std::size_t k = best; k < candidates.size(); ++k) {
            if (taken[k] || iou(candidates[best], candidates[k]) <= options.iouThreshold) continue;
            taken[k] = true;
            for (int v = 0; v < 12; ++v) sum[v] += candidates[k].values[v] * candidates[k].score;
            weight += candidates[k].score;
        }
        PoseDetection d;
        d.cx = sum[0] / weight;
        d.cy = sum[1] / weight;
        d.width = sum[2] / weight;
        d.height = sum[3] / weight;
        for (int k = 0; k < 8; ++k) d.keypoints[k] = sum[4 + k] / weight;
        d.score = candidates[best].score;
        detections.push_back(d);
    }
    return detections;
}

PoseDetection removeLetterbox(const PoseDetection& d, const Letterbox& box) {
    PoseDetection out = d;
    auto x = [&](float v) { return static_cast<float>((v - box.left) / box.width); };
    auto y = [&](float v) { return static_cast<float>((v - box.top) / box.height); };
    out.cx = x(d.cx);
    out.cy = y(d.cy);
    out.width = static_cast<float>(d.width / box.width);
    out.height = static_cast<float>(d.height / box.height);
    for (int k = 0; k < 8; k += 2) {
        out.keypoints[k] = x(d.keypoints[k]);
        out.keypoints[k + 1] = y(d.keypoints[k + 1]);
    }
    return out;
}

}  // namespace actionlens::pose
