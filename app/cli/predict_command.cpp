// actionlens-cli predict: a trained model over whole skeleton tracks -> segments (a video-only
// model also over whole videos that have no track).

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/learning_support.h"
#include "app/cli/progress_line.h"
#include "core/clips/skeleton_track.h"
#include "core/train/checkpoint.h"
#include "core/train/sliding_window_prediction.h"

#include <QFileInfo>

#include <algorithm>
#include <limits>
#include <map>

namespace actionlens::cli {

namespace {

struct TrackKey {
    std::int64_t subject = 0;
    std::int64_t first = 0;
    std::int64_t last = 0;
};

// The subjects with poses of the model's layout in a video, and the frames they span.
Result<std::vector<TrackKey>> tracksOfVideo(annotation::ProjectStore& store, std::int64_t videoId, std::int64_t layoutId) {
    auto frames = store.skeletonFrames(videoId, 0, std::numeric_limits<std::int32_t>::max());
    if (!frames) return frames.takeError();
    std::map<std::int64_t, TrackKey> bySubject;
    for (const annotation::SkeletonFrame& f : frames.value()) {
        if (f.layoutId != layoutId || f.subjectId == 0) continue;
        auto [it, inserted] = bySubject.try_emplace(f.subjectId, TrackKey{f.subjectId, f.frame, f.frame});
        it->second.first = std::min(it->second.first, f.frame);
        it->second.last = std::max(it->second.last, f.frame);
    }
    std::vector<TrackKey> out;
    for (const auto& [id, key] : bySubject) out.push_back(key);
    return out;
}

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
                                                    "and hysteresis turn into action segments labelled for every task."),
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
    Result<std::string> placed = placeModel(*loaded.value(), parser.value(device));
    if (!placed) return fail(placed.error());
    const train::ModelSnapshot& snapshot = info.snapshot;
    if (!QFileInfo::exists(parser.value(project))) return fail(QStringLiteral("project '%1' does not exist").arg(parser.value(project)));
    auto store = annotation::ProjectStore::open(parser.value(project).toStdString());
    if (!store) return fail(store.error());
    const annotation::SkeletonLayout* layout = store.value()->skeletonLayout(snapshot.layoutName);
    if (!layout) return fail("the project has no skeleton layout '" + snapshot.layoutName + "', which the model reads");
    auto videos = store.value()->videos();
    if (!videos) return fail(videos.error());
    std::vector<annotation::Video> chosen;
    for (const annotation::Video& v : videos.value())
        if (!parser.isSet(video) || QString::number(v.id) == parser.value(video) || QString::fromStdString(v.name) == parser.value(video))
            chosen.push_back(v);
    if (chosen.empty()) return fail(QStringLiteral("the project has no video '%1'").arg(parser.value(video)));

    // The task whose segments are decoded: the hierarchy's action, else the first task.
    int segmentTask = 0;
    for (size_t t = 0; t < snapshot.tasks.size(); ++t)
        if (snapshot.hierarchy && snapshot.tasks[t].name == snapshot.hierarchy->actionTask) segmentTask = int(t);
    const std::string annotator = "model:" + QFileInfo(parser.value(model)).fileName().toStdString();
    const annotation::Taxonomy& taxonomy = store.value()->taxonomy();

    // Video and fusion models read each window's frames; windows overlap, so a cache saves
    // nothing across them (each window is its own clip): decode straight through.
    const std::unique_ptr<VideoFrames> frames = videoFramesFor(snapshot.model.trunkKind, 0);

