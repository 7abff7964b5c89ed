#pragma once

// The "segments-csv" format: one row per segment for spreadsheets and pandas, UTF-8, RFC 4180
// (CRLF line ends; fields with a comma, quote, CR or LF quoted, quotes doubled).
//
// segment_id,video_id,video,subject,first_frame,last_frame,start_s,end_s,<segment tasks...>,group,annotator,review,
// confidence,source (a model's prediction: its confidence; an accepted one: the model that proposed it)
//
// One column per per-segment task of the taxonomy in its order (the action task included);
// `group` is the class group of the segment's action class. `video` is the video's name, or
// its file name when it has none. start_s and end_s are the start of the first frame and the
// end of the last one, first_frame / fps and (last_frame + 1) / fps in milliseconds precision:
// the store keeps only the frame rate, so on variable-rate video they are approximate. Both are
// empty when the frame rate is unknown. Rows go video by video, by first frame.
//
// Import reads what the export writes, columns found by header name: `video`, `first_frame` and
// `last_frame` are required; the video is matched by name or file name (video_lookup.h), the
// subject by name (created when the project lacks it; empty: none), labels come from the columns
// named after per-segment tasks of the project's taxonomy (empty: no label). `group` must be the
// action's group when there is an action, and stands alone as a group-only label when there is
// none. annotator, review (empty: unreviewed), confidence (0..1, empty: none) and source are kept.
// segment_id and video_id are not: the segments get new ids. start_s and end_s are ignored, the
// frames being exact. Any other column is refused, so a taxonomy that lacks one of the file's
// tasks is said rather than silently dropped. Errors name the file, line and column.

#include "core/formats/format_registry.h"

#include <string>
#include <vector>

namespace actionlens::formats {

Status importSegmentsCsv(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
Status exportSegmentsCsv(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

// One RFC 4180 record (no line end).
std::string csvRecord(const std::vector<std::string>& fields);

}  // namespace actionlens::formats
