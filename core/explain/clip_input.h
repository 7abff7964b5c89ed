#pragma once

// One clip as the network sees it when it is explained (the evaluation view: the whole segment
// resampled, normalised, the frames cut to the subject), and where it came from, so that maps
// can be laid back over the video.

#include "core/common/result.h"
#include "core/model/skeleton_batch.h"
#include "core/model/video_batch.h"
#include "core/train/labelled_dataset.h"
#include "core/train/model_snapshot.h"
#include "core/train/rgb_clip.h"

#include <cstdint>
#include <string>

namespace actionlens::explain {

struct ClipInput {
    model::SkeletonBatch skeleton;  // one clip; empty (clips 0) for a video-only model
    model::VideoBatch video;        // one clip; empty for a skeleton-only model
    std::int64_t videoId = 0;
    std::string videoPath;
    std::int64_t subjectId = 0;
    std::int64_t segmentId = 0;       // 0 for a clip that is not a stored segment
    std::int64_t firstFrame = 0;      // the segment's first source frame
    std::int64_t segmentFrames = 0;   // source frames the clip spans
    // The square of the source frame that the video view shows (source pixels; it may reach past
    // the frame's edges). Width 0: the whole frame, squeezed to the view.
    int regionX = 0;
    int regionY = 0;
    int regionWidth = 0;
    int regionHeight = 0;

    model::ModelInput input() const {
        return model::ModelInput{skeleton.clips ? &skeleton : nullptr, video.clips ? &video : nullptr};
    }
};

// Clip `clip` of `dataset` as the model of `snapshot` reads it. Video and fusion models read the
// frames through `videoClips`; a skeleton model needs none. Errors name the clip and why.
Result<ClipInput> prepareClipInput(const train::LabelledDataset& dataset, int clip, const train::ModelSnapshot& snapshot,
                                   train::RgbClipDecoder* videoClips);

// A dataset of one clip, described as the model's snapshot describes its training data (tasks,
// skeleton layout, mirror pairs): for a clip read on its own (clips::readUnlabelledClip).
train::LabelledDataset datasetOfOneClip(const train::ModelSnapshot& snapshot, train::LabelledClip clip);

}  // namespace actionlens::explain
