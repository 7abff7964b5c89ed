#include "core/annotation/skeleton_layout.h"

#include <set>

namespace actionlens::annotation {

int SkeletonLayout::jointIndex(const std::string& jointName) const {
    for (size_t i = 0; i < joints.size(); ++i)
        if (joints[i] == jointName) return static_cast<int>(i);
    return -1;
}

namespace {

SkeletonLayout coco17() {
    return {0, "COCO-17",
            {"nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder",
             "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee",
             "right_knee", "left_ankle", "right_ankle"},
            {{15, 13}, {13, 11}, {16, 14}, {14, 12}, {11, 12}, {5, 11}, {6, 12}, {5, 6}, {5, 7}, {6, 8},
             {7, 9}, {8, 10}, {1, 2}, {0, 1}, {0, 2}, {1, 3}, {2, 4}, {3, 5}, {4, 6}},
            {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}, {13, 14}, {15, 16}}};
}

// The order of Penn Action's annotation files.
SkeletonLayout penn13() {
    return {0, "Penn-13",
            {"head", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
             "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle"},
            {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {3, 5}, {2, 4}, {4, 6}, {1, 7}, {2, 8}, {7, 8}, {7, 9}, {9, 11},
             {8, 10}, {10, 12}},
            {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}}};
}

SkeletonLayout body25() {
    return {0, "BODY_25",
            {"nose", "neck", "right_shoulder", "right_elbow", "right_wrist", "left_shoulder", "left_elbow",
             "left_wrist", "mid_hip", "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee",
             "left_ankle", "right_eye", "left_eye", "right_ear", "left_ear", "left_big_toe", "left_small_toe",
             "left_heel", "right_big_toe", "right_small_toe", "right_heel"},
            {{1, 8}, {1, 2}, {1, 5}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {9, 10}, {10, 11}, {8, 12},
             {12, 13}, {13, 14}, {1, 0}, {0, 15}, {15, 17}, {0, 16}, {16, 18}, {14, 19}, {19, 20}, {14, 21},
             {11, 22}, {22, 23}, {11, 24}},
            {{5, 2}, {6, 3}, {7, 4}, {12, 9}, {13, 10}, {14, 11}, {16, 15}, {18, 17}, {19, 22}, {20, 23},
             {21, 24}}};
}

SkeletonLayout mediapipe33() {
    return {0, "MediaPipe-33",
            {"nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye",
             "right_eye_outer", "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder",
             "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_pinky",
             "right_pinky", "left_index", "right_index", "left_thumb", "right_thumb", "left_hip", "right_hip",
             "left_knee", "right_knee", "left_ankle", "right_ankle", "left_heel", "right_heel",
             "left_foot_index", "right_foot_index"},
            {{0, 1}, {1, 2}, {2, 3}, {3, 7}, {0, 4}, {4, 5}, {5, 6}, {6, 8}, {9, 10}, {11, 12}, {11, 13},
             {13, 15}, {15, 17}, {15, 19}, {15, 21}, {17, 19}, {12, 14}, {14, 16}, {16, 18}, {16, 20},
             {16, 22}, {18, 20}, {11, 23}, {12, 24}, {23, 24}, {23, 25}, {24, 26}, {25, 27}, {26, 28},
             {27, 29}, {28, 30}, {29, 31}, {30, 32}, {27, 31}, {28, 32}},
            {{1, 4}, {2, 5}, {3, 6}, {7, 8}, {9, 10}, {11, 12}, {13, 14}, {15, 16}, {17, 18}, {19, 20},
             {21, 22}, {23, 24}, {25, 26}, {27, 28}, {29, 30}, {31, 32}}};
}

}  // namespace

const std::vector<SkeletonLayout>& builtinSkeletonLayouts() {
    static const std::vector<SkeletonLayout> layouts{coco17(), penn13(), body25(), mediapipe33()};
    return layouts;
}

Status validateSkeletonLayout(const SkeletonLayout& layout) {
    if (layout.name.empty()) return makeError("a skeleton layout needs a name");
    if (layout.joints.empty()) return makeError("skeleton layout '" + layout.name + "' has no joints");
    std::set<std::string> names;
    for (const std::string& joint : layout.joints) {
        if (joint.empty()) return makeError("skeleton layout '" + layout.name + "' has a joint without a name");
        if (!names.insert(joint).second)
            return makeError("skeleton layout '" + layout.name + "' names two joints '" + joint + "'");
    }
    const int n = static_cast<int>(layout.joints.size());
    auto inRange = [n](std::pair<int, int> p) { return p.first >= 0 && p.first < n && p.second >= 0 && p.second < n; };
    for (const auto& edge : layout.edges)
        if (!inRange(edge) || edge.first == edge.second)
            return makeError("skeleton layout '" + layout.name + "': edge (" + std::to_string(edge.first) + ", " +
                             std::to_string(edge.second) + ") does not join two of its " + std::to_string(n) + " joints");
    std::set<int> paired;
    for (const auto& pair : layout.mirrorPairs)
        if (!inRange(pair) || pair.first == pair.second || !paired.insert(pair.first).second ||
            !paired.insert(pair.second).second)
            return makeError("skeleton layout '" + layout.name + "': left/right pair (" + std::to_string(pair.first) +
                             ", " + std::to_string(pair.second) + ") is out of range or reuses a joint");
    return Status::success();
}

}  // namespace actionlens::annotation
