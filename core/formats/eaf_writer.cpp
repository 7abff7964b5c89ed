#include "core/formats/eaf_writer.h"

#include "core/formats/action_word.h"
#include "core/formats/segment_times.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <QXmlStreamWriter>

#include <algorithm>

namespace actionlens::formats {

using namespace annotation;

namespace {

constexpr const char* kActionType = "action";
constexpr const char* kLanguage = "und";

const char* mimeTypeOf(const std::string& path) {
    const QString suffix = QFileInfo(QString::fromStdString(path)).suffix().toLower();
    if (suffix == QLatin1String("mp4") || suffix == QLatin1String("m4v")) return "video/mp4";
    if (suffix == QLatin1String("mpg") || suffix == QLatin1String("mpeg")) return "video/mpeg";
    if (suffix == QLatin1String("mov")) return "video/quicktime";
    if (suffix == QLatin1String("wav")) return "audio/x-wav";
    return "video/*";
}

// A task's values as one controlled vocabulary, its entries' ids unique in the document.
struct Vocabulary {
    std::string id;
    std::string description;
    std::vector<std::pair<std::string, std::string>> entries;  // (CVE_ID, value)
    std::string entryOf(const std::string& value) const {
        for (const auto& [id, v] : entries)
            if (v == value) return id;
        return {};
    }
};

// Writes one video's people's segments as an EAF 3.0 document, in the schema's element order.
class EafWriter {
public:
    explicit EafWriter(const Taxonomy& taxonomy) {
        const TaskDefinition* action = taxonomy.actionTask();
        Vocabulary actions{kActionType, "the classes of the action task, and the class groups that may stand alone", {}};
        if (action) {
            for (const TaskValue& v : action->values) actions.entries.emplace_back(nextEntryId(), v.name);
            for (const ClassGroup& g : action->groups)
                if (g.allowsGroupOnly) actions.entries.emplace_back(nextEntryId(), g.name);
        }
        vocabularies_.push_back(std::move(actions));
        for (const TaskDefinition& task : taxonomy.tasks) {
            if (task.kind == TaskKind::Action || task.scope != TaskScope::Segment) continue;
            Vocabulary values{task.name, "the values of the task '" + task.name + "'", {}};
            for (const TaskValue& v : task.values) values.entries.emplace_back(nextEntryId(), v.name);
            vocabularies_.push_back(std::move(values));
        }
    }

    Status write(const Taxonomy& taxonomy, const Video& video, const std::vector<EafTierPlan>& tiers, const std::string& path) {
        const std::string videoName = !video.name.empty() ? video.name : QFileInfo(qs(video.path)).fileName().toStdString();
        if (!tiers.empty() && !(video.fps > 0))
            return makeError("video '" + videoName + "' has no frame rate, so its segments have no times for ELAN");
        // Two time slots of its own per annotation, numbered in time order.
        std::vector<std::pair<std::int64_t, size_t>> boundaries;  // (ms, 2 * annotation + (end ? 1 : 0))
        std::vector<const Segment*> annotated;
        for (const EafTierPlan& tier : tiers)
            for (const Segment* s : tier.segments) {
                boundaries.emplace_back(frameStartMs(s->firstFrame, video.fps), 2 * annotated.size());
                boundaries.emplace_back(frameStartMs(s->lastFrame + 1, video.fps), 2 * annotated.size() + 1);
                annotated.push_back(s);
            }
        std::sort(boundaries.begin(), boundaries.end());
        slotOf_.assign(boundaries.size(), {});
        for (size_t i = 0; i < boundaries.size(); ++i) slotOf_[boundaries[i].second] = "ts" + std::to_string(i + 1);

        QFile file(qs(path));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return makeError("cannot write '" + path + "': " + file.errorString().toStdString());
        xml_.setDevice(&file);
        xml_.setAutoFormatting(true);
        xml_.writeStartDocument();
        xml_.writeStartElement(QStringLiteral("ANNOTATION_DOCUMENT"));
        attribute("AUTHOR", "");
        attribute("DATE", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString());
        attribute("FORMAT", "3.0");
        attribute("VERSION", "3.0");
        attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        attribute("xsi:noNamespaceSchemaLocation", "http://www.mpi.nl/tools/elan/EAFv3.0.xsd");
        annotationCount_ = 0;
        writeHeader(video, videoName, path, countAnnotations(tiers));
        xml_.writeStartElement(QStringLiteral("TIME_ORDER"));
        for (size_t i = 0; i < boundaries.size(); ++i) {
            xml_.writeEmptyElement(QStringLiteral("TIME_SLOT"));
            attribute("TIME_SLOT_ID", "ts" + std::to_string(i + 1));
            attribute("TIME_VALUE", std::to_string(boundaries[i].first));
        }
        xml_.writeEndElement();
        size_t annotation = 0;
        for (const EafTierPlan& tier : tiers) writeTiers(taxonomy, tier, annotation);
        writeTypesAndVocabularies();
        xml_.writeEndElement();  // ANNOTATION_DOCUMENT
        xml_.writeEndDocument();
        xml_.setDevice(nullptr);
        if (!file.flush() || file.error() != QFileDevice::NoError)
            return makeError("cannot write '" + path + "': " + file.errorString().toStdString());
        return Status::success();
    }

private:
    static QString qs(const std::string& s) { return QString::fromStdString(s); }
    void attribute(const char* name, const std::string& value) { xml_.writeAttribute(QLatin1String(name), qs(value)); }
    std::string nextEntryId() { return "cveid" + std::to_string(++entryCount_); }

