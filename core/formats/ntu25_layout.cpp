#include "core/formats/ntu25_layout.h"

namespace actionlens::formats {

annotation::SkeletonLayout ntu25Layout() {
    // NTU's names (1-based there): 1 base of the spine ... 21 spine (Kinect's SpineShoulder),
    // 22 tip of the left hand, 23 left thumb, 24 tip of the right hand, 25 right thumb.
    return {0, kNtu25LayoutName,
            {"spine_base", "spine_middle", "neck", "head", "left_shoulder", "left_elbow", "left_wrist", "left_hand",
             "right_shoulder", "right_elbow", "right_wrist", "right_hand", "left_hip", "left_knee", "left_ankle", "left_foot",
             "right_hip", "right_knee", "right_ankle", "right_foot", "spine", "left_hand_tip", "left_thumb", "right_hand_tip",
             "right_thumb"},
            {{3, 2}, {2, 20}, {20, 1}, {1, 0},                           // head down the spine
             {20, 4}, {4, 5}, {5, 6}, {6, 7}, {7, 21}, {6, 22},         // left arm and hand
             {20, 8}, {8, 9}, {9, 10}, {10, 11}, {11, 23}, {10, 24},    // right arm and hand
             {0, 12}, {12, 13}, {13, 14}, {14, 15},                     // left leg
             {0, 16}, {16, 17}, {17, 18}, {18, 19}},                    // right leg
            {{4, 8}, {5, 9}, {6, 10}, {7, 11}, {12, 16}, {13, 17}, {14, 18}, {15, 19}, {21, 23}, {22, 24}}};
}

}  // namespace actionlens::formats
