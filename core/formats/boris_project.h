#pragma once

// The "boris" format: a BORIS project file (.boris, JSON, project_format_version 7 and later).
//
// Import. Each observation annotates one video of the project: the first media file of its first
// player ("file": {"1": [...]}) matched by file name as video_lookup.h says (none or two is an
// error). A LIVE observation (coded while watching, no media file) annotates the video
// ImportOptions::video names (`import --video`), its times from the observation's start; without
// one it is refused, naming the observation. IMAGES observations (picture folders) are refused,
// naming the observation. Its "events" rows [time, subject, code, modifier, comment] have times in seconds on
// the observation's clock; the player's offset (media_info.offset."1") is taken off to get the
// video's time. A code's ethogram type says what its events are: a "State event" code's events
// come in start/stop pairs per (subject, code), the first of a pair starting and the second
// ending a segment over the frames from start to stop (the end exclusive, segment_times.h); a
// "Point event" becomes a one-frame segment on the frame its time falls in. Codes must be action
// words of the taxonomy (action_word.h). The subject is created by name when the project lacks
// it; "" (BORIS's "no focal subject") becomes the subject "No focal subject". A modifier ("|"
// between the modifiers of several sets) that is a value of a per-segment task other than the
// action labels the segment with it; any other modifier is kept nowhere, with one warning per
// distinct modifier. Comments are not kept. Errors name the file and the observation, event
// index, subject and code: "p.boris: observation 'obs 1', events[4]: code 'hop': ...". A state
// event left without its stop is an error naming the observation, subject and code.
//
// Export. One observation per video with people's segments (not a model's predictions), named
// after the video, its player 1 the video's file (a skeleton-only video by its name), its fps,
// length and a zero offset. A code's ethogram type is "Point event" when every one of its
// segments is one frame long, else "State event" (a one-frame segment of such a code becomes a
// start/stop pair over its frame); the ethogram holds every action value of the taxonomy.
// Segments without a subject are events of no focal subject (""); subjects_conf lists the
// project's subjects. Labels of other per-segment tasks become the modifier, "|" between them.
// Times are frame starts rounded up to whole milliseconds (segment_times.h), so the file reads
// back to the same frames. Overlapping segments of one subject and code cannot be paired
// apart in BORIS and are refused, naming the video, subject and code.

#include "core/formats/format_registry.h"

namespace actionlens::formats {

Status importBoris(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
Status exportBoris(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

}  // namespace actionlens::formats
