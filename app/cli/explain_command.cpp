// actionlens-cli explain: what a trained model's task heads base their decisions on, for one
// clip (maps, figures, an overlaid video), or measured over a split (--evaluate).

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/learning_support.h"
#include "app/cli/progress_line.h"
#include "core/clips/skeleton_track.h"
#include "core/explain/explainer.h"
#include "core/explain/explanation_figure.h"
#include "core/explain/faithfulness_report.h"
#include "core/explain/limb_answers.h"
#include "core/explain/npy_file.h"
#include "core/train/checkpoint.h"
#include "core/train/file_replacement.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <filesystem>

namespace actionlens::cli {

namespace {

using explain::ExplanationMethod;

// "gradcam,layercam" or "all" -> methods; nullopt after a usage error.
std::optional<std::vector<ExplanationMethod>> parseMethods(const QString& command, const QString& text) {
    if (text == QLatin1String("all")) return explain::allExplanationMethods();
    std::vector<ExplanationMethod> out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        ExplanationMethod m;
        if (!explain::explanationMethodFromName(part.trimmed().toStdString(), &m)) {
            usageError(command, QStringLiteral("unknown method '%1' (gradcam, gradcam++, hirescam, layercam, attention, "
                                               "occlusion or all)").arg(part));
            return std::nullopt;
        }
        out.push_back(m);
    }
    if (out.empty()) {
        usageError(command, QStringLiteral("--method names no method"));
        return std::nullopt;
    }
    return out;
}

// Task names (comma-separated) -> model task indices; all tasks when empty.
Result<std::vector<int>> parseHeads(const QString& text, const train::ModelSnapshot& snapshot) {
    std::vector<int> out;
    std::string names;
    for (const train::DatasetTask& t : snapshot.tasks) names += (names.empty() ? "" : ", ") + t.name;
    if (text.isEmpty()) {
        for (size_t t = 0; t < snapshot.tasks.size(); ++t) out.push_back(int(t));
        return out;
    }
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        int found = -1;
        for (size_t t = 0; t < snapshot.tasks.size(); ++t)
            if (snapshot.tasks[t].name == part.trimmed().toStdString()) found = int(t);
        if (found < 0) return makeError("the model has no head '" + part.toStdString() + "' (it has " + names + ")");
        out.push_back(found);
    }
    return out;
}

// "A-B" -> inclusive frames.
std::optional<std::pair<std::int64_t, std::int64_t>> parseFrames(const QString& text) {
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() != 2) return std::nullopt;
    bool okA = false, okB = false;
    const qlonglong a = parts[0].toLongLong(&okA), b = parts[1].toLongLong(&okB);
    if (!okA || !okB || a < 0 || b < a) return std::nullopt;
    return std::make_pair(std::int64_t(a), std::int64_t(b));
}

std::string safeName(const std::string& text) {
    std::string out;
    for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '+') ? c : '_';
    return out;
}

