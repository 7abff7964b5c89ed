#pragma once

// The "activitynet" format: ActivityNet's annotation JSON (v1.2/v1.3 layout, used by many temporal
// action detection datasets):
//
// {"version": "VERSION 1.3", "taxonomy": [...],
//  "database": {"<video id>": {"subset": "training" | "validation" | "testing", "duration": s,
//                              "url": "...", "annotations": [{"segment": [start_s, end_s], "label": ".."}]}}}
//
// Import. Each video id must name a video of the project (its name, or its file name with or
// without extension, video_lookup.h; "v_<id>", as ActivityNet's downloaders name the files, is
// tried too); a missing one is an error that counts all the missing. The subset is added to the
// video's splits as it is written. Each annotation becomes a segment without a subject or
// annotator over the frames of its seconds (segment_times.h); ActivityNet's segments that run
// past the video are cut at its last frame with a warning. A label must be a class of the
// taxonomy's action task (or a class group that may stand alone). "duration", "url",
// "resolution", "taxonomy" and other members are not read. Errors name the file and the member:
// "anet.json: database[\"abc\"].annotations[2].label: 'Long jump' is not a class of task 'action'".
//
// Export writes the same layout: every video under its name (else its file's base name), its
// subset from its splits ("training", "validation", "testing", or the first split starting with
// "train", "val" or "test"; none when no split says), its duration from frame count and rate,
// "url" its file as a file:// URL, "resolution" WxH; people's segments with an action or a
// group-only label (a model's predictions and unlabelled segments are left out), times in seconds
// at whole milliseconds, each frame's start rounded up, so they read back to the same frames. The
// "taxonomy" lists the class groups under "Root" and the classes under their groups. Subjects,
// annotators, other tasks and review state are not carried.

#include "core/formats/format_registry.h"

namespace actionlens::formats {

Status importActivityNet(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
Status exportActivityNet(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

}  // namespace actionlens::formats
