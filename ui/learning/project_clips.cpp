#include "ui/learning/project_clips.h"

#include "core/annotation/project_store.h"
#include "core/clips/project_dataset.h"
#include "ui/jobs/job.h"

#include <QObject>

namespace actionlens::ui {

Result<train::LabelledDataset> readProjectClips(const std::string& projectPath, model::TrunkKind trunk, JobContext& context) {
    context.setStage(QObject::tr("Reading the labelled clips..."));
    auto store = annotation::ProjectStore::openReadOnly(projectPath);
    if (!store) return store.takeError();
    clips::DatasetReadOptions options;
    options.progress = [&context](std::int64_t done, std::int64_t total) { context.setProgress(done, total); };
    options.keepClipsWithoutSkeleton = trunk == model::TrunkKind::Video;
    auto read = clips::readLabelledDataset(*store.value(), options);
    if (!read) return read.takeError();
    return std::move(read.value().dataset);
}

std::unique_ptr<ClipFrames> clipFramesFor(model::TrunkKind trunk, int cacheMiB) {
    if (!model::readsVideo(trunk)) return nullptr;
    return std::make_unique<ClipFrames>(std::int64_t(cacheMiB) * 1024 * 1024);
}

}  // namespace actionlens::ui
