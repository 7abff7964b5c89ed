#include "ui/learning/project_predictor.h"

namespace actionlens::ui {

predict::PredictionRequest ProjectPredictor::request(const std::string& checkpoint, bool keepFrameProbabilities) const {
    predict::PredictionRequest r;
    r.model = model.get();
    r.snapshot = &info.snapshot;
    r.annotator = predict::modelAnnotator(checkpoint);
    r.videoClips = frames ? &frames->decoder : nullptr;
    r.keepFrameProbabilities = keepFrameProbabilities;
    return r;
}

Result<ProjectPredictor> openProjectPredictor(const std::string& checkpoint, const std::string& projectPath, const std::string& device) {
    ProjectPredictor p;
    auto model = train::loadTrainedModel(checkpoint, &p.info);
    if (!model) return model.takeError();
    p.model = std::move(model).value();
    auto placed = model::placeModel(*p.model, device);
    if (!placed) return placed.takeError();
    p.device = placed.value();
    auto store = annotation::ProjectStore::openReadOnly(projectPath);
    if (!store) return store.takeError();
    p.store = std::move(store).value();
    auto layout = predict::modelLayout(*p.store, p.info.snapshot);
    if (!layout) return layout.takeError();
    p.layout = layout.value();
    p.frames = clipFramesFor(p.info.snapshot.model.trunkKind, 0);
    return p;
}

}  // namespace actionlens::ui
