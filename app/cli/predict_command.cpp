// actionlens-cli predict: a trained model over whole skeleton tracks -> segments (a video-only
// model also over whole videos that have no track).

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/learning_support.h"
#include "app/cli/progress_line.h"
#include "core/predict/model_segments.h"
#include "core/predict/video_prediction.h"
#include "core/train/checkpoint.h"

#include <QFileInfo>

namespace actionlens::cli {

namespace {

int runPredict(const QStringList& arguments) {
    const QString name = QStringLiteral("predict");
    QCommandLineParser parser;
    const QCommandLineOption project = projectOption();
    const QCommandLineOption model = modelOption();
    const QCommandLineOption video(QStringLiteral("video"), QStringLiteral("Only this video (id or name)."), QStringLiteral("video"));
    const QCommandLineOption output = outputOption(QStringLiteral("Write the predictions JSON here instead of stdout."));
    const QCommandLineOption write(QStringLiteral("write"),
                                   QStringLiteral("Also store the segments in the project, annotator 'model:MODELFILE' "
                                                  "(replacing that model's earlier predictions of the video); they are "
                                                  "never used as training data."));
    const QCommandLineOption perFrame(QStringLiteral("per-frame"), QStringLiteral("Include every frame's probabilities."));
    const QCommandLineOption window(QStringLiteral("window"), QStringLiteral("Window length in frames (default: the median training segment)."), QStringLiteral("frames"));
    const QCommandLineOption stride(QStringLiteral("stride"), QStringLiteral("Window stride in frames (default: a quarter window)."), QStringLiteral("frames"));
    const QCommandLineOption smoothing(QStringLiteral("smoothing"), QStringLiteral("Moving-average length in frames (default 5)."), QStringLiteral("frames"), QStringLiteral("5"));
    const QCommandLineOption minFrames(QStringLiteral("min-frames"), QStringLiteral("Shortest segment kept (default 5)."), QStringLiteral("frames"), QStringLiteral("5"));
    const QCommandLineOption enter(QStringLiteral("enter"), QStringLiteral("Probability that starts a segment (default 0.5)."), QStringLiteral("p"), QStringLiteral("0.5"));
    const QCommandLineOption exit(QStringLiteral("exit"), QStringLiteral("Probability below which it ends (default 0.3)."), QStringLiteral("p"), QStringLiteral("0.3"));
    const QCommandLineOption device = deviceOption();
    for (const QCommandLineOption* o : {&project, &model, &video, &output, &write, &perFrame, &window, &stride, &smoothing, &minFrames, &enter, &exit, &device})
        parser.addOption(*o);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Runs a trained model over every subject's skeleton track: sliding "
                                                    "windows give per-frame class probabilities per task, which smoothing "
                                                    "and hysteresis turn into action segments labelled for every task. "
                                                    "Without --write it reads the project beside the window."),
                                     arguments, 0))
        return *stop;
    if (!parser.isSet(project)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    if (!parser.isSet(model)) return usageError(name, QStringLiteral("-m MODEL is required"));
    train::SlidingWindowOptions windows;
    train::SegmentDecoding decoding;
    if (parser.isSet(window)) {
        auto v = parseInteger(name, QStringLiteral("--window"), parser.value(window), 1, 100000);
        if (!v) return kExitUsage;
        windows.windowFrames = *v;
    }
    if (parser.isSet(stride)) {
        auto v = parseInteger(name, QStringLiteral("--stride"), parser.value(stride), 1, 100000);
        if (!v) return kExitUsage;
        windows.strideFrames = *v;
    }
    auto smooth = parseInteger(name, QStringLiteral("--smoothing"), parser.value(smoothing), 1, 1000);
    auto shortest = parseInteger(name, QStringLiteral("--min-frames"), parser.value(minFrames), 1, 100000);
    auto enterP = parsePositive(name, QStringLiteral("--enter"), parser.value(enter));
    auto exitP = parsePositive(name, QStringLiteral("--exit"), parser.value(exit));
    if (!smooth || !shortest || !enterP || !exitP) return kExitUsage;
    if (*exitP > *enterP || *enterP > 1.0) return usageError(name, QStringLiteral("expected --exit <= --enter <= 1"));
    decoding.smoothingFrames = *smooth;
    decoding.minimumFrames = *shortest;
    decoding.enterThreshold = *enterP;
    decoding.exitThreshold = *exitP;

    const std::string modelPath = parser.value(model).toStdString();
    train::CheckpointInfo info;
    Result<std::unique_ptr<model::MultiTaskModel>> loaded = train::loadTrainedModel(modelPath, &info);
    if (!loaded) return fail(loaded.error());
    Result<std::string> placed = model::placeModel(*loaded.value(), parser.value(device).toStdString());
    if (!placed) return fail(placed.error());
    const train::ModelSnapshot& snapshot = info.snapshot;
    if (!QFileInfo::exists(parser.value(project))) return fail(QStringLiteral("project '%1' does not exist").arg(parser.value(project)));
    // Only --write writes: without it, a reader beside the window that has the project open.
    auto store = parser.isSet(write) ? annotation::ProjectStore::open(parser.value(project).toStdString())
                                     : annotation::ProjectStore::openToRead(parser.value(project).toStdString());
    if (!store) return fail(store.error());
    Result<const annotation::SkeletonLayout*> layout = predict::modelLayout(*store.value(), snapshot);
    if (!layout) return fail(layout.error());
    auto videos = store.value()->videos();
    if (!videos) return fail(videos.error());
    std::vector<annotation::Video> chosen;
    for (const annotation::Video& v : videos.value())
        if (!parser.isSet(video) || QString::number(v.id) == parser.value(video) || QString::fromStdString(v.name) == parser.value(video))
            chosen.push_back(v);
    if (chosen.empty()) return fail(QStringLiteral("the project has no video '%1'").arg(parser.value(video)));

    // Video and fusion models read each window's frames; windows overlap, so a cache saves
    // nothing across them (each window is its own clip): decode straight through.
    const std::unique_ptr<VideoFrames> frames = videoFramesFor(snapshot.model.trunkKind, 0);
    predict::PredictionRequest request;
    request.model = loaded.value().get();
    request.snapshot = &snapshot;
    request.annotator = predict::modelAnnotator(modelPath);
    request.videoClips = frames ? &frames->decoder : nullptr;
    request.windows = windows;
    request.decoding = decoding;
    request.keepFrameProbabilities = parser.isSet(perFrame);

    nlohmann::ordered_json result = nlohmann::ordered_json::object();
    result["model"] = modelPath;
    result["device"] = placed.value();
    result["segment_task"] = snapshot.tasks[size_t(predict::segmentTaskOf(snapshot))].name;
    nlohmann::ordered_json tracks = nlohmann::ordered_json::array();
    ProgressLine progress(QStringLiteral("predicting"));
    int segmentCount = 0;
    for (size_t v = 0; v < chosen.size(); ++v) {
        const annotation::Video& vid = chosen[v];
        Result<predict::VideoPrediction> predicted = predict::predictVideo(*store.value(), vid, *layout.value(), request);
        if (!predicted) return fail(predicted.error());
        for (const predict::PredictedTrack& track : predicted->tracks) {
            nlohmann::ordered_json entry = nlohmann::ordered_json::object();
            entry["video"] = vid.id;
            entry["video_name"] = vid.name;
            entry["subject"] = track.track.subjectId;
            entry["first_frame"] = track.track.firstFrame;
            entry["last_frame"] = track.track.lastFrame;
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const predict::SegmentPrediction& s : track.segments) {
                nlohmann::ordered_json js = nlohmann::ordered_json::object();
                js["first_frame"] = s.segment.firstFrame;
                js["last_frame"] = s.segment.lastFrame;
                nlohmann::ordered_json labels = nlohmann::ordered_json::object(), confidence = nlohmann::ordered_json::object();
                for (size_t t = 0; t < snapshot.tasks.size(); ++t) {
                    labels[snapshot.tasks[t].name] = s.classes[t];
                    confidence[snapshot.tasks[t].name] = s.confidences[t];
                }
                js["labels"] = labels;
                js["confidence"] = confidence;
                list.push_back(js);
            }
            entry["segments"] = list;
            segmentCount += int(track.segments.size());
            if (track.frameProbabilities) {
                nlohmann::ordered_json perTask = nlohmann::ordered_json::object();
                for (const train::TaskFrameProbabilities& task : track.frameProbabilities->tasks) {
                    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
                    for (int f = 0; f < track.frameProbabilities->frames; ++f) {
                        nlohmann::ordered_json row = nlohmann::ordered_json::array();
                        for (int c = 0; c < task.classCount; ++c) row.push_back(double(task.probabilities[size_t(f) * task.classCount + c]));
                        rows.push_back(row);
                    }
                    perTask[task.task] = rows;
                }
                entry["probabilities"] = perTask;
            }
            tracks.push_back(entry);
        }
        if (parser.isSet(write))
            if (Status written = predict::replaceModelSegments(*store.value(), vid.id, request.annotator, predicted->segmentsToStore());
                !written)
                return fail(written.error());
        progress.update(std::int64_t(v + 1), std::int64_t(chosen.size()));
    }
    progress.finish();
    result["segments"] = segmentCount;
    result["tracks"] = tracks;
    if (Status s = writeJsonResult(result, parser.value(output)); !s) return fail(s.error());
    return kExitSuccess;
}

}  // namespace

void registerPredictCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("predict"), QStringLiteral("Segments predicted by a trained model over skeleton tracks"), runPredict});
}

}  // namespace actionlens::cli
