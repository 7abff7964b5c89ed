#pragma once

// The ways a task head's decision can be explained (explainer.h computes them).

#include <string>
#include <vector>

namespace actionlens::explain {

enum class ExplanationMethod {
    GradCam,          // channel weights = mean gradient; ReLU(sum_c w_c A_c) (Selvaraju et al. 2017)
    GradCamPlusPlus,  // channel weights from second/third-order terms (Chattopadhay et al. 2018)
    HiResCam,         // ReLU(sum_c g_c * A_c) element-wise (Draelos & Carin 2020)
    LayerCam,         // sum_c ReLU(g_c) * A_c element-wise (Jiang et al. 2021)
    Attention,        // the head's own attention weights over (time, joint / place)
    Occlusion,        // the class probability lost when a joint group / space-time block is hidden
};

const char* explanationMethodName(ExplanationMethod method);  // "gradcam", "gradcam++", ...
// False for an unknown name; accepts the names above (case-insensitive).
bool explanationMethodFromName(const std::string& name, ExplanationMethod* method);
std::vector<ExplanationMethod> allExplanationMethods();
// True for the four that take the head's gradient with respect to the trunk's features.
bool isGradientMethod(ExplanationMethod method);

// How a map is scaled to [0, 1] for display: by its maximum over the whole clip (default: frames
// compare with one another), or each frame by its own maximum (every frame shows its own peak).
enum class MapNormalisation { PerClip, PerFrame };
const char* mapNormalisationName(MapNormalisation normalisation);  // "clip", "frame"
bool mapNormalisationFromName(const std::string& name, MapNormalisation* normalisation);

}  // namespace actionlens::explain
