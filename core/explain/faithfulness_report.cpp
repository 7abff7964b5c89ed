#include "core/explain/faithfulness_report.h"

#include "core/explain/clip_input.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace actionlens::explain {

Result<FaithfulnessRun> evaluateFaithfulness(Explainer& explainer, const train::LabelledDataset& dataset,
                                             const std::vector<int>& items, train::RgbClipDecoder* videoClips,
                                             const FaithfulnessOptions& options, const FaithfulnessCallbacks& callbacks) {
    if (items.empty()) return makeError("no clips to explain");
    std::map<std::int64_t, std::set<std::int64_t>> subjectsOfVideo;
    for (const train::LabelledClip& clip : dataset.clips) subjectsOfVideo[clip.videoId].insert(clip.subjectId);
    FaithfulnessEvaluation evaluation(explainer, options);
    FaithfulnessRun run;
    for (size_t i = 0; i < items.size(); ++i) {
        if (callbacks.shouldCancel && callbacks.shouldCancel()) {
            run.cancelled = true;
            break;
        }
        Result<ClipInput> clip = prepareClipInput(dataset, items[i], explainer.snapshot(), videoClips);
        if (!clip) return clip.takeError();
        std::optional<ClipAnswer> answer;
        if (callbacks.answer && subjectsOfVideo[clip->videoId].size() == 1) {
            Result<std::optional<ClipAnswer>> known = callbacks.answer(*clip);
            if (!known) return known.takeError();
            answer = std::move(known).value();
        }
        if (answer) ++run.clipsWithAnswers;
        else ++run.clipsWithoutAnswer;
        if (Status s = evaluation.addClip(*clip, answer ? &*answer : nullptr); !s) return s.takeError();
        ++run.clips;
        if (callbacks.progress) callbacks.progress(int(i + 1), int(items.size()));
    }
    run.scores = evaluation.scores();
    return run;
}

nlohmann::ordered_json faithfulnessToJson(const FaithfulnessRun& run, const FaithfulnessOptions& options) {
    using json = nlohmann::ordered_json;
    json out = json::object();
    out["clips"] = run.clips;
    out["clips_with_answers"] = run.clipsWithAnswers;
    out["cancelled"] = run.cancelled;
    out["grid"] = json{{"skeleton_blocks", options.grid.skeletonBlocks},
                       {"video_blocks", options.grid.videoBlocks},
                       {"video_cells", options.grid.videoCells}};
    out["curve_steps"] = options.curveSteps;
    out["random_orders"] = options.randomOrders;
    json results = json::array();
    for (const MethodScores& s : run.scores) {
        json r = json::object();
        r["method"] = explanationMethodName(s.method);
        r["task"] = s.taskName;
        r["stream"] = streamName(s.stream);
        r["clips"] = s.clips;
        if (s.pointingClips > 0)
            r["pointing_game"] = json{{"clips", s.pointingClips},
                                      {"hit_rate", s.pointingHits},
                                      {"random", s.pointingRandom},
                                      {"centre", s.pointingCentre}};
        r["deletion"] = json{{"auc", s.deletionAuc}, {"random_auc", s.deletionRandomAuc},
                             {"curve", s.deletionCurve}, {"random_curve", s.deletionRandomCurve}};
        r["insertion"] = json{{"auc", s.insertionAuc}, {"random_auc", s.insertionRandomAuc},
                              {"curve", s.insertionCurve}, {"random_curve", s.insertionRandomCurve}};
        if (options.stability) r["stability"] = s.stability;
        results.push_back(r);
    }
    out["results"] = results;
    return out;
}

namespace {

std::string fixed(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", v);
    return text;
}

}  // namespace

std::string faithfulnessMarkdown(const FaithfulnessRun& run) {
    std::string out = "| head | stream | method | pointing game (random / centre) | deletion AUC, lower is better (random) | "
                      "insertion AUC, higher is better (random) | stability |\n"
                      "|---|---|---|---|---|---|---|\n";
    std::vector<const MethodScores*> rows;
    for (const MethodScores& s : run.scores) rows.push_back(&s);
    std::stable_sort(rows.begin(), rows.end(), [](const MethodScores* a, const MethodScores* b) {
        return a->task != b->task ? a->task < b->task : a->stream < b->stream;
    });
    for (const MethodScores* s : rows) {
        out += "| " + s->taskName + " | " + streamName(s->stream) + " | " + explanationMethodName(s->method) + " | ";
        out += s->pointingClips > 0 ? fixed(s->pointingHits) + " (" + fixed(s->pointingRandom) + " / " + fixed(s->pointingCentre) + ")"
                                    : std::string("-");
        out += " | " + fixed(s->deletionAuc) + " (" + fixed(s->deletionRandomAuc) + ") | " + fixed(s->insertionAuc) + " (" +
               fixed(s->insertionRandomAuc) + ") | " + fixed(s->stability) + " |\n";
    }
    return out;
}

}  // namespace actionlens::explain
