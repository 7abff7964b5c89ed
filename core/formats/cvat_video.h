#pragma once

// The "cvat-video" format: CVAT's "CVAT for video 1.1" XML export (read with
// cvat_video_document.h).
//
// Import. `source` is one .xml file or a folder of them; each annotates the project's video that
// its meta <source> names (by file name, video_lookup.h), else the one its task <name> names. A
// file's frame numbers are task frames: video frame = start_frame + frame x step (<frame_filter>
// step=N). Each <track> is one subject: the one its immutable "subject" attribute names, else
// "<label> <id>" ("person 0"), created by name when the project lacks it. A shape holds from its
// frame up to the next shape of its track (the last one to the task's stop_frame, else the
// video's last frame); outside="1" shapes hold nothing. In a <box> track, the attributes named
// like per-segment tasks of the taxonomy ("action", "viewpoint") give segments: one per run of
// frames where the box is inside and those attributes keep the same values (an empty value is no
// label); values must be the task's (the action: a class or a group that may stand alone). A
// <skeleton> track gives skeleton frames at its shapes' frames, on the project's layout named
// like the track's label, else the first whose joints include every <points label>; joints the
// skeleton lacks are not visible. A <points> track is read onto the layout whose joint count is
// its point count (ImportOptions::layout picks one by name). A point outside is not visible
// (confidence 0), an occluded one is visible with confidence 0.5, others confidence 1. Errors
// name the file and line and the track: "a.xml line 14: track 2, frame 7: 'hop' is not a class of
// task 'action'"; a track no layout fits names its joints; nothing is imported then.
//
// Export. One XML per video into the folder `output` (a one-video project: the file `output`
// itself), each with meta (task name and <source> the video's file name, size, frames 0 to its
// last, the labels "person" with an attribute per per-segment task and a "subject" attribute,
// and one skeleton label per layout used with its joints as sublabels). Per subject with people's
// segments (not a model's predictions): a "person" box track with a keyframe box on every frame
// of its segments (the extent of the subject's visible joints there, else the whole frame),
// their labels as mutable attributes, and an outside box on the frame after a segment unless the
// next one starts there. Per subject with skeleton frames: a skeleton track labelled by the
// layout, one skeleton per frame, joints not visible as outside and those with confidence below
// 1 as occluded, and an outside skeleton after each run of frames. Overlapping segments of one
// subject cannot be attributes of one box and are refused, naming the video, subject and frame;
// adjacent segments of one subject with the same labels come back as one, and segments without
// a subject (an empty "subject" attribute) come back as the subject "person <track id>".

#include "core/formats/format_registry.h"

namespace actionlens::formats {

Status importCvatVideo(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
Status exportCvatVideo(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

}  // namespace actionlens::formats
