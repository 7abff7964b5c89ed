#pragma once

// The "native" format: a whole ActionLens project as one JSON document, lossless.
//
// {"format": "actionlens-project", "version": 1,
//  "taxonomy": {...the layout of taxonomy_json.h...},
//  "skeleton_layouts": [{"name", "joints": [..], "edges": [[a, b]], "mirror_pairs": [[l, r]]}],
//  "videos": [{"id", "name", "path", "size_bytes", "fps", "frame_count", "width", "height",
//              "content_hash", "splits": [..], "annotators": [..] (whom the video is assigned to),
//              optional "frame_sources": [{"frame", "name", optional "id"}] (an imported dataset's
//              image names and ids; schema 10: files written before have neither)}],
//  "subjects": [{"id", "name", "attributes": {task: value}}],
//  "segments": [{"id", "video_id", "subject_id", "first_frame", "last_frame", "labels": {task: value},
//                "annotator", "created_ms", "modified_ms", "review", optional "confidence" (0..1, a
//                model's prediction) and "source" (the model that proposed an accepted segment)}],
//  "skeleton_frames": [{"video_id", "subject_id", "frame", "layout", "source",
//                       "joints": [[x, y, confidence, visible], ..], optional "box": [x, y, width, height]}]}
//
// Only custom skeleton layouts are written (the built-in ones are in every project); frames name
// their layout. A video path inside the JSON file's folder is written relative to it, so a
// project folder moved with its export still resolves; any other path is absolute.
//
// Import into an empty project keeps the file's ids and takes its taxonomy; into a non-empty
// one it appends under new ids (references remapped) and keeps the project's taxonomy, so the
// file's labels must fit it. Errors name the place ("segments[4].first_frame: expected a whole
// number"); the registry runs the import in one transaction, so a failure changes nothing.

#include "core/formats/format_registry.h"

#include <string>

namespace actionlens::formats {

Status importNativeJson(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
// Streams video by video: never holds more than one window of a video's skeleton frames.
Status exportNativeJson(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

}  // namespace actionlens::formats
