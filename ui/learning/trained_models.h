#pragma once

// The project's trained models as the window offers them: training runs whose model file is
// there, newest first (Pre-annotate, the labelling queue, the presentation view).

#include "core/annotation/training_run.h"

#include <vector>

namespace actionlens::ui {

class ProjectDocument;

// Empty when no project is open or its runs cannot be read.
std::vector<annotation::TrainingRun> trainedModels(ProjectDocument& document);

}  // namespace actionlens::ui
