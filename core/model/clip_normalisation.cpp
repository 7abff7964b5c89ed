#include "core/model/clip_normalisation.h"

#include <algorithm>
#include <limits>
#include <string>

namespace actionlens::model {

Status normaliseClip(SkeletonClip& clip, const ClipNormalisation& options) {
    if (clip.frames < 0 || clip.joints < 0)
        return makeError("clip has a negative size (" + std::to_string(clip.frames) + " frames, " +
                         std::to_string(clip.joints) + " joints)");
    const size_t expected = size_t(kSkeletonChannels) * clip.frames * clip.joints;
    if (clip.values.size() != expected)
        return makeError("clip has " + std::to_string(clip.values.size()) + " values, expected " +
                         std::to_string(expected) + " (3 x " + std::to_string(clip.frames) +
                         " frames x " + std::to_string(clip.joints) + " joints)");

    double sumX = 0.0, sumY = 0.0;
    size_t visible = 0;
    float minX = std::numeric_limits<float>::max(), minY = minX;
    float maxX = std::numeric_limits<float>::lowest(), maxY = maxX;
    for (int t = 0; t < clip.frames; ++t) {
        for (int j = 0; j < clip.joints; ++j) {
            if (!(clip.at(2, t, j) > options.visibilityThreshold)) continue;
            const float x = clip.at(0, t, j), y = clip.at(1, t, j);
            sumX += x;
            sumY += y;
            ++visible;
            minX = std::min(minX, x);
            maxX = std::max(maxX, x);
            minY = std::min(minY, y);
            maxY = std::max(maxY, y);
        }
    }

    const double cx = visible ? sumX / double(visible) : 0.0;
    const double cy = visible ? sumY / double(visible) : 0.0;
    const double extent = visible ? std::max(maxX - minX, maxY - minY) : 0.0;
    const double scale = extent > 0.0 ? 1.0 / extent : 1.0;
    for (int t = 0; t < clip.frames; ++t) {
        for (int j = 0; j < clip.joints; ++j) {
            const bool isVisible = clip.at(2, t, j) > options.visibilityThreshold;
            float& x = clip.at(0, t, j);
            float& y = clip.at(1, t, j);
            x = isVisible ? float((x - cx) * scale) : 0.0f;
            y = isVisible ? float((y - cy) * scale) : 0.0f;
        }
    }
    return Status::success();
}

}  // namespace actionlens::model
