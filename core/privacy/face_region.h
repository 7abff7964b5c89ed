#pragma once

// FaceRegion: a rectangle of image pixels (origin top-left, x right, y down) that shows a face
// or a head and is to be made unrecognisable.

#include <vector>

namespace actionlens::privacy {

struct FaceRegion {
    float x = 0.0f;
    float y = 0.0f;
    float width = 0.0f;
    float height = 0.0f;

    float centreX() const { return x + width * 0.5f; }
    float centreY() const { return y + height * 0.5f; }
    bool contains(float px, float py) const { return px >= x && px < x + width && py >= y && py < y + height; }
    // The region grown by `margin` times its size on every side (0.25: a quarter wider each way).
    FaceRegion grown(float margin) const {
        return {x - width * margin, y - height * margin, width * (1.0f + 2.0f * margin), height * (1.0f + 2.0f * margin)};
    }
};

}  // namespace actionlens::privacy
