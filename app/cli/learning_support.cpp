#include "app/cli/learning_support.h"

#include "app/cli/progress_line.h"
#include "core/runs/project_runs.h"
#include "core/train/dataset_file.h"
#include "core/train/file_replacement.h"

#include <QDateTime>
#include <QFileInfo>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace actionlens::cli {

QCommandLineOption projectOption() {
    return QCommandLineOption(QStringList{QStringLiteral("p"), QStringLiteral("project")},
                              QStringLiteral("Project file (.alproj)."), QStringLiteral("project"));
}

QCommandLineOption modelOption() {
    return QCommandLineOption(QStringList{QStringLiteral("m"), QStringLiteral("model")},
                              QStringLiteral("Trained model file (.alm)."), QStringLiteral("model"));
}

QCommandLineOption outputOption(const QString& what) {
    return QCommandLineOption(QStringList{QStringLiteral("o"), QStringLiteral("output")}, what, QStringLiteral("file"));
}

QCommandLineOption deviceOption() {
    return QCommandLineOption(QStringLiteral("device"),
                              QStringLiteral("Where the model runs: auto (CUDA when available; the default), cpu, cuda or cuda:N."),
                              QStringLiteral("name"), QStringLiteral("auto"));
}

Result<ProjectDataset> readProjectDataset(const std::string& projectPath, model::TrunkKind trunk, annotation::ConsentLimit consent) {
    if (!QFileInfo::exists(QString::fromStdString(projectPath)))
        return makeError("project '" + projectPath + "' does not exist");
    auto store = annotation::ProjectStore::openToRead(projectPath);
    if (!store) return store.takeError();
    ProgressLine progress(QStringLiteral("reading clips"));
    clips::DatasetReadOptions options;
    options.progress = [&](std::int64_t done, std::int64_t total) { progress.update(done, total); };
    options.keepClipsWithoutSkeleton = trunk == model::TrunkKind::Video;
    options.consent = consent;
    Result<clips::DatasetReadReport> read = clips::readLabelledDataset(*store.value(), options);
    progress.finish();
    if (!read) return makeError(projectPath + ": " + read.error());
    ProjectDataset out;
    out.skipped = int(read->skipped.size());
    if (!read->skipped.empty())
        std::fprintf(stderr, "actionlens-cli: warning: %d segment(s) skipped, e.g. %s\n", out.skipped,
                     read->skipped.front().c_str());
    out.dataset = std::move(read.value().dataset);
    return out;
}

Result<train::LabelledDataset> readProjectOrDatasetFile(const std::string& projectPath, const std::string& datasetPath,
                                                        model::TrunkKind trunk) {
    if (!projectPath.empty()) {
        Result<ProjectDataset> fromProject = readProjectDataset(projectPath, trunk);
        if (!fromProject) return fromProject.takeError();
        return std::move(fromProject.value().dataset);
    }
    return train::readDatasetFile(datasetPath);
}

std::unique_ptr<VideoFrames> videoFramesFor(model::TrunkKind trunk, int cacheMiB) {
    if (!model::readsVideo(trunk)) return nullptr;
    return std::make_unique<VideoFrames>(std::int64_t(cacheMiB) * 1024 * 1024);
}

nlohmann::ordered_json videoFramesToJson(const VideoFrames& frames) {
    const train::ClipCacheStatistics s = frames.cache.statistics();
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    out["clips_decoded"] = s.decodes;
    out["cache_hits"] = s.hits;
    out["clips_cached"] = s.clipsHeld;
    out["cached_mib"] = double(s.bytesHeld) / (1024.0 * 1024.0);
    return out;
}

bool recordRunInProject(const std::string& projectPath, annotation::TrainingRun& run, const std::string& what,
                        const std::string& where, bool* warned) {
    const Status recorded = runs::recordRun(projectPath, run);
    if (recorded) return true;
    if (!warned || !*warned)
        std::fprintf(stderr, "actionlens-cli: warning: %s is not recorded in the project (%s)%s\n", what.c_str(),
                     recorded.error().c_str(), where.c_str());
    if (warned) *warned = true;
    return false;
}

std::int64_t nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

namespace {

std::atomic<bool> interruptRequested{false};

extern "C" void onInterrupt(int signal) {
    if (interruptRequested.exchange(true)) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
    }
}

}  // namespace

void catchInterrupts() {
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

bool interrupted() { return interruptRequested.load(); }

Status writeJsonResult(const nlohmann::ordered_json& json, const QString& path) {
    const std::string text = train::writeJson(json) + "\n";
    if (path.isEmpty()) {
        std::fputs(text.c_str(), stdout);
        std::fflush(stdout);
        return Status::success();
    }
    return train::writeTextFileAtomically(path.toStdString(), text);
}

}  // namespace actionlens::cli
