#include "core/formats/elan_eaf.h"

#include "core/annotation/project_store.h"
#include "core/formats/action_word.h"
#include "core/formats/per_video_files.h"
#include "core/formats/eaf_document.h"
#include "core/formats/eaf_writer.h"
#include "core/formats/segment_times.h"
#include "core/formats/subjects_by_name.h"
#include "core/formats/text_file.h"
#include "core/formats/video_lookup.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace actionlens::formats {

using namespace annotation;

namespace {

constexpr const char* kNoSubject = "(no subject)";
constexpr size_t kMaxEafBytes = size_t{256} << 20;

// ---- import ----

// What a tier is about: whose labels, and of which task (none: a reference tier naming no task).
struct TierMeaning {
    std::string subject;  // empty: no subject
    const TaskDefinition* task = nullptr;
};

TierMeaning meaningOf(const EafTier& tier, const Taxonomy& taxonomy) {
    TierMeaning meaning;
    const size_t slash = tier.id.rfind('/');
    const TaskDefinition* suffixTask = slash == std::string::npos ? nullptr : taxonomy.findTask(tier.id.substr(slash + 1));
    meaning.task = taxonomy.findTask(tier.linguisticType);
    if (!meaning.task) meaning.task = suffixTask;
    const bool alignable = std::any_of(tier.annotations.begin(), tier.annotations.end(), [](const EafAnnotation& a) { return a.alignable; });
    if (!meaning.task && alignable) meaning.task = taxonomy.actionTask();
    meaning.subject = !tier.participant.empty() ? tier.participant : suffixTask ? tier.id.substr(0, slash) : tier.id;
    if (meaning.subject == kNoSubject) meaning.subject.clear();
    return meaning;
}

bool taskHas(const Taxonomy& taxonomy, const TaskDefinition& task, const std::string& word) {
    return task.kind == TaskKind::Action ? isActionWord(taxonomy, word) : task.findValue(word) != nullptr;
}

struct SegmentDraft {
    std::string subject;
    std::string annotator;
    FrameSpan span;
    LabelMap labels;
    std::map<std::string, std::string> labelledBy;  // label key -> the annotation that gave it
    int line = 0;
    std::string where;  // "tier 'alice', annotation a3"
};

// One .eaf file into the project.
class EafImport {
public:
    EafImport(const std::string& fileName, const EafDocument& doc, ProjectStore& store, const VideoLookup& videos,
              SubjectsByName& subjects, const ImportOptions& options)
        : file_(fileName), doc_(doc), store_(store), taxonomy_(store.taxonomy()), videos_(videos), subjects_(subjects),
          options_(options) {}

    Status run() {
        if (!doc_.timeUnits.empty() && doc_.timeUnits != "milliseconds")
            return fail(doc_.headerLine, "TIME_UNITS is '" + doc_.timeUnits + "'; ELAN files count in milliseconds");
        if (Status s = findVideo(); !s) return s;
        for (const EafTier& tier : doc_.tiers) {
            meanings_.push_back(meaningOf(tier, taxonomy_));
            const TierMeaning& meaning = meanings_.back();
            if (meaning.task && meaning.task->scope != TaskScope::Segment)
                return fail(tier.line, "tier '" + tier.id + "': task '" + meaning.task->name +
                                           "' is labelled per subject; tiers give per-segment tasks");
            if (!meaning.task && !tier.annotations.empty() && options_.warning)
                options_.warning(file_ + " line " + std::to_string(tier.line) + ": tier '" + tier.id +
                                 "' skipped: neither its type nor its name names a task of the taxonomy");
            for (const EafAnnotation& a : tier.annotations) annotations_[a.id] = {&tier, &a};
        }
        // Action tiers first, so other tasks' tiers can label their segments.
        for (bool actionTiers : {true, false})
            for (size_t t = 0; t < doc_.tiers.size(); ++t) {
                const TierMeaning& meaning = meanings_[t];
                if (!meaning.task || (meaning.task->kind == TaskKind::Action) != actionTiers) continue;
                for (const EafAnnotation& a : doc_.tiers[t].annotations)
                    if (a.alignable)
                        if (Status s = alignable(doc_.tiers[t], meaning, a); !s) return s;
            }
        for (size_t t = 0; t < doc_.tiers.size(); ++t) {
            if (!meanings_[t].task) continue;
            for (const EafAnnotation& a : doc_.tiers[t].annotations)
                if (!a.alignable)
                    if (Status s = reference(doc_.tiers[t], *meanings_[t].task, a); !s) return s;
        }
        return store();
    }

private:
    Error fail(int line, const std::string& message) const { return makeError(file_ + " line " + std::to_string(line) + ": " + message); }
    static std::string place(const EafTier& tier, const EafAnnotation& a) { return "tier '" + tier.id + "', annotation " + a.id; }