    size_t countAnnotations(const std::vector<EafTierPlan>& tiers) const {
        size_t count = 0;
        for (const EafTierPlan& tier : tiers)
            for (const Segment* s : tier.segments) {
                ++count;
                for (size_t v = 1; v < vocabularies_.size(); ++v) count += s->labels.count(vocabularies_[v].id);
            }
        return count;
    }

    void writeHeader(const Video& video, const std::string& videoName, const std::string& path, size_t annotations) {
        xml_.writeStartElement(QStringLiteral("HEADER"));
        attribute("MEDIA_FILE", "");
        attribute("TIME_UNITS", "milliseconds");
        xml_.writeEmptyElement(QStringLiteral("MEDIA_DESCRIPTOR"));
        if (video.path.empty()) {
            attribute("MEDIA_URL", videoName);
            attribute("MIME_TYPE", "video/*");
        } else {
            const QString absolute = QFileInfo(qs(video.path)).absoluteFilePath();
            QString relative = QFileInfo(qs(path)).absoluteDir().relativeFilePath(absolute);
            if (!relative.startsWith(QLatin1String("../"))) relative.prepend(QLatin1String("./"));
            attribute("MEDIA_URL", QUrl::fromLocalFile(absolute).toString().toStdString());
            attribute("MIME_TYPE", mimeTypeOf(video.path));
            attribute("RELATIVE_MEDIA_URL", relative.toStdString());
        }
        // ELAN numbers the annotations it adds after this.
        xml_.writeStartElement(QStringLiteral("PROPERTY"));
        attribute("NAME", "lastUsedAnnotationId");
        xml_.writeCharacters(QString::number(annotations));
        xml_.writeEndElement();
        xml_.writeEndElement();  // HEADER
    }

    void startTier(const std::string& id, const std::string& type, const EafTierPlan& tier, const std::string& parent) {
        xml_.writeStartElement(QStringLiteral("TIER"));
        if (!tier.annotator.empty()) attribute("ANNOTATOR", tier.annotator);
        attribute("LINGUISTIC_TYPE_REF", type);
        if (!parent.empty()) attribute("PARENT_REF", parent);
        attribute("PARTICIPANT", tier.participant);
        attribute("TIER_ID", id);
    }

    void writeValue(const std::string& value) {
        xml_.writeTextElement(QStringLiteral("ANNOTATION_VALUE"), qs(value));
        xml_.writeEndElement();  // the annotation
        xml_.writeEndElement();  // ANNOTATION
    }