    nlohmann::ordered_json result = nlohmann::ordered_json::object();
    result["model"] = modelPath;
    result["device"] = placed.value();
    result["segment_task"] = snapshot.tasks[size_t(segmentTask)].name;
    nlohmann::ordered_json tracks = nlohmann::ordered_json::array();
    ProgressLine progress(QStringLiteral("predicting"));
    int segmentCount = 0;
    for (size_t v = 0; v < chosen.size(); ++v) {
        const annotation::Video& vid = chosen[v];
        Result<std::vector<TrackKey>> keys = tracksOfVideo(*store.value(), vid.id, layout->id);
        if (!keys) return fail(keys.error());
        // A model that reads only the frames needs no pose: a video without a track is one
        // whole-frame track of no subject (a subject's track places its crop where there is one).
        if (keys->empty() && snapshot.model.trunkKind == model::TrunkKind::Video && vid.frameCount > 0)
            keys->push_back(TrackKey{0, 0, vid.frameCount - 1});
        std::vector<annotation::Segment> toWrite;
        for (const TrackKey& key : keys.value()) {
            Result<clips::SkeletonTrack> track = clips::readSkeletonTrack(*store.value(), vid.id, key.subject, key.first, key.last,
                                                                          int(layout->joints.size()));
            // (Subject 0 has no stored poses: its track is all zeros, the whole frame.)
            if (!track) return fail(track.error());
            train::SlidingWindowOptions trackWindows = windows;
            if (frames) {
                trackWindows.videoClips = &frames->decoder;
                trackWindows.videoPath = vid.path;
                trackWindows.videoId = vid.id;
                trackWindows.trackFirstFrame = key.first;
            }
            Result<train::TrackPrediction> prediction =
                train::predictTrack(*loaded.value(), snapshot, track->skeleton, trackWindows);
            if (!prediction) return fail(prediction.error());
            const std::vector<train::PredictedSegment> segments =
                train::decodeSegments(prediction.value(), segmentTask, snapshot, decoding);
            nlohmann::ordered_json entry = nlohmann::ordered_json::object();
            entry["video"] = vid.id;
            entry["video_name"] = vid.name;
            entry["subject"] = key.subject;
            entry["first_frame"] = key.first;
            entry["last_frame"] = key.last;
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const train::PredictedSegment& s : segments) {
                nlohmann::ordered_json js = nlohmann::ordered_json::object();
                js["first_frame"] = key.first + s.firstFrame;
                js["last_frame"] = key.first + s.lastFrame;
                nlohmann::ordered_json labels = nlohmann::ordered_json::object(), confidence = nlohmann::ordered_json::object();
                annotation::Segment stored;
                stored.videoId = vid.id;
                stored.subjectId = key.subject;
                stored.firstFrame = key.first + s.firstFrame;
                stored.lastFrame = key.first + s.lastFrame;
                stored.annotator = annotator;
                for (size_t t = 0; t < snapshot.tasks.size(); ++t) {
                    const std::string& task = snapshot.tasks[t].name;
                    const std::string& value = snapshot.tasks[t].classNames[size_t(s.classes[t])];
                    labels[task] = value;
                    confidence[task] = s.confidences[t];
                    // Only what a segment stores: per-segment tasks (the group follows the action).
                    const annotation::TaskDefinition* definition = taxonomy.findTask(task);
                    if (definition && definition->scope == annotation::TaskScope::Segment &&
                        annotation::checkLabel(taxonomy, annotation::TaskScope::Segment, task, value).ok())
                        stored.labels[task] = value;
                }
                js["labels"] = labels;
                js["confidence"] = confidence;
                list.push_back(js);
                toWrite.push_back(stored);
            }
            entry["segments"] = list;
            segmentCount += int(segments.size());
            if (parser.isSet(perFrame)) {
                nlohmann::ordered_json frames = nlohmann::ordered_json::object();
                for (const train::TaskFrameProbabilities& task : prediction->tasks) {
                    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
                    for (int f = 0; f < prediction->frames; ++f) {
                        nlohmann::ordered_json row = nlohmann::ordered_json::array();
                        for (int c = 0; c < task.classCount; ++c) row.push_back(double(task.probabilities[size_t(f) * task.classCount + c]));
                        rows.push_back(row);
                    }
                    frames[task.task] = rows;
                }
                entry["probabilities"] = frames;
            }
            tracks.push_back(entry);
        }
        if (parser.isSet(write)) {
            Status written = store.value()->transaction([&]() -> Status {
                auto existing = store.value()->segmentsOfVideo(vid.id);
                if (!existing) return existing.takeError();
                for (const annotation::Segment& s : existing.value())
                    if (s.annotator == annotator)
                        if (auto removed = store.value()->removeSegment(s.id); !removed) return removed.takeError();
                for (const annotation::Segment& s : toWrite)
                    if (auto id = store.value()->insertSegment(s); !id) return id.takeError();
                return Status::success();
            });
            if (!written) return fail(written.error());
        }
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