int runEvaluation(const QString& name, const QCommandLineParser& parser, const QCommandLineOption& output,
                  explain::Explainer& explainer, const train::LabelledDataset& dataset, train::RgbClipDecoder* frames,
                  explain::FaithfulnessOptions options, const std::string& split, int clipLimit, int tolerance) {
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("--evaluate needs -o REPORT.json"));
    Result<std::vector<int>> items = train::itemsOfSplit(dataset, split);
    if (!items) return fail(items.error());
    std::vector<int> chosen = items.value();
    if (clipLimit > 0 && int(chosen.size()) > clipLimit) {
        // Evenly spread over the split, so every part of it is represented.
        std::vector<int> spread;
        for (int k = 0; k < clipLimit; ++k) spread.push_back(chosen[size_t(k) * chosen.size() / size_t(clipLimit)]);
        chosen = spread;
    }
    explain::LimbAnswers answers(tolerance);
    const train::ModelSnapshot& snapshot = explainer.snapshot();
    const int videoFrames = model::readsVideo(snapshot.model.trunkKind) ? snapshot.model.video.frames : 0;
    const int videoSize = model::readsVideo(snapshot.model.trunkKind) ? snapshot.model.video.size : 0;
    ProgressLine progress(QStringLiteral("explaining"));
    explain::FaithfulnessCallbacks callbacks;
    callbacks.answer = [&](const explain::ClipInput& clip) -> Result<std::optional<explain::ClipAnswer>> {
        // Only rendered videos know their answer; others simply have none.
        if (!std::filesystem::exists(explain::limbMaskPathOf(clip.videoPath))) return std::optional<explain::ClipAnswer>();
        Result<explain::ClipAnswer> a = answers.answer(clip, videoFrames, videoSize);
        if (!a) return a.takeError();
        return std::optional<explain::ClipAnswer>(std::move(a).value());
    };
    callbacks.progress = [&](int done, int total) { progress.update(done, total); };
    callbacks.shouldCancel = [] { return interrupted(); };
    Result<explain::FaithfulnessRun> run = explain::evaluateFaithfulness(explainer, dataset, chosen, frames, options, callbacks);
    progress.finish();
    if (!run) return fail(run.error());
    nlohmann::ordered_json json = explain::faithfulnessToJson(run.value(), options);
    json["model"] = parser.value(QStringLiteral("model")).toStdString();
    json["split"] = split;
    json["tolerance_pixels"] = tolerance;
    if (Status s = writeJsonResult(json, parser.value(output)); !s) return fail(s.error());
    const QString markdownPath = QFileInfo(parser.value(output)).path() + QLatin1Char('/') +
                                 QFileInfo(parser.value(output)).completeBaseName() + QStringLiteral(".md");
    if (Status s = train::writeTextFileAtomically(markdownPath.toStdString(), explain::faithfulnessMarkdown(run.value())); !s) return fail(s.error());
    printLine(QStringLiteral("%1 clips (%2 with a known answer); report: %3, table: %4")
                  .arg(run->clips)
                  .arg(run->clipsWithAnswers)
                  .arg(parser.value(output), markdownPath));
    if (run->clipsWithAnswers == 0)
        std::fprintf(stderr, "actionlens-cli: note: no clip has a known answer (limb masks of a rendered demo), so there is no pointing game\n");
    return run->cancelled ? kExitFailure : kExitSuccess;
}