    Status findVideo() {
        if (doc_.media.empty())
            return fail(doc_.headerLine, "the HEADER has no MEDIA_DESCRIPTOR, so which video the file annotates is unknown");
        std::optional<Video> found;
        std::string foundName;
        std::vector<std::string> tried;
        for (const EafMedia& media : doc_.media) {
            for (const std::string* location : {&media.url, &media.relativeUrl}) {
                const std::string name = fileNameOfLocation(*location);
                if (name.empty() || std::find(tried.begin(), tried.end(), name) != tried.end()) continue;
                tried.push_back(name);
                const auto matches = videos_.find(name);
                if (matches.empty()) continue;
                auto video = videos_.findOne(name);
                if (!video) return fail(media.line, "media '" + name + "': " + video.error());
                if (found && found->id != video->id)
                    return fail(media.line, "the media name two of the project's videos ('" + foundName + "' and '" + name +
                                                "'); one .eaf file annotates one video");
                found = video.value();
                foundName = name;
            }
        }
        if (!found) {
            std::string names;
            for (const std::string& name : tried) names += (names.empty() ? "'" : ", '") + name + "'";
            return fail(doc_.media.front().line, "the media " + names + " is not one of the project's videos");
        }
        video_ = *found;
        return Status::success();
    }

    // The label (key, value) `a` gives `task`; none for an empty value.
    Result<std::optional<std::pair<std::string, std::string>>> labelOf(const EafTier& tier, const TaskDefinition& task,
                                                                       const EafAnnotation& a) const {
        using Label = std::optional<std::pair<std::string, std::string>>;
        if (a.value.empty()) return Label();
        std::string word = a.value;
        if (!taskHas(taxonomy_, task, word)) {
            auto mapped = mappedByVocabulary(tier, task, a);
            if (!mapped) return mapped.takeError();
            if (mapped->empty()) return fail(a.line, place(tier, a) + ": '" + a.value + "' is not a value of task '" + task.name + "'");
            word = mapped.value();
        }
        if (task.kind != TaskKind::Action) return Label(std::pair<std::string, std::string>(task.name, word));
        auto label = labelOfActionWord(taxonomy_, word);
        if (!label) return fail(a.line, place(tier, a) + ": " + label.error());
        return Label(label.value());
    }

    // The value of `task` that the tier type's vocabulary entry for `a` has; "" when none.
    Result<std::string> mappedByVocabulary(const EafTier& tier, const TaskDefinition& task, const EafAnnotation& a) const {
        auto type = doc_.vocabularyOfType.find(tier.linguisticType);
        if (type == doc_.vocabularyOfType.end()) return std::string();
        auto vocabulary = doc_.vocabularies.find(type->second);
        if (vocabulary == doc_.vocabularies.end()) return std::string();
        std::set<std::string> candidates;
        for (const EafVocabularyEntry& entry : vocabulary->second) {
            const bool named = !a.vocabularyEntry.empty() ? entry.id == a.vocabularyEntry
                                                          : std::find(entry.values.begin(), entry.values.end(), a.value) != entry.values.end();
            if (!named) continue;
            for (const std::string& value : entry.values)
                if (taskHas(taxonomy_, task, value)) candidates.insert(value);
        }
        if (candidates.size() > 1)
            return fail(a.line, place(tier, a) + ": controlled vocabulary '" + type->second + "' maps '" + a.value +
                                    "' to several values of task '" + task.name + "' ('" + *candidates.begin() + "', '" +
                                    *std::next(candidates.begin()) + "')");
        return candidates.empty() ? std::string() : *candidates.begin();
    }

    Status give(SegmentDraft& segment, const std::pair<std::string, std::string>& label, const EafTier& tier, const EafAnnotation& a) {
        const auto [key, value] = label;
        if (auto it = segment.labels.find(key); it != segment.labels.end() && it->second != value)
            return fail(a.line, place(tier, a) + ": gives " + key + " '" + value + "', but annotation " + segment.labelledBy[key] +
                                    " already gave '" + it->second + "'");
        segment.labels[key] = value;
        segment.labelledBy[key] = a.id;
        return Status::success();
    }

