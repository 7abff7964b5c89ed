#pragma once

// The "elan" format: ELAN annotation files (.eaf, EAF 2.7 to 3.0, read with eaf_document.h).
//
// Import. `source` is one .eaf file or a folder of them; each file annotates one video of the
// project, the one its HEADER's MEDIA_DESCRIPTOR names (the file name of MEDIA_URL or
// RELATIVE_MEDIA_URL matched as video_lookup.h says; none or two is an error). Each TIER is one
// subject's labels for one task: the subject is the tier's PARTICIPANT, else the tier's name
// without a "/<task>" ending ("alice/viewpoint" -> alice; "(no subject)" means none), created by
// name when the project lacks it; the task is the one the tier's LINGUISTIC_TYPE_REF names, else
// the one its "/<task>" ending names, else the action task. Every ALIGNABLE_ANNOTATION becomes
// a segment of the subject, its annotator the tier's ANNOTATOR: milliseconds become frames through
// the video's frame rate, the end exclusive (segment_times.h), an end past the video cut to its
// last frame with a warning. An alignable annotation of another per-segment task labels the
// subject's segment over the same frames, or else becomes a segment of its own. A REF_ANNOTATION
// gives its tier's task to the segment of the alignable annotation it refers to (through
// further references); a reference tier whose type and name name no task is skipped with a
// warning. Values must be values of the task (for the action task, a class or a group that may
// stand alone); a value that is not is looked up in the tier type's CONTROLLED_VOCABULARY: the
// entry it names by CVE_REF, or whose value in some language it is, gives the entry's value that
// the task has. An empty value is no label. Errors name the file, line, tier and annotation id:
// "a.eaf line 31: tier 'alice', annotation a7: 'hop' is not a value of task 'action'".
//
// Export. One .eaf file per video into the folder `output`, named after the video; a project
// with one video is written as the file `output` itself. People's segments only (not a model's
// predictions). One time-aligned tier per subject and annotator, named after the subject
// ("(no subject)" for segments without one; a second annotator's tier is "alice (bob)", and
// overlapping segments of one tier move to "alice (2)", as ELAN wants a tier's annotations apart),
// PARTICIPANT the subject and ANNOTATOR the annotator, LINGUISTIC_TYPE "action"; its value is
// the action, or the group of a group-only label. Each other per-segment task gets a reference
// tier "<tier>/<task>" (LINGUISTIC_TYPE the task, Symbolic_Association). Each task's values are
// a CONTROLLED_VOCABULARY that the annotations refer to. Times are frame starts in milliseconds
// rounded up, so the file reads back to the same frames; every annotation has time slots of its
// own, so moving a boundary in ELAN moves no other tier's. MEDIA_URL is the video's file as a
// file:// URL and RELATIVE_MEDIA_URL its path from the .eaf's folder; a skeleton-only video is
// named by its name alone. Review state, confidence, source and times of writing are not written.

#include "core/formats/format_registry.h"

namespace actionlens::formats {

Status importElan(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
Status exportElan(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

}  // namespace actionlens::formats
