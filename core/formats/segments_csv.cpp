#include "core/formats/segments_csv.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/common/csv_field.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QString>

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

}  // namespace

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