int runExplain(const QStringList& arguments) {
    const QString name = QStringLiteral("explain");
    QCommandLineParser parser;
    const QCommandLineOption project = projectOption();
    const QCommandLineOption model = modelOption();
    const QCommandLineOption segment(QStringLiteral("segment"), QStringLiteral("Explain this labelled segment (id)."), QStringLiteral("id"));
    const QCommandLineOption video(QStringLiteral("video"), QStringLiteral("Explain frames of this video (id or name), with --frames."), QStringLiteral("video"));
    const QCommandLineOption frames(QStringLiteral("frames"), QStringLiteral("The frames A-B (inclusive) of --video."), QStringLiteral("A-B"));
    const QCommandLineOption subject(QStringLiteral("subject"), QStringLiteral("Whose poses, with --video (default: the only subject with poses there)."), QStringLiteral("id"));
    const QCommandLineOption head(QStringLiteral("head"), QStringLiteral("Task heads to explain, comma-separated (default: all)."), QStringLiteral("tasks"));
    const QCommandLineOption targetClass(QStringLiteral("class"), QStringLiteral("Explain this class (name or index) instead of the predicted one; one head only."), QStringLiteral("class"));
    const QCommandLineOption method(QStringLiteral("method"), QStringLiteral("gradcam (default), gradcam++, hirescam, layercam, attention, occlusion, several comma-separated, or all."), QStringLiteral("method"), QStringLiteral("gradcam"));
    const QCommandLineOption normalise(QStringLiteral("normalise"), QStringLiteral("Scale maps per 'clip' (default) or per 'frame'."), QStringLiteral("how"), QStringLiteral("clip"));
    const QCommandLineOption colours(QStringLiteral("colours"), QStringLiteral("viridis (default), inferno or cividis (safe for colour-blind viewers)."), QStringLiteral("scale"), QStringLiteral("viridis"));
    const QCommandLineOption output = outputOption(QStringLiteral("Folder for the maps and figures (with --evaluate: the report JSON; a Markdown table is written beside it)."));
    const QCommandLineOption contrast(QStringLiteral("contrast"), QStringLiteral("With two heads: also the difference of their maps (the first minus the second), .npy and CSV."));
    const QCommandLineOption videoOut(QStringLiteral("video-out"), QStringLiteral("Also write the clip with the first head's map and skeleton drawn over it (MP4)."), QStringLiteral("file"));
    const QCommandLineOption evaluate(QStringLiteral("evaluate"), QStringLiteral("Measure the methods' faithfulness over a split instead (pointing game on a rendered demo, deletion/insertion, stability)."));
    const QCommandLineOption split(QStringLiteral("split"), QStringLiteral("With --evaluate: the split (default test; 'all': every clip)."), QStringLiteral("name"), QStringLiteral("test"));
    const QCommandLineOption clipLimit(QStringLiteral("clips"), QStringLiteral("With --evaluate: at most this many clips, spread over the split (default: all)."), QStringLiteral("n"));
    const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("With --evaluate: points of the deletion/insertion curves (default 16)."), QStringLiteral("n"), QStringLiteral("16"));
    const QCommandLineOption tolerance(QStringLiteral("tolerance"), QStringLiteral("With --evaluate: view pixels around a limb that count as on it (default 4)."), QStringLiteral("pixels"), QStringLiteral("4"));
    const QCommandLineOption device = deviceOption();
    for (const QCommandLineOption* o : {&project, &model, &segment, &video, &frames, &subject, &head, &targetClass, &method, &normalise,
                                        &colours, &output, &contrast, &videoOut, &evaluate, &split, &clipLimit, &steps, &tolerance, &device})
        parser.addOption(*o);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Explains a trained model's task heads: for a segment (or frames of a "
                                                    "video) the maps of the chosen method over joints and time (skeleton "
                                                    "trunk) and over the frames (video trunk) as .npy and CSV, a PNG figure "
                                                    "per head and method, and with --video-out the clip with the map drawn "
                                                    "over it. With --evaluate, measures every method's faithfulness over a "
                                                    "split against random and centre baselines. Reads the project beside "
                                                    "the window."),
                                     arguments, 0))
        return *stop;
    if (!parser.isSet(project)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    if (!parser.isSet(model)) return usageError(name, QStringLiteral("-m MODEL is required"));
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("-o is required"));
    const bool evaluating = parser.isSet(evaluate);
    if (!evaluating && parser.isSet(segment) == parser.isSet(video))
        return usageError(name, QStringLiteral("give either --segment ID or --video ID --frames A-B"));
    if (parser.isSet(video) && !parser.isSet(frames)) return usageError(name, QStringLiteral("--video needs --frames A-B"));
    std::optional<std::pair<std::int64_t, std::int64_t>> range;
    if (parser.isSet(frames)) {
        range = parseFrames(parser.value(frames));
        if (!range) return usageError(name, QStringLiteral("--frames expects A-B with 0 <= A <= B, not '%1'").arg(parser.value(frames)));
    }
    std::optional<std::vector<ExplanationMethod>> methods =
        parseMethods(name, evaluating && !parser.isSet(method) ? QStringLiteral("all") : parser.value(method));
    if (!methods) return kExitUsage;
    explain::MapNormalisation normalisation;
    if (!explain::mapNormalisationFromName(parser.value(normalise).toStdString(), &normalisation))
        return usageError(name, QStringLiteral("--normalise is 'clip' or 'frame', not '%1'").arg(parser.value(normalise)));
    explain::FigureStyle style;
    if (!explain::heatColoursFromName(parser.value(colours).toStdString(), &style.colours))
        return usageError(name, QStringLiteral("--colours is viridis, inferno or cividis, not '%1'").arg(parser.value(colours)));
    auto stepCount = parseInteger(name, QStringLiteral("--steps"), parser.value(steps), 1, 1000);
    auto pixels = parseInteger(name, QStringLiteral("--tolerance"), parser.value(tolerance), 0, 100);
    if (!stepCount || !pixels) return kExitUsage;
    int limit = 0;
    if (parser.isSet(clipLimit)) {
        auto v = parseInteger(name, QStringLiteral("--clips"), parser.value(clipLimit), 1, 1000000);
        if (!v) return kExitUsage;
        limit = *v;
    }

    const std::string modelPath = parser.value(model).toStdString();
    train::CheckpointInfo info;
    Result<std::unique_ptr<model::MultiTaskModel>> loaded = train::loadTrainedModel(modelPath, &info);
    if (!loaded) return fail(loaded.error());
    Result<std::string> placed = model::placeModel(*loaded.value(), parser.value(device).toStdString());
    if (!placed) return fail(placed.error());
    const train::ModelSnapshot& snapshot = info.snapshot;
    Result<std::vector<int>> heads = parseHeads(parser.value(head), snapshot);
    if (!heads) return fail(heads.error());
    const std::string projectPath = parser.value(project).toStdString();
    Result<ProjectDataset> data = readProjectDataset(projectPath, snapshot.model.trunkKind);
    if (!data) return fail(data.error());
    train::LabelledDataset& dataset = data->dataset;
    const std::unique_ptr<VideoFrames> videoFrames = videoFramesFor(snapshot.model.trunkKind, 0);
    train::RgbClipDecoder* decoder = videoFrames ? &videoFrames->decoder : nullptr;
    explain::Explainer explainer(*loaded.value(), snapshot);
    catchInterrupts();

    if (evaluating) {
        explain::FaithfulnessOptions options;
        options.tasks = heads.value();
        options.methods = *methods;
        options.curveSteps = *stepCount;
        return runEvaluation(name, parser, output, explainer, dataset, decoder, options, parser.value(split).toStdString(), limit, *pixels);
    }

    // The clip: a labelled segment, or frames of a video.
    auto store = annotation::ProjectStore::openToRead(projectPath);
    if (!store) return fail(store.error());
    int clipIndex = -1;
    if (parser.isSet(segment)) {
        bool ok = false;
        const qlonglong id = parser.value(segment).toLongLong(&ok);
        for (size_t i = 0; ok && i < dataset.clips.size(); ++i)
            if (dataset.clips[i].segmentId == id) clipIndex = int(i);
        if (clipIndex < 0)
            return fail(QStringLiteral("segment '%1' is not a labelled clip of the project (predicted segments and segments "
                                       "without their subject's poses are not); use --video ID --frames A-B")
                            .arg(parser.value(segment)));
    } else {
        auto videos = store.value()->videos();
        if (!videos) return fail(videos.error());
        const annotation::Video* chosen = nullptr;
        for (const annotation::Video& v : videos.value())
            if (QString::number(v.id) == parser.value(video) || QString::fromStdString(v.name) == parser.value(video)) chosen = &v;
        if (!chosen) return fail(QStringLiteral("the project has no video '%1'").arg(parser.value(video)));
        std::int64_t subjectId = 0;
        if (parser.isSet(subject)) {
            bool ok = false;
            subjectId = parser.value(subject).toLongLong(&ok);
            if (!ok) return usageError(name, QStringLiteral("--subject expects a subject id"));
        } else if (model::readsSkeleton(snapshot.model.trunkKind)) {
            const annotation::SkeletonLayout* layout = store.value()->skeletonLayout(dataset.layoutName);
            auto tracks = layout ? clips::tracksOfVideo(*store.value(), chosen->id, layout->id)
                                 : Result<std::vector<clips::TrackSpan>>(std::vector<clips::TrackSpan>{});
            if (!tracks) return fail(tracks.error());
            std::vector<std::int64_t> present;
            for (const clips::TrackSpan& t : tracks.value())
                if (t.firstFrame <= range->second && t.lastFrame >= range->first) present.push_back(t.subjectId);
            if (present.size() != 1)
                return fail(QStringLiteral("%1 subjects have poses in those frames; choose one with --subject").arg(present.size()));
            subjectId = present.front();
        }
        Result<train::LabelledClip> clip = clips::readUnlabelledClip(*store.value(), *chosen, subjectId, range->first, range->second,
                                                                     dataset.layout.jointCount, dataset.tasks.size());
        if (!clip) return fail(clip.error());
        dataset.clips.push_back(std::move(clip).value());
        clipIndex = int(dataset.clips.size()) - 1;
    }
    Result<explain::ClipInput> clip = explain::prepareClipInput(dataset, clipIndex, snapshot, decoder);
    if (!clip) return fail(clip.error());

    std::vector<explain::ExplainTarget> targets;
    for (int t : heads.value()) targets.push_back(explain::ExplainTarget{t, -1});
    if (parser.isSet(contrast) && targets.size() != 2) return usageError(name, QStringLiteral("--contrast needs exactly two heads (--head A,B)"));
    if (parser.isSet(targetClass)) {
        if (targets.size() != 1) return usageError(name, QStringLiteral("--class needs exactly one --head"));
        const train::DatasetTask& task = snapshot.tasks[size_t(targets[0].task)];
        const std::string wanted = parser.value(targetClass).toStdString();
        for (size_t c = 0; c < task.classNames.size(); ++c)
            if (task.classNames[c] == wanted || std::to_string(c) == wanted) targets[0].targetClass = int(c);
        if (targets[0].targetClass < 0)
            return fail("head '" + task.name + "' has no class '" + wanted + "'");
    }

    const std::string folder = parser.value(output).toStdString();
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) return fail("cannot create '" + folder + "': " + error.message());
    const annotation::SkeletonLayout* layout = store.value()->skeletonLayout(dataset.layoutName);
    const std::vector<std::string> jointNames = layout ? layout->joints : std::vector<std::string>{};

    nlohmann::ordered_json summary = nlohmann::ordered_json::object();
    summary["model"] = modelPath;
    summary["device"] = placed.value();
    summary["video"] = clip->videoId;
    summary["subject"] = clip->subjectId;
    if (clip->segmentId) summary["segment"] = clip->segmentId;
    summary["first_frame"] = clip->firstFrame;
    summary["last_frame"] = clip->firstFrame + clip->segmentFrames - 1;
    if (clip->regionWidth > 0)
        summary["video_region"] = {clip->regionX, clip->regionY, clip->regionWidth, clip->regionHeight};
    nlohmann::ordered_json explanations = nlohmann::ordered_json::array();
    std::optional<explain::HeadExplanation> firstExplanation;
    for (ExplanationMethod m : *methods) {
        explain::ExplainOptions options;
        options.method = m;
        options.normalisation = normalisation;
        Result<std::vector<explain::HeadExplanation>> explained = explainer.explain(*clip, targets, options);
        if (!explained) return fail(explained.error());
        for (const explain::HeadExplanation& e : explained.value()) {
            if (!firstExplanation) firstExplanation = e;
            const std::string stem = folder + "/" + safeName(e.taskName) + "." + safeName(explain::explanationMethodName(m));
            nlohmann::ordered_json entry = nlohmann::ordered_json::object();
            entry["head"] = e.taskName;
            entry["method"] = explain::explanationMethodName(m);
            entry["class"] = e.className;
            entry["probability"] = e.probability;
            nlohmann::ordered_json files = nlohmann::ordered_json::array();
            for (const explain::StreamExplanation& s : e.streams) {
                const std::string base = stem + "." + explain::streamName(s.stream);
                const auto shapeOf = [&](const explain::ExplanationMap& map) {
                    return s.stream == explain::Stream::Skeleton ? std::vector<std::int64_t>{map.frames, map.columns}
                                                                 : std::vector<std::int64_t>{map.frames, map.rows, map.columns};
                };
                for (const auto& [suffix, map] : {std::pair<std::string, const explain::ExplanationMap*>{".npy", &s.map}, {".raw.npy", &s.raw}}) {
                    if (Status w = explain::writeNpy(base + suffix, shapeOf(*map), map->values); !w) return fail(w.error());
                    files.push_back(base + suffix);
                }
                if (s.stream == explain::Stream::Skeleton) {
                    if (Status w = train::writeTextFileAtomically(base + ".csv", explain::mapCsvOverSourceFrames(s.map, clip->firstFrame, clip->segmentFrames, jointNames)); !w) return fail(w.error());
                    files.push_back(base + ".csv");
                }
                explain::ExplanationMap curve(int(s.temporal.size()), 1, 1);
                curve.values = s.temporal;
                if (Status w = train::writeTextFileAtomically(base + ".temporal.csv", explain::mapCsvOverSourceFrames(curve, clip->firstFrame, clip->segmentFrames, {"importance"})); !w) return fail(w.error());
                files.push_back(base + ".temporal.csv");
            }
            if (Status w = explain::writeExplanationFigure(stem + ".png", e, *clip, jointNames, style); !w) return fail(w.error());
            files.push_back(stem + ".png");
            entry["files"] = files;
            explanations.push_back(entry);
        }
        if (parser.isSet(contrast)) {
            const explain::HeadExplanation& a = explained->at(0);
            const explain::HeadExplanation& b = explained->at(1);
            nlohmann::ordered_json entry = nlohmann::ordered_json::object();
            entry["contrast"] = a.taskName + " minus " + b.taskName;
            entry["method"] = explain::explanationMethodName(m);
            nlohmann::ordered_json files = nlohmann::ordered_json::array();
            for (const explain::StreamExplanation& sa : a.streams) {
                const explain::StreamExplanation* sb = b.stream(sa.stream);
                if (!sb) continue;
                const explain::ExplanationMap difference = explain::differenceMap(sa.map, sb->map);
                const std::string base = folder + "/" + safeName(a.taskName) + "-minus-" + safeName(b.taskName) + "." +
                                         safeName(explain::explanationMethodName(m)) + "." + explain::streamName(sa.stream);
                const std::vector<std::int64_t> shape = sa.stream == explain::Stream::Skeleton
                                                            ? std::vector<std::int64_t>{difference.frames, difference.columns}
                                                            : std::vector<std::int64_t>{difference.frames, difference.rows, difference.columns};
                if (Status w = explain::writeNpy(base + ".npy", shape, difference.values); !w) return fail(w.error());
                files.push_back(base + ".npy");
                if (sa.stream == explain::Stream::Skeleton) {
                    if (Status w = train::writeTextFileAtomically(base + ".csv", explain::mapCsvOverSourceFrames(difference, clip->firstFrame, clip->segmentFrames, jointNames)); !w)
                        return fail(w.error());
                    files.push_back(base + ".csv");
                }
            }
            entry["files"] = files;
            explanations.push_back(entry);
        }
    }
    summary["explanations"] = explanations;
    if (parser.isSet(videoOut) && firstExplanation) {
        explain::OverlaySkeleton overlay;
        overlay.skeleton = dataset.clips[size_t(clipIndex)].skeleton;
        if (layout) overlay.edges = layout->edges;
        if (Status w = explain::writeExplanationVideo(parser.value(videoOut).toStdString(), *firstExplanation, *clip, overlay, style); !w)
            return fail(w.error());
        summary["video_out"] = parser.value(videoOut).toStdString();
    }
    if (Status s = writeJsonResult(summary, QString::fromStdString(folder + "/explanation.json")); !s) return fail(s.error());
    return writeJsonResult(summary, QString()).ok() ? kExitSuccess : kExitFailure;
}

}  // namespace

void registerExplainCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("explain"), QStringLiteral("What a trained model's task heads look at: Grad-CAM family, attention, occlusion; faithfulness"),
                  runExplain});
}

}  // namespace actionlens::cli
