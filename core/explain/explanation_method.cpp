#include "core/explain/explanation_method.h"

#include <algorithm>
#include <cctype>

namespace actionlens::explain {

const char* explanationMethodName(ExplanationMethod method) {
    switch (method) {
    case ExplanationMethod::GradCam: return "gradcam";
    case ExplanationMethod::GradCamPlusPlus: return "gradcam++";
    case ExplanationMethod::HiResCam: return "hirescam";
    case ExplanationMethod::LayerCam: return "layercam";
    case ExplanationMethod::Attention: return "attention";
    case ExplanationMethod::Occlusion: return "occlusion";
    }
    return "gradcam";
}

bool explanationMethodFromName(const std::string& name, ExplanationMethod* method) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower == "gradcampp" || lower == "gradcam-pp") lower = "gradcam++";
    for (ExplanationMethod m : allExplanationMethods())
        if (lower == explanationMethodName(m)) {
            *method = m;
            return true;
        }
    return false;
}

std::vector<ExplanationMethod> allExplanationMethods() {
    return {ExplanationMethod::GradCam, ExplanationMethod::GradCamPlusPlus, ExplanationMethod::HiResCam,
            ExplanationMethod::LayerCam, ExplanationMethod::Attention, ExplanationMethod::Occlusion};
}

bool isGradientMethod(ExplanationMethod method) {
    return method != ExplanationMethod::Attention && method != ExplanationMethod::Occlusion;
}

const char* mapNormalisationName(MapNormalisation normalisation) {
    return normalisation == MapNormalisation::PerFrame ? "frame" : "clip";
}

bool mapNormalisationFromName(const std::string& name, MapNormalisation* normalisation) {
    if (name == "clip") *normalisation = MapNormalisation::PerClip;
    else if (name == "frame") *normalisation = MapNormalisation::PerFrame;
    else return false;
    return true;
}

}  // namespace actionlens::explain
