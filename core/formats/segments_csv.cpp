#include "core/formats/segments_csv.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/common/csv_field.h"
#include "core/formats/csv_records.h"
#include "core/formats/subjects_by_name.h"
#include "core/formats/text_file.h"
#include "core/formats/video_lookup.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QString>

#include <charconv>
#include <map>

namespace actionlens::formats {

using namespace annotation;

namespace {

std::string seconds(std::int64_t frame, double fps) {
    if (!(fps > 0)) return {};
    return QString::number(static_cast<double>(frame) / fps, 'f', 3).toStdString();
}

std::string label(const std::map<std::string, std::string>& labels, const std::string& task) {
    auto it = labels.find(task);
    return it == labels.end() ? std::string() : it->second;
}

// Every column the export writes besides the tasks'.
constexpr const char* kFixedColumns[] = {"segment_id", "video_id", "video",     "subject", "first_frame", "last_frame", "start_s",
                                         "end_s",      "group",    "annotator", "review",  "confidence",  "source"};
constexpr std::int64_t kRowsPerProgressPoint = 256;

bool isFixedColumn(const std::string& name) {
    for (const char* column : kFixedColumns)
        if (name == column) return true;
    return false;
}

template <typename T>
bool parseWhole(const std::string& text, T* value) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, *value);
    return ec == std::errc() && ptr == end && !text.empty();
}

// One row into a segment; `at` is "segments.csv line 4".
class SegmentRowReader {
public:
    SegmentRowReader(const Taxonomy& taxonomy, const std::vector<std::string>& header)
        : taxonomy_(taxonomy), header_(header) {}

    Status checkHeader(const std::string& at) {
        for (size_t i = 0; i < header_.size(); ++i) {
            const std::string& name = header_[i];
            if (!columns_.emplace(name, i).second) return makeError(at + ": column '" + name + "' appears twice");
            if (isFixedColumn(name)) continue;
            const TaskDefinition* task = taxonomy_.findTask(name);
            if (task && task->scope == TaskScope::Segment) {
                taskColumns_.emplace_back(name, i);
                continue;
            }
            if (task) return makeError(at + ": column '" + name + "' is a per-subject task; segments carry per-segment tasks only");
            return makeError(at + ": column '" + name +
                             "' is neither a segments-csv column nor a per-segment task of the project's taxonomy");
        }
        for (const char* required : {"video", "first_frame", "last_frame"})
            if (!columns_.count(required)) return makeError(at + ": no '" + required + "' column in the header");
        return Status::success();
    }

    // The segment of `fields` without its video and subject, which the caller looks up.
    Result<Segment> segment(const std::vector<std::string>& fields, const std::string& at) const {
        if (fields.size() != header_.size())
            return makeError(at + ": " + std::to_string(fields.size()) + " fields, the header has " + std::to_string(header_.size()));
        auto in = [&](const char* column) { return at + ", " + column + ": "; };
        Segment s;
        if (!parseWhole(cell(fields, "first_frame"), &s.firstFrame) || s.firstFrame < 0)
            return makeError(in("first_frame") + "'" + cell(fields, "first_frame") + "' is not a frame number (0 or more)");
        if (!parseWhole(cell(fields, "last_frame"), &s.lastFrame) || s.lastFrame < 0)
            return makeError(in("last_frame") + "'" + cell(fields, "last_frame") + "' is not a frame number (0 or more)");
        if (s.lastFrame < s.firstFrame)
            return makeError(at + ": last_frame " + std::to_string(s.lastFrame) + " is before first_frame " + std::to_string(s.firstFrame));
        for (const auto& [task, column] : taskColumns_) {
            if (fields[column].empty()) continue;
            if (Status ok = checkLabel(taxonomy_, TaskScope::Segment, task, fields[column]); !ok)
                return makeError(at + ", " + task + ": " + ok.error());
            s.labels[task] = fields[column];
        }
        if (const std::string group = cell(fields, "group"); !group.empty()) {
            const TaskDefinition* action = taxonomy_.actionTask();
            const bool hasAction = action && s.labels.count(action->name);
            if (hasAction && labelledClassGroup(taxonomy_, s.labels) != group)
                return makeError(in("group") + "'" + group + "' is not the group of action '" + s.labels[action->name] + "' ('" +
                                 labelledClassGroup(taxonomy_, s.labels) + "')");
            if (!hasAction) {
                if (Status ok = checkGroupOnlyLabel(taxonomy_, group); !ok) return makeError(in("group") + ok.error());
                s.labels[kGroupOnlyLabelKey] = group;
            }
        }
        s.annotator = cell(fields, "annotator");
        if (const std::string review = cell(fields, "review"); !review.empty() && !parseReviewStatus(review, &s.review))
            return makeError(in("review") + "'" + review + "' is not unreviewed, accepted or rejected");
        if (const std::string text = cell(fields, "confidence"); !text.empty()) {
            double confidence = 0;
            if (!parseWhole(text, &confidence) || !(confidence >= 0 && confidence <= 1))
                return makeError(in("confidence") + "'" + text + "' is not a number from 0 to 1");
            s.confidence = confidence;
        }
        s.source = cell(fields, "source");
        return s;
    }

