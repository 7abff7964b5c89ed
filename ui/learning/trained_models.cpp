#include "ui/learning/trained_models.h"

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"

#include <QFileInfo>

#include <algorithm>

namespace actionlens::ui {

std::vector<annotation::TrainingRun> trainedModels(ProjectDocument& document) {
    std::vector<annotation::TrainingRun> usable;
    if (!document.isOpen()) return usable;
    auto runs = document.store().runs();
    if (!runs) return usable;
    for (const annotation::TrainingRun& r : *runs)
        if (r.kind == annotation::RunKind::Training && !r.checkpointPath.empty() && QFileInfo::exists(QString::fromStdString(r.checkpointPath)))
            usable.push_back(r);
    std::stable_sort(usable.begin(), usable.end(), [](const auto& a, const auto& b) { return a.startedMs > b.startedMs; });
    return usable;
}

}  // namespace actionlens::ui
