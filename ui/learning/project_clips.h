#pragma once

// What every learning job of the window does first, on its own thread: read the project's
// labelled clips through a read-only connection of its own (a reader beside the window's
// writer), with progress; and, for video and fusion trunks, the clips' frames behind a
// decoded-clip cache (epochs after the first decode nothing).

#include "core/clips/video_clip_decoder.h"
#include "core/common/result.h"
#include "core/model/model_config.h"
#include "core/train/decoded_clip_cache.h"
#include "core/train/labelled_dataset.h"

#include <memory>
#include <string>

namespace actionlens::ui {

class JobContext;

Result<train::LabelledDataset> readProjectClips(const std::string& projectPath, model::TrunkKind trunk, JobContext& context);

struct ClipFrames {
    clips::VideoClipDecoder decoder;
    train::DecodedClipCache cache;
    explicit ClipFrames(std::int64_t budgetBytes) : cache(decoder, budgetBytes) {}
};
// Null for a skeleton trunk, which reads no frames.
std::unique_ptr<ClipFrames> clipFramesFor(model::TrunkKind trunk, int cacheMiB);

}  // namespace actionlens::ui