    std::string cell(const std::vector<std::string>& fields, const char* column) const {
        auto it = columns_.find(column);
        return it == columns_.end() ? std::string() : fields[it->second];
    }

private:
    const Taxonomy& taxonomy_;
    std::vector<std::string> header_;
    std::map<std::string, size_t> columns_;
    std::vector<std::pair<std::string, size_t>> taskColumns_;
};

}  // namespace

Status importSegmentsCsv(const std::string& source, ProjectStore& store, const ImportOptions& options) {
    const std::string fileName = QFileInfo(QString::fromStdString(source)).fileName().toStdString();
    auto text = readTextFile(source);
    if (!text) return text.takeError();
    auto records = readCsvRecords(text.value(), fileName);
    if (!records) return records.takeError();
    if (records->empty()) return makeError(fileName + ": empty file, expected a header line");
    SegmentRowReader rows(store.taxonomy(), records->front().fields);
    if (Status header = rows.checkHeader(fileName + " line " + std::to_string(records->front().line)); !header) return header;
    auto videos = VideoLookup::load(store);
    if (!videos) return videos.takeError();
    SubjectsByName subjects(store);
    const auto total = static_cast<std::int64_t>(records->size() - 1);
    for (size_t r = 1; r < records->size(); ++r) {
        const CsvRecord& record = (*records)[r];
        const std::string at = fileName + " line " + std::to_string(record.line);
        auto segment = rows.segment(record.fields, at);
        if (!segment) return segment.takeError();
        auto video = videos->findOne(rows.cell(record.fields, "video"));
        if (!video) return makeError(at + ", video: " + video.error());
        segment->videoId = video->id;
        if (const std::string subject = rows.cell(record.fields, "subject"); !subject.empty()) {
            auto id = subjects.idOf(subject);
            if (!id) return makeError(at + ", subject: " + id.error());
            segment->subjectId = id.value();
        }
        if (auto id = store.insertSegment(segment.value()); !id) return makeError(at + ": " + id.error());
        const auto done = static_cast<std::int64_t>(r);
        if (done % kRowsPerProgressPoint == 0 || done == total)
            if (Status cancel = progressPoint(options, done, total); !cancel) return cancel;
    }
    return Status::success();
}

std::string csvRecord(const std::vector<std::string>& fields) {
    std::string record;
    for (size_t i = 0; i < fields.size(); ++i) record += (i ? "," : "") + csvField(fields[i]);
    return record;
}

Status exportSegmentsCsv(ProjectStore& store, const std::string& output, const ExportOptions& options) {
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    auto subjects = store.subjects();
    if (!subjects) return subjects.takeError();
    std::map<std::int64_t, std::string> subjectNames;
    for (const Subject& s : subjects.value()) subjectNames[s.id] = s.name;

    const Taxonomy& taxonomy = store.taxonomy();
    std::vector<std::string> tasks;
    for (const TaskDefinition& task : taxonomy.tasks)
        if (task.scope == TaskScope::Segment) tasks.push_back(task.name);

    std::vector<std::string> header = {"segment_id", "video_id", "video", "subject", "first_frame", "last_frame", "start_s", "end_s"};
    header.insert(header.end(), tasks.begin(), tasks.end());
    header.insert(header.end(), {"group", "annotator", "review", "confidence", "source"});
    std::string text = csvRecord(header) + "\r\n";

    std::int64_t done = 0;
    for (const Video& video : videos.value()) {
        auto segments = store.segmentsOfVideo(video.id);
        if (!segments) return segments.takeError();
        const std::string videoName = !video.name.empty() ? video.name : QFileInfo(QString::fromStdString(video.path)).fileName().toStdString();
        for (const Segment& s : segments.value()) {
            std::vector<std::string> row = {std::to_string(s.id), std::to_string(s.videoId), videoName,
                                            s.subjectId ? subjectNames[s.subjectId] : std::string(),
                                            std::to_string(s.firstFrame), std::to_string(s.lastFrame),
                                            seconds(s.firstFrame, video.fps), seconds(s.lastFrame + 1, video.fps)};
            for (const std::string& task : tasks) row.push_back(label(s.labels, task));
            // The action's group, or the group given alone where the exact action is unclear.
            row.push_back(labelledClassGroup(taxonomy, s.labels));
            row.push_back(s.annotator);
            row.push_back(reviewStatusName(s.review));
            row.push_back(s.confidence ? QString::number(*s.confidence, 'f', 4).toStdString() : std::string());
            row.push_back(s.source);
            text += csvRecord(row) + "\r\n";
        }
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(videos->size())); !cancel) return cancel;
    }

    QSaveFile file(QString::fromStdString(output));
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
        !file.commit())
        return makeError("cannot write '" + output + "': " + file.errorString().toStdString());
    return Status::success();
}

}  // namespace actionlens::formats
