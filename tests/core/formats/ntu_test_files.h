#pragma once

// NTU RGB+D .skeleton texts in the official layout, written by the tests of the ntu-rgbd format.

#include <cstdio>
#include <string>
#include <vector>

namespace actionlens::fixtures {

struct NtuTestBody {
    std::string bodyId;
    double x0 = 0;  // colorX of joint 0; joint j lies at (x0 + j, y0 + 2j)
    double y0 = 0;
    int trackingState = 2;  // of every joint but the ones below
    int inferredJoint = -1;   // this joint's state is 1
    int untrackedJoint = -1;  // this joint's state is 0
};

inline std::string ntuBodyText(const NtuTestBody& body) {
    std::string text = body.bodyId + " 0 1 1 1 1 0 0.0123 -0.456 2\n25\n";
    for (int j = 0; j < 25; ++j) {
        const int state = j == body.inferredJoint ? 1 : j == body.untrackedJoint ? 0 : body.trackingState;
        char line[256];
        std::snprintf(line, sizeof line, "0.1 0.2 3.5 250.5 200.25 %g %g -0.1 0.2 0.3 0.9 %d\n", body.x0 + j, body.y0 + 2 * j, state);
        text += line;
    }
    return text;
}

// `frames[f]` are the bodies of frame f.
inline std::string ntuSkeletonText(const std::vector<std::vector<NtuTestBody>>& frames) {
    std::string text = std::to_string(frames.size()) + "\n";
    for (const auto& bodies : frames) {
        text += std::to_string(bodies.size()) + "\n";
        for (const NtuTestBody& body : bodies) text += ntuBodyText(body);
    }
    return text;
}

}  // namespace actionlens::fixtures