    Status alignable(const EafTier& tier, const TierMeaning& meaning, const EafAnnotation& a) {
        const EafTimeSlot& start = doc_.timeSlots.at(a.startSlot);
        const EafTimeSlot& end = doc_.timeSlots.at(a.endSlot);
        for (const auto* slot : {&a.startSlot, &a.endSlot})
            if (!doc_.timeSlots.at(*slot).ms)
                return fail(a.line, place(tier, a) + ": time slot " + *slot + " has no TIME_VALUE; a segment needs both its times");
        auto span = framesOfTimes(static_cast<double>(*start.ms), static_cast<double>(*end.ms), TimeUnit::Milliseconds, video_);
        if (!span) return fail(a.line, place(tier, a) + ": " + span.error());
        if (span->cut && options_.warning)
            options_.warning(file_ + " line " + std::to_string(a.line) + ": " + place(tier, a) + " ends past the video; cut at its last frame " +
                             std::to_string(span->last));
        auto label = labelOf(tier, *meaning.task, a);
        if (!label) return label.takeError();
        SegmentDraft* segment = nullptr;
        if (meaning.task->kind != TaskKind::Action)
            for (SegmentDraft& s : segments_)
                if (s.subject == meaning.subject && s.span.first == span->first && s.span.last == span->last) segment = &s;
        if (!segment) {
            segments_.push_back(SegmentDraft{meaning.subject, tier.annotator, span.value(), {}, {}, a.line, place(tier, a)});
            segment = &segments_.back();
        }
        segmentOf_[a.id] = static_cast<size_t>(segment - segments_.data());
        if (*label) return give(*segment, **label, tier, a);
        return Status::success();
    }

    Status reference(const EafTier& tier, const TaskDefinition& task, const EafAnnotation& a) {
        const EafAnnotation* root = &a;
        for (size_t steps = 0; !root->alignable; ++steps) {
            if (steps > annotations_.size())
                return fail(a.line, place(tier, a) + ": its references go round in a circle");
            root = annotations_.at(root->refersTo).second;
        }
        auto segment = segmentOf_.find(root->id);
        if (segment == segmentOf_.end()) return Status::success();  // its alignable annotation is on a skipped tier
        auto label = labelOf(tier, task, a);
        if (!label) return label.takeError();
        if (*label) return give(segments_[segment->second], **label, tier, a);
        return Status::success();
    }

    Status store() {
        for (const SegmentDraft& draft : segments_) {
            Segment segment;
            segment.videoId = video_.id;
            segment.firstFrame = draft.span.first;
            segment.lastFrame = draft.span.last;
            segment.labels = draft.labels;
            segment.annotator = draft.annotator;
            if (!draft.subject.empty()) {
                auto id = subjects_.idOf(draft.subject);
                if (!id) return fail(draft.line, draft.where + ": " + id.error());
                segment.subjectId = id.value();
            }
            if (auto id = store_.insertSegment(segment); !id) return fail(draft.line, draft.where + ": " + id.error());
        }
        return Status::success();
    }

    std::string file_;
    const EafDocument& doc_;
    ProjectStore& store_;
    const Taxonomy& taxonomy_;
    const VideoLookup& videos_;
    SubjectsByName& subjects_;
    const ImportOptions& options_;
    Video video_;
    std::vector<TierMeaning> meanings_;  // by tier
    std::map<std::string, std::pair<const EafTier*, const EafAnnotation*>> annotations_;
    std::vector<SegmentDraft> segments_;
    std::map<std::string, size_t> segmentOf_;  // alignable annotation id -> its segment
};

}  // namespace

