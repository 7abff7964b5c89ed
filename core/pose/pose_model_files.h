#pragma once

// Where the BlazePose model files live. They are not part of the repository: the set-up
// script packaging/install-pose-models.sh installs them into the user's data folder
// (${XDG_DATA_HOME:-~/.local/share}/actionlens/models/pose); ACTIONLENS_POSE_MODELS=DIR
// points elsewhere (the same variable the script honours).

#include "core/common/result.h"

#include <string>

namespace actionlens::pose {

enum class LandmarkModel { Lite, Full, Heavy };

const char* landmarkModelName(LandmarkModel model);  // "lite", "full", "heavy"
bool parseLandmarkModel(const std::string& name, LandmarkModel* model);

std::string poseModelDirectory();
std::string detectorModelPath(const std::string& directory);
std::string landmarkModelPath(const std::string& directory, LandmarkModel model);

// Success when the detector and the chosen landmark model exist; otherwise one message
// saying which file is missing and how to install the models.
Status checkPoseModelsInstalled(const std::string& directory, LandmarkModel model);

}  // namespace actionlens::pose
