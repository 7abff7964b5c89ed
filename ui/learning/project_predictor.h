#pragma once

// What every job of the window that runs a trained model over the project's videos does first,
// on its own thread: the model file loaded and placed on the device asked for, the project read
// through a read-only connection of its own (a reader beside the window's writer), the skeleton
// layout the model reads, and for video and fusion trunks the frames' decoder. Used by the
// prediction, the labelling queue and the presentation's live answers alike.

#include "core/annotation/project_store.h"
#include "core/common/result.h"
#include "core/predict/video_prediction.h"
#include "core/train/checkpoint.h"
#include "ui/learning/project_clips.h"

#include <memory>
#include <string>

namespace actionlens::ui {

struct ProjectPredictor {
    train::CheckpointInfo info;
    std::unique_ptr<model::MultiTaskModel> model;
    std::string device;  // where the model runs ("cpu", "cuda:0")
    std::unique_ptr<annotation::ProjectStore> store;
    const annotation::SkeletonLayout* layout = nullptr;
    std::unique_ptr<ClipFrames> frames;  // null for a skeleton trunk

    // A request over this model, under its annotator (predict::modelAnnotator of the file).
    predict::PredictionRequest request(const std::string& checkpoint, bool keepFrameProbabilities = false) const;
};

// Errors come from the model file, the device, the project or the layout, as they say them.
Result<ProjectPredictor> openProjectPredictor(const std::string& checkpoint, const std::string& projectPath, const std::string& device);

}  // namespace actionlens::ui
