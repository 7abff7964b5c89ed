#include "core/pose/ssd_anchors.h"

#include <array>

namespace actionlens::pose {

namespace {

std::vector<AnchorCentre> makeAnchors() {
    constexpr std::array<int, 5> strides = {8, 16, 32, 32, 32};
    constexpr float offset = 0.5f;
    std::vector<AnchorCentre> anchors;
    std::size_t layer = 0;
    while (layer < strides.size()) {
        // Layers of equal stride are merged; each contributes an anchor of aspect 1 and one of
        // the interpolated scale, which with fixed_anchor_size differ only in size (ignored).
        int perCell = 0;
        std::size_t last = layer;
        while (last < strides.size() && strides[last] == strides[layer]) {
            perCell += 2;
            ++last;
        }
        const int cells = (kDetectorInputSize + strides[layer] - 1) / strides[layer];
        for (int y = 0; y < cells; ++y) {
            for (int x = 0; x < cells; ++x) {
                for (int k = 0; k < perCell; ++k) {
                    anchors.push_back({(static_cast<float>(x) + offset) / static_cast<float>(cells),
                                       (static_cast<float>(y) + offset) / static_cast<float>(cells)});
                }
            }
        }
        layer = last;
    }
    return anchors;
}

}  // namespace

const std::vector<AnchorCentre>& blazePoseAnchors() {
    static const std::vector<AnchorCentre> anchors = makeAnchors();
    return anchors;
}

}  // namespace actionlens::pose
