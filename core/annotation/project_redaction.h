#pragma once

// redactProjectFile: rewrites a COPY of a project (a file no store has open, such as a
// ProjectSnapshot) so that it no longer holds who or where: subjects renumbered and renamed,
// videos renamed and pointed elsewhere, annotators renamed, free text dropped. What replaces
// them is the caller's choice (core/privacy computes keyed pseudonyms); this file knows the
// schema, so it is the one place that has to list every column that can name a person or a path.
//
// The file is rebuilt afterwards (VACUUM, secure_delete while rewriting, journal mode DELETE),
// so no page of it keeps an old value: a byte scan of the result finds none of them.

#include "core/common/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace actionlens::annotation {

struct RedactedSubject {
    std::int64_t id = 0;  // the new id (every subject must get one, all distinct)
    std::string name;
};

struct RedactedVideo {
    std::string name;
    std::string path;  // stored as given: relative to the copy's folder, or empty (no file)
    std::string contentHash;
    std::int64_t sizeBytes = -1;  // -1: as it was
};

struct ProjectRedaction {
    // Left out with everything that refers to them (segments, skeleton frames, attributes).
    std::set<std::int64_t> removedSubjects;
    std::set<std::int64_t> removedVideos;
    // Old id -> new id and name, for every subject that stays; empty: ids and names as they are.
    std::map<std::int64_t, RedactedSubject> subjects;
    std::map<std::int64_t, RedactedVideo> videos;  // old id -> replacement; others as they are
    // Segment annotators and sources, and videos' assigned annotators -> replacement (a name it does
    // not list becomes empty, an assignment to it is dropped);
    // none: as they are.
    std::optional<std::map<std::string, std::string>> annotators;
    // Model runs (names, configs, messages), subjects' consent notes and similar free text
    // stay only when asked for; paths inside them (a run's checkpoint) go either way.
    bool keepFreeText = false;
    // project_info keys that must not travel with the copy (the pseudonym secret).
    std::set<std::string> droppedInfoKeys;
};

// `file` must be a project of the current schema that nobody has open.
Status redactProjectFile(const std::string& file, const ProjectRedaction& redaction);

}  // namespace actionlens::annotation
