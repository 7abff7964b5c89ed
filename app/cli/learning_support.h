#pragma once

// What the learning commands (train, evaluate, predict, ablate) share: reading a project into a
// labelled dataset, recording a run in the project, Ctrl+C as a cancel request, JSON output. A
// split's clips: core/train's training_items; the runs' records: core/runs.

#include "core/annotation/project_store.h"
#include "core/clips/project_dataset.h"
#include "core/clips/video_clip_decoder.h"
#include "core/model/model_config.h"
#include "core/model/multi_task_model.h"
#include "core/train/decoded_clip_cache.h"
#include "core/train/json_text.h"
#include "core/train/training_items.h"

#include <QCommandLineOption>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace actionlens::cli {

struct ProjectDataset {
    train::LabelledDataset dataset;
    int skipped = 0;
};

QCommandLineOption projectOption();
QCommandLineOption modelOption();
QCommandLineOption outputOption(const QString& what);
QCommandLineOption deviceOption();  // --device, default auto


// Reads the project's labelled clips as a reader (ProjectStore::openToRead: beside the window that
// has it open), with progress on stderr, and closes it again; a warning line says how many
// segments were skipped and why (the first reason). A model with a video trunk alone also trains
// on segments without a skeleton (or subject): their clips show the whole frame.
Result<ProjectDataset> readProjectDataset(const std::string& projectPath, model::TrunkKind trunk = model::TrunkKind::Skeleton,
                                          annotation::ConsentLimit consent = annotation::ConsentLimit::Automatic);

// The labelled clips of a project (readProjectDataset) when `projectPath` is given, else of a
// dataset file (export-dataset): for the commands that take either (ablate, active-learning-sim).
Result<train::LabelledDataset> readProjectOrDatasetFile(const std::string& projectPath, const std::string& datasetPath,
                                                        model::TrunkKind trunk);

// The frames of a project's clips for video and fusion models: the media decoder behind a
// decoded-clip cache, so epochs after the first (and later models of an ablation) decode nothing.
struct VideoFrames {
    clips::VideoClipDecoder decoder;
    train::DecodedClipCache cache;
    explicit VideoFrames(std::int64_t budgetBytes) : cache(decoder, budgetBytes) {}
};
// Null for a skeleton trunk, which reads no frames.
std::unique_ptr<VideoFrames> videoFramesFor(model::TrunkKind trunk, int cacheMiB);
// {"clips_decoded": ..., "cache_hits": ..., "cached_mib": ...}
nlohmann::ordered_json videoFramesToJson(const VideoFrames& frames);

// Records `run` in the project through a short-lived writer (runs::recordRun: an empty name becomes
// the next "run N"). While another process (the window) holds the project, says so in one warning
// line on stderr, "actionlens-cli: warning: WHAT is not recorded in the project (REASON)WHERE", unless
// `warned` says that line was printed already, and returns false.
bool recordRunInProject(const std::string& projectPath, annotation::TrainingRun& run, const std::string& what,
                        const std::string& where, bool* warned);

// Milliseconds since the epoch, for the runs' records.
std::int64_t nowMs();

// The first Ctrl+C (SIGINT) or SIGTERM sets a flag instead of killing the process, so a long
// run can end cleanly (a trained model keeps its last finished epoch); a second one kills.
void catchInterrupts();
bool interrupted();

// JSON on stdout, or written atomically to `path` when it is not empty.
Status writeJsonResult(const nlohmann::ordered_json& json, const QString& path);

}  // namespace actionlens::cli
