#pragma once

// Inter-annotator agreement over a project: for one per-segment task (the action task by
// default) and two or more annotators (default: everyone whose segments the project holds, and
// in a video assigned to annotators only those; a model's predictions are never an annotator),
// per video and over all videos.
//
// Frame-wise coding units are (video, subject, frame) for the frames some annotator's segment of
// that subject covers with a label of the task. An annotator who coded the video (has any segment
// of it) gives each unit the label of their segment covering it, or "(none)" where they have no
// segment there; one who did not code the video gives no value (missing). On these units:
// Cohen's kappa and percent agreement for each pair, Fleiss' kappa over units every annotator
// coded, Krippendorff's alpha (nominal) over all pairable units, and each pair's confusion
// counts. Segment-level: F1 at each IoU threshold (same subject and label) and the boundary
// offsets of the pairs matched at the lowest threshold.

#include "core/agreement/segment_matching.h"
#include "core/annotation/project_store.h"
#include "core/common/result.h"

#include <QJsonObject>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace actionlens::agreement {

inline constexpr const char* kNoLabel = "(none)";

struct AgreementOptions {
    std::string task;                      // empty: the taxonomy's action task
    std::vector<std::string> annotators;   // empty: every annotator with segments (not models)
    std::vector<double> iouThresholds{0.1, 0.25, 0.5};
    // Called after each video is read (done, total); asked before each: true stops the computation
    // with an error (a window's job cancelled).
    std::function<void(std::int64_t done, std::int64_t total)> progress;
    std::function<bool()> cancelled;
};

struct SegmentF1 {
    double threshold = 0.0;
    int matched = 0;
    int segmentsA = 0;
    int segmentsB = 0;
    double f1() const;  // NaN with no segments at all
};

struct PairAgreement {
    std::string a, b;
    int units = 0;            // units both coded
    double percent = 0.0;     // NaN: none
    double cohenKappa = 0.0;  // NaN: undefined
    std::vector<SegmentF1> segments;  // per threshold
    BoundaryOffsets boundaries;       // of the matches at the lowest threshold
    std::vector<std::vector<int>> confusion;  // [a's category][b's category], categories of the report
};

struct AgreementScope {
    std::int64_t videoId = 0;  // 0: all videos together
    std::string video;         // its name ("all" for the whole project)
    std::vector<std::string> coders;  // annotators who coded it
    int units = 0;
    double fleissKappa = 0.0;       // NaN: undefined
    double krippendorffAlpha = 0.0; // NaN: undefined
    std::vector<PairAgreement> pairs;
};

struct AgreementReport {
    std::string task;
    std::vector<std::string> annotators;
    std::vector<std::string> categories;  // the task's values in play, then kNoLabel
    AgreementScope overall;
    std::vector<AgreementScope> videos;   // videos at least two annotators coded
};

// Fails when the task is not a per-segment task of the taxonomy, or fewer than two annotators
// have segments (naming who was found).
Result<AgreementReport> computeAgreement(annotation::ProjectStore& store, const AgreementOptions& options = {});

QJsonObject agreementToJson(const AgreementReport& report);

// A stretch of frames where two annotators who both coded the video disagree, for walking
// through them: consecutive frames of one subject with the same pair of labels.
struct Disagreement {
    std::int64_t videoId = 0;
    std::int64_t subjectId = 0;
    std::int64_t firstFrame = 0;
    std::int64_t lastFrame = 0;
    std::string labelA;  // kNoLabel where A has no segment
    std::string labelB;
};

// Every disagreement of annotators `a` and `b` on `task` (empty: the action task), video by video.
Result<std::vector<Disagreement>> findDisagreements(annotation::ProjectStore& store, const std::string& a, const std::string& b,
                                                    const std::string& task = {});

}  // namespace actionlens::agreement