Status importElan(const std::string& source, ProjectStore& store, const ImportOptions& options) {
    auto files = filesOfSource(source, "*.eaf", "ELAN files (*.eaf)");
    if (!files) return files.takeError();
    if (!store.taxonomy().actionTask())
        return makeError("the project has no taxonomy with an action task, so the tiers' values mean nothing yet; give it a taxonomy first");
    auto videos = VideoLookup::load(store);
    if (!videos) return videos.takeError();
    SubjectsByName subjects(store);
    std::int64_t done = 0;
    for (const std::string& path : files.value()) {
        const std::string fileName = QFileInfo(QString::fromStdString(path)).fileName().toStdString();
        auto bytes = readTextFile(path, kMaxEafBytes);
        if (!bytes) return bytes.takeError();
        auto doc = parseEafDocument(bytes.value());
        if (!doc) return makeError(fileName + " " + doc.error());
        if (Status s = EafImport(fileName, doc.value(), store, videos.value(), subjects, options).run(); !s) return s;
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(files->size())); !cancel) return cancel;
    }
    return Status::success();
}

// ---- export ----

namespace {

// `wanted`, or "wanted (2)", ... : the first whose tier and reference tiers' ids are all unused.
std::string uniqueTierId(const std::string& wanted, const Taxonomy& taxonomy, std::set<std::string>& used) {
    auto free = [&](const std::string& id) {
        if (used.count(id)) return false;
        for (const std::string& reference : eafReferenceTierIds(taxonomy, id))
            if (used.count(reference)) return false;
        return true;
    };
    std::string id = wanted;
    for (int n = 2; !free(id); ++n) id = wanted + " (" + std::to_string(n) + ")";
    used.insert(id);
    for (const std::string& reference : eafReferenceTierIds(taxonomy, id)) used.insert(reference);
    return id;
}

// People's segments into tiers: per subject (in id order, those without one last) and annotator
// (in order of appearance), in lanes that keep a tier's annotations apart.
std::vector<EafTierPlan> planTiers(const std::vector<Segment>& segments, const std::map<std::int64_t, std::string>& subjectNames,
                                   const Taxonomy& taxonomy) {
    std::set<std::string> usedIds;
    std::map<std::pair<std::int64_t, std::string>, std::vector<std::vector<const Segment*>>> lanes;
    std::map<std::int64_t, std::vector<std::string>> annotators;  // subject -> annotators in order of appearance
    for (const Segment& s : segments) {
        if (isModelPrediction(s)) continue;
        const std::int64_t subject = s.subjectId ? s.subjectId : std::numeric_limits<std::int64_t>::max();
        std::vector<std::string>& names = annotators[subject];
        if (std::find(names.begin(), names.end(), s.annotator) == names.end()) names.push_back(s.annotator);
        auto& subjectLanes = lanes[{subject, s.annotator}];
        auto free = std::find_if(subjectLanes.begin(), subjectLanes.end(),
                                 [&](const std::vector<const Segment*>& lane) { return lane.back()->lastFrame < s.firstFrame; });
        if (free == subjectLanes.end()) subjectLanes.push_back({&s});
        else free->push_back(&s);
    }
    std::vector<EafTierPlan> tiers;
    for (const auto& [subject, names] : annotators) {
        auto named = subjectNames.find(subject);
        const std::string participant = named != subjectNames.end() ? named->second : kNoSubject;
        for (size_t a = 0; a < names.size(); ++a)
            for (const std::vector<const Segment*>& lane : lanes[{subject, names[a]}]) {
                const std::string wanted = a == 0 || names[a].empty() ? participant : participant + " (" + names[a] + ")";
                tiers.push_back(EafTierPlan{uniqueTierId(wanted, taxonomy, usedIds), participant, names[a], lane});
            }
    }
    return tiers;
}

}  // namespace

Status exportElan(ProjectStore& store, const std::string& output, const ExportOptions& options) {
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    if (videos->empty()) return makeError("the project has no videos to export");
    auto subjects = store.subjects();
    if (!subjects) return subjects.takeError();
    std::map<std::int64_t, std::string> subjectNames;
    for (const Subject& s : subjects.value()) subjectNames[s.id] = s.name;
    PerVideoFiles files(output, videos->size(), ".eaf");
    if (Status s = files.prepare(); !s) return s;
    std::int64_t done = 0;
    for (const Video& video : videos.value()) {
        auto segments = store.segmentsOfVideo(video.id);
        if (!segments) return segments.takeError();
        const std::vector<EafTierPlan> tiers = planTiers(segments.value(), subjectNames, store.taxonomy());
        const std::string path = files.pathFor(video);
        if (Status s = writeEafDocument(store.taxonomy(), video, tiers, path); !s) return s;
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(videos->size())); !cancel) return cancel;
    }
    return Status::success();
}

}  // namespace actionlens::formats
