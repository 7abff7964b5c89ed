#pragma once

// Project -> labelled dataset: every segment becomes one clip of its subject's skeleton.

#include "core/annotation/consent.h"
#include "core/annotation/project_store.h"
#include "core/train/labelled_dataset.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace actionlens::clips {

struct DatasetReadOptions {
    // Called after each video: (videos done, videos in total).
    std::function<void(std::int64_t, std::int64_t)> progress;
    // For models that read only the video: keep segments without a skeleton of their subject
    // (their clip's skeleton has confidence 0 everywhere, so the RGB clip shows the whole frame)
    // and segments without a subject (no subject attributes; grouped by their video).
    bool keepClipsWithoutSkeleton = false;
    // Whose segments: by default those of consenting subjects once any consent is recorded
    // (annotation/consent.h); segments without a subject are nobody's and stay.
    annotation::ConsentLimit consent = annotation::ConsentLimit::Automatic;
};

struct DatasetReadReport {
    train::LabelledDataset dataset;
    // Segments left out, each with the reason ("video 0004 frames 0..80: no subject").
    std::vector<std::string> skipped;
};

// Reads every segment that has a subject, skeleton frames of that subject within its range, and
// was not written by a model (annotator "model:..."). All clips must use one skeleton layout:
// the one most segments use; segments of other layouts are skipped with the reason (clips
// without any pose fit every layout; when no clip has one, the project's first layout is the
// dataset's). Fails when the taxonomy has no usable task or no segment qualifies.
Result<DatasetReadReport> readLabelledDataset(annotation::ProjectStore& store, const DatasetReadOptions& options = {});

// Frames first..last (inclusive) of `subjectId` in `video` as an unlabelled clip (every label -1,
// `taskCount` of them; segment id 0), for a model to read frames no segment covers: poses of
// `joints` joints. Subject 0, or a subject without poses there, gives a clip without skeleton
// (what a video-only model reads). Fails on a range outside the video or a pose of another size.
Result<train::LabelledClip> readUnlabelledClip(annotation::ProjectStore& store, const annotation::Video& video,
                                               std::int64_t subjectId, std::int64_t first, std::int64_t last, int joints,
                                               size_t taskCount);

}  // namespace actionlens::clips
