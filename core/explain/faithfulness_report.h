#pragma once

// The faithfulness evaluation of a trained model over a dataset's clips, and its report: what
// `actionlens-cli explain --evaluate` runs and writes (JSON, and a Markdown table for READMEs).

#include "core/common/result.h"
#include "core/explain/faithfulness.h"
#include "core/train/json_text.h"
#include "core/train/labelled_dataset.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::explain {

struct FaithfulnessRun {
    int clips = 0;              // clips explained
    int clipsWithAnswers = 0;   // of them, with a known answer
    int clipsWithoutAnswer = 0; // in a video where several subjects act (the answer is the first person's) or none known
    std::vector<MethodScores> scores;
    bool cancelled = false;
};

struct FaithfulnessCallbacks {
    // The known answer of a clip, or nullopt when there is none; an error stops the run.
    std::function<Result<std::optional<ClipAnswer>>(const ClipInput&)> answer;
    std::function<void(int, int)> progress;  // (clips done, clips)
    std::function<bool()> shouldCancel;
};

// Explains `items` of `dataset` by every method of `options` and scores them. Clips in videos
// where more than one subject has clips get no answer (the rendered demo's masks follow its first
// person only). Video and fusion models read frames through `videoClips`.
Result<FaithfulnessRun> evaluateFaithfulness(Explainer& explainer, const train::LabelledDataset& dataset,
                                             const std::vector<int>& items, train::RgbClipDecoder* videoClips,
                                             const FaithfulnessOptions& options, const FaithfulnessCallbacks& callbacks);

nlohmann::ordered_json faithfulnessToJson(const FaithfulnessRun& run, const FaithfulnessOptions& options);
// One row per head, stream and method: pointing game (random, centre), deletion and insertion
// AUC (random orders), stability.
std::string faithfulnessMarkdown(const FaithfulnessRun& run);

}  // namespace actionlens::explain
