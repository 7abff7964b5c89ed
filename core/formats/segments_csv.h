#pragma once

// The "segments-csv" export: one row per segment for spreadsheets and pandas, UTF-8, RFC 4180
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

#include "core/formats/format_registry.h"

#include <string>
#include <vector>

namespace actionlens::formats {

Status exportSegmentsCsv(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

// One RFC 4180 record (no line end).
std::string csvRecord(const std::vector<std::string>& fields);

}  // namespace actionlens::formats
