#include "core/formats/eaf_document.h"

#include <QXmlStreamReader>

#include <charconv>
#include <set>

namespace actionlens::formats {

namespace {

std::string at(int line) { return "line " + std::to_string(line) + ": "; }

class EafParser {
public:
    explicit EafParser(const std::string& bytes) : xml_(QByteArray::fromStdString(bytes)) {}

    Result<EafDocument> parse() {
        if (!xml_.readNextStartElement()) return xmlError();
        if (xml_.name() != QLatin1String("ANNOTATION_DOCUMENT"))
            return makeError(at(line()) + "expected an ELAN document (ANNOTATION_DOCUMENT), found <" + xml_.name().toString().toStdString() + ">");
        while (xml_.readNextStartElement()) {
            Status read = Status::success();
            if (xml_.name() == QLatin1String("HEADER")) read = header();
            else if (xml_.name() == QLatin1String("TIME_ORDER")) read = timeOrder();
            else if (xml_.name() == QLatin1String("TIER")) read = tier();
            else if (xml_.name() == QLatin1String("LINGUISTIC_TYPE")) read = linguisticType();
            else if (xml_.name() == QLatin1String("CONTROLLED_VOCABULARY")) read = vocabulary();
            else xml_.skipCurrentElement();
            if (!read) return read.takeError();
        }
        if (xml_.hasError()) return xmlError();
        if (Status s = checkReferences(); !s) return s.takeError();
        return std::move(doc_);
    }

private:
    int line() const { return static_cast<int>(xml_.lineNumber()); }
    std::string attribute(const char* name) const { return xml_.attributes().value(QLatin1String(name)).toString().toStdString(); }
    Status required(const char* element, const char* name, std::string* out) const {
        *out = attribute(name);
        if (out->empty()) return makeError(at(line()) + element + " has no " + name);
        return Status::success();
    }
    Error xmlError() const {
        return makeError("line " + std::to_string(line()) + ", column " + std::to_string(xml_.columnNumber()) +
                         ": not well-formed XML: " + xml_.errorString().toStdString());
    }
    // Text of the current element, which must hold text only.
    Result<std::string> text() {
        const QString value = xml_.readElementText();
        if (xml_.hasError()) return xmlError();
        return value.trimmed().toStdString();
    }
    Status endOfElement() { return xml_.hasError() ? Status(xmlError()) : Status::success(); }

    Status header() {
        doc_.headerLine = line();
        doc_.timeUnits = attribute("TIME_UNITS");
        while (xml_.readNextStartElement()) {
            if (xml_.name() != QLatin1String("MEDIA_DESCRIPTOR")) {
                xml_.skipCurrentElement();
                continue;
            }
            EafMedia media;
            media.line = line();
            media.relativeUrl = attribute("RELATIVE_MEDIA_URL");
            if (Status s = required("MEDIA_DESCRIPTOR", "MEDIA_URL", &media.url); !s) return s;
            doc_.media.push_back(std::move(media));
            xml_.skipCurrentElement();
        }
        return endOfElement();
    }

    Status timeOrder() {
        while (xml_.readNextStartElement()) {
            if (xml_.name() != QLatin1String("TIME_SLOT")) {
                xml_.skipCurrentElement();
                continue;
            }
            std::string id;
            if (Status s = required("TIME_SLOT", "TIME_SLOT_ID", &id); !s) return s;
            EafTimeSlot slot;
            slot.line = line();
            if (xml_.attributes().hasAttribute(QLatin1String("TIME_VALUE"))) {
                const std::string text = attribute("TIME_VALUE");
                std::int64_t ms = -1;
                auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
                if (ec != std::errc() || end != text.data() + text.size() || ms < 0)
                    return makeError(at(line()) + "time slot " + id + " has TIME_VALUE '" + text + "', expected whole milliseconds (0 or more)");
                slot.ms = ms;
            }
            if (!doc_.timeSlots.emplace(id, slot).second)
                return makeError(at(line()) + "time slot " + id + " is defined twice (also on line " + std::to_string(doc_.timeSlots[id].line) + ")");
            xml_.skipCurrentElement();
        }
        return endOfElement();
    }

    Status tier() {
        EafTier tier;
        tier.line = line();
        if (Status s = required("TIER", "TIER_ID", &tier.id); !s) return s;
        tier.participant = attribute("PARTICIPANT");
        tier.annotator = attribute("ANNOTATOR");
        tier.linguisticType = attribute("LINGUISTIC_TYPE_REF");
        tier.parent = attribute("PARENT_REF");
        for (const EafTier& other : doc_.tiers)
            if (other.id == tier.id)
                return makeError(at(line()) + "tier '" + tier.id + "' is defined twice (also on line " + std::to_string(other.line) + ")");
        while (xml_.readNextStartElement()) {
            if (xml_.name() != QLatin1String("ANNOTATION")) {
                xml_.skipCurrentElement();
                continue;
            }
            while (xml_.readNextStartElement()) {
                auto annotation = this->annotation(tier.id);
                if (!annotation) return annotation.takeError();
                tier.annotations.push_back(std::move(annotation).value());
            }
            if (Status s = endOfElement(); !s) return s;
        }
        doc_.tiers.push_back(std::move(tier));
        return endOfElement();
    }