    // The subject's action tier, then a reference tier per other per-segment task.
    void writeTiers(const Taxonomy& taxonomy, const EafTierPlan& tier, size_t& annotation) {
        std::vector<std::string> ids;
        startTier(tier.id, kActionType, tier, "");
        for (const Segment* s : tier.segments) {
            const std::string id = "a" + std::to_string(++annotationCount_);
            ids.push_back(id);
            xml_.writeStartElement(QStringLiteral("ANNOTATION"));
            xml_.writeStartElement(QStringLiteral("ALIGNABLE_ANNOTATION"));
            attribute("ANNOTATION_ID", id);
            const std::string word = actionWordOf(taxonomy, s->labels);
            if (const std::string entry = vocabularies_.front().entryOf(word); !entry.empty()) attribute("CVE_REF", entry);
            attribute("TIME_SLOT_REF1", slotOf_[2 * annotation]);
            attribute("TIME_SLOT_REF2", slotOf_[2 * annotation + 1]);
            writeValue(word);
            ++annotation;
        }
        xml_.writeEndElement();  // TIER
        for (size_t v = 1; v < vocabularies_.size(); ++v) {
            const Vocabulary& task = vocabularies_[v];
            startTier(tier.id + "/" + task.id, task.id, tier, tier.id);
            for (size_t i = 0; i < tier.segments.size(); ++i) {
                auto label = tier.segments[i]->labels.find(task.id);
                if (label == tier.segments[i]->labels.end()) continue;
                xml_.writeStartElement(QStringLiteral("ANNOTATION"));
                xml_.writeStartElement(QStringLiteral("REF_ANNOTATION"));
                attribute("ANNOTATION_ID", "a" + std::to_string(++annotationCount_));
                attribute("ANNOTATION_REF", ids[i]);
                if (const std::string entry = task.entryOf(label->second); !entry.empty()) attribute("CVE_REF", entry);
                writeValue(label->second);
            }
            xml_.writeEndElement();  // TIER
        }
    }

    void writeTypesAndVocabularies() {
        for (size_t v = 0; v < vocabularies_.size(); ++v) {
            xml_.writeEmptyElement(QStringLiteral("LINGUISTIC_TYPE"));
            if (v > 0) attribute("CONSTRAINTS", "Symbolic_Association");
            attribute("CONTROLLED_VOCABULARY_REF", vocabularies_[v].id);
            attribute("GRAPHIC_REFERENCES", "false");
            attribute("LINGUISTIC_TYPE_ID", vocabularies_[v].id);
            attribute("TIME_ALIGNABLE", v == 0 ? "true" : "false");
        }
        xml_.writeEmptyElement(QStringLiteral("LANGUAGE"));
        attribute("LANG_DEF", "http://cdb.iso.org/lg/CDB-00130975-001");
        attribute("LANG_ID", kLanguage);
        attribute("LANG_LABEL", "undetermined (und)");
        // The four stereotypes ELAN writes into every file.
        const std::pair<const char*, const char*> constraints[] = {
            {"Time_Subdivision", "Time subdivision of parent annotation's time interval, no time gaps allowed within this interval"},
            {"Symbolic_Subdivision", "Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered"},
            {"Symbolic_Association", "1-1 association with a parent annotation"},
            {"Included_In", "Time alignable annotations within the parent annotation's time interval, gaps are allowed"}};
        for (const auto& [stereotype, description] : constraints) {
            xml_.writeEmptyElement(QStringLiteral("CONSTRAINT"));
            attribute("DESCRIPTION", description);
            attribute("STEREOTYPE", stereotype);
        }
        for (const Vocabulary& vocabulary : vocabularies_) {
            xml_.writeStartElement(QStringLiteral("CONTROLLED_VOCABULARY"));
            attribute("CV_ID", vocabulary.id);
            xml_.writeStartElement(QStringLiteral("DESCRIPTION"));
            attribute("LANG_REF", kLanguage);
            xml_.writeCharacters(qs(vocabulary.description));
            xml_.writeEndElement();
            for (const auto& [id, value] : vocabulary.entries) {
                xml_.writeStartElement(QStringLiteral("CV_ENTRY_ML"));
                attribute("CVE_ID", id);
                xml_.writeStartElement(QStringLiteral("CVE_VALUE"));
                attribute("DESCRIPTION", "");
                attribute("LANG_REF", kLanguage);
                xml_.writeCharacters(qs(value));
                xml_.writeEndElement();
                xml_.writeEndElement();
            }
            xml_.writeEndElement();
        }
    }

    QXmlStreamWriter xml_;
    std::vector<Vocabulary> vocabularies_;  // the action's first, then the other per-segment tasks'
    std::vector<std::string> slotOf_;       // 2 * annotation + (end ? 1 : 0) -> time slot id
    int entryCount_ = 0;
    size_t annotationCount_ = 0;
};

}  // namespace

std::vector<std::string> eafReferenceTierIds(const Taxonomy& taxonomy, const std::string& tierId) {
    std::vector<std::string> ids;
    for (const TaskDefinition& task : taxonomy.tasks)
        if (task.kind != TaskKind::Action && task.scope == TaskScope::Segment) ids.push_back(tierId + "/" + task.name);
    return ids;
}

Status writeEafDocument(const Taxonomy& taxonomy, const Video& video, const std::vector<EafTierPlan>& tiers, const std::string& path) {
    return EafWriter(taxonomy).write(taxonomy, video, tiers, path);
}

}  // namespace actionlens::formats
