#pragma once

// EafDocument: the parts of an ELAN annotation file (.eaf, EAF 2.7 to 3.0) that ActionLens reads,
// as the file states them: media descriptors, time slots, tiers with their alignable and
// reference annotations, linguistic types and controlled vocabularies (EAF 2.7's CV_ENTRY and
// 2.8's multilingual CV_ENTRY_ML alike). Everything else (LICENSE, LOCALE, LANGUAGE, CONSTRAINT,
// LEXICON_REF, EXTERNAL_REF, PROPERTY, LINKED_FILE_DESCRIPTOR) is skipped. Parsing checks what
// the schema makes unique or required (ids, references between time slots and annotations); what
// the annotations mean for a project is the ELAN format's business (elan_eaf.h). Every element
// keeps its line for messages.

#include "core/common/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::formats {

struct EafMedia {
    std::string url;          // MEDIA_URL
    std::string relativeUrl;  // RELATIVE_MEDIA_URL, may be empty
    int line = 0;
};

struct EafTimeSlot {
    std::optional<std::int64_t> ms;  // none: an unaligned slot (ELAN interpolates it)
    int line = 0;
};

struct EafAnnotation {
    std::string id;
    bool alignable = true;
    std::string startSlot, endSlot;  // alignable: TIME_SLOT_REF1, TIME_SLOT_REF2
    std::string refersTo;            // reference: ANNOTATION_REF
    std::string value;               // ANNOTATION_VALUE, may be empty
    std::string vocabularyEntry;     // CVE_REF, may be empty
    int line = 0;
};

struct EafTier {
    std::string id;
    std::string participant;
    std::string annotator;
    std::string linguisticType;
    std::string parent;  // PARENT_REF, empty for a top-level tier
    std::vector<EafAnnotation> annotations;
    int line = 0;
};

struct EafVocabularyEntry {
    std::string id;                   // CVE_ID
    std::vector<std::string> values;  // one per language
};

struct EafDocument {
    std::string timeUnits;  // HEADER's TIME_UNITS; EAF knows only "milliseconds"
    int headerLine = 0;
    std::vector<EafMedia> media;
    std::map<std::string, EafTimeSlot> timeSlots;
    std::vector<EafTier> tiers;
    std::map<std::string, std::string> vocabularyOfType;  // LINGUISTIC_TYPE_ID -> CONTROLLED_VOCABULARY_REF
    std::map<std::string, std::vector<EafVocabularyEntry>> vocabularies;  // CV_ID -> entries
};

// Parses the bytes of an .eaf file; messages start with the line ("line 12: ...").
Result<EafDocument> parseEafDocument(const std::string& bytes);

}  // namespace actionlens::formats