    // An ALIGNABLE_ANNOTATION or REF_ANNOTATION, read to its end.
    Result<EafAnnotation> annotation(const std::string& tierId) {
        EafAnnotation a;
        a.line = line();
        const std::string element = xml_.name().toString().toStdString();
        a.alignable = element == "ALIGNABLE_ANNOTATION";
        if (!a.alignable && element != "REF_ANNOTATION")
            return makeError(at(line()) + "tier '" + tierId + "': <" + element + "> is not an ALIGNABLE_ANNOTATION or REF_ANNOTATION");
        if (Status s = required(element.c_str(), "ANNOTATION_ID", &a.id); !s) return s.takeError();
        if (!annotationIds_.insert(a.id).second) return makeError(at(line()) + "annotation id " + a.id + " is used twice");
        a.vocabularyEntry = attribute("CVE_REF");
        if (a.alignable) {
            for (auto [name, out] : {std::pair<const char*, std::string*>{"TIME_SLOT_REF1", &a.startSlot}, {"TIME_SLOT_REF2", &a.endSlot}})
                if (Status s = required(element.c_str(), name, out); !s) return makeError(s.error() + " (annotation " + a.id + ")");
        } else if (Status s = required(element.c_str(), "ANNOTATION_REF", &a.refersTo); !s) {
            return makeError(s.error() + " (annotation " + a.id + ")");
        }
        while (xml_.readNextStartElement()) {
            if (xml_.name() != QLatin1String("ANNOTATION_VALUE")) {
                xml_.skipCurrentElement();
                continue;
            }
            auto value = text();
            if (!value) return value.takeError();
            a.value = std::move(value).value();
        }
        if (Status s = endOfElement(); !s) return s.takeError();
        return a;
    }

    Status linguisticType() {
        std::string id;
        if (Status s = required("LINGUISTIC_TYPE", "LINGUISTIC_TYPE_ID", &id); !s) return s;
        doc_.vocabularyOfType[id] = attribute("CONTROLLED_VOCABULARY_REF");
        xml_.skipCurrentElement();
        return endOfElement();
    }

    Status vocabulary() {
        std::string id;
        if (Status s = required("CONTROLLED_VOCABULARY", "CV_ID", &id); !s) return s;
        std::vector<EafVocabularyEntry>& entries = doc_.vocabularies[id];
        while (xml_.readNextStartElement()) {
            EafVocabularyEntry entry;
            entry.id = attribute("CVE_ID");
            if (xml_.name() == QLatin1String("CV_ENTRY")) {  // EAF 2.7: the value is the text
                auto value = text();
                if (!value) return value.takeError();
                entry.values.push_back(std::move(value).value());
            } else if (xml_.name() == QLatin1String("CV_ENTRY_ML")) {  // EAF 2.8 on: a value per language
                while (xml_.readNextStartElement()) {
                    if (xml_.name() != QLatin1String("CVE_VALUE")) {
                        xml_.skipCurrentElement();
                        continue;
                    }
                    auto value = text();
                    if (!value) return value.takeError();
                    entry.values.push_back(std::move(value).value());
                }
                if (Status s = endOfElement(); !s) return s;
            } else {
                xml_.skipCurrentElement();
                continue;
            }
            entries.push_back(std::move(entry));
        }
        return endOfElement();
    }

    Status checkReferences() const {
        for (const EafTier& tier : doc_.tiers)
            for (const EafAnnotation& a : tier.annotations) {
                const std::string where = at(a.line) + "tier '" + tier.id + "', annotation " + a.id + ": ";
                for (const std::string* slot : {&a.startSlot, &a.endSlot})
                    if (a.alignable && !doc_.timeSlots.count(*slot))
                        return makeError(where + "time slot " + *slot + " is not in TIME_ORDER");
                if (!a.alignable && !annotationIds_.count(a.refersTo))
                    return makeError(where + "refers to annotation " + a.refersTo + ", which the file does not have");
            }
        return Status::success();
    }

    QXmlStreamReader xml_;
    EafDocument doc_;
    std::set<std::string> annotationIds_;
};

}  // namespace

Result<EafDocument> parseEafDocument(const std::string& bytes) { return EafParser(bytes).parse(); }

}  // namespace actionlens::formats
