#include "core/pose/pose_model_files.h"

#include <cstdlib>
#include <fstream>

namespace actionlens::pose {

const char* landmarkModelName(LandmarkModel model) {
    switch (model) {
    case LandmarkModel::Lite: return "lite";
    case LandmarkModel::Heavy: return "heavy";
    case LandmarkModel::Full: break;
    }
    return "full";
}

bool parseLandmarkModel(const std::string& name, LandmarkModel* model) {
    for (LandmarkModel m : {LandmarkModel::Lite, LandmarkModel::Full, LandmarkModel::Heavy}) {
        if (name == landmarkModelName(m)) {
            *model = m;
            return true;
        }
    }
    return false;
}

std::string poseModelDirectory() {
    if (const char* explicitDir = std::getenv("ACTIONLENS_POSE_MODELS"); explicitDir && *explicitDir) return explicitDir;
    std::string data;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        data = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        data = std::string(home) + "/.local/share";
    } else {
        data = ".local/share";
    }
    return data + "/actionlens/models/pose";
}

std::string detectorModelPath(const std::string& directory) { return directory + "/pose_detection.tflite"; }

std::string landmarkModelPath(const std::string& directory, LandmarkModel model) {
    return directory + "/pose_landmark_" + landmarkModelName(model) + ".tflite";
}

Status checkPoseModelsInstalled(const std::string& directory, LandmarkModel model) {
    for (const std::string& path : {detectorModelPath(directory), landmarkModelPath(directory, model)}) {
        if (!std::ifstream(path, std::ios::binary)) {
            return makeError("pose models are not installed (" + path +
                             " is missing): run packaging/install-pose-models.sh from the ActionLens source folder "
                             "(or set ACTIONLENS_POSE_MODELS to a folder holding them)");
        }
    }
    return Status::success();
}

}  // namespace actionlens::pose
