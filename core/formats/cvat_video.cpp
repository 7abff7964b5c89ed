#include "core/formats/cvat_video.h"

#include "core/annotation/project_store.h"
#include "core/formats/action_word.h"
#include "core/formats/cvat_video_document.h"
#include "core/formats/per_video_files.h"
#include "core/formats/subjects_by_name.h"
#include "core/formats/video_lookup.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace actionlens::formats {

using namespace annotation;

namespace {

constexpr float kOccludedConfidence = 0.5f;

// The video a file annotates: the one its <source> names, else the one its task <name> names.
Result<Video> videoOf(const CvatVideoDocument& document, const VideoLookup& videos) {
    if (document.source.empty() && document.taskName.empty()) return makeError("meta names no <source> video and no task <name>");
    std::string sourceError;
    if (!document.source.empty()) {
        auto bySource = videos.findOne(fileNameOfLocation(document.source));
        if (bySource) return bySource;
        sourceError = "<source>: " + bySource.error();
    }
    if (!document.taskName.empty()) {
        auto byName = videos.findOne(document.taskName);
        if (byName) return byName;
        if (sourceError.empty()) return makeError("task <name>: " + byName.error());
    }
    return makeError(sourceError);
}

Joint jointOf(const CvatPoint& point) {
    Joint joint;
    joint.x = point.x;
    joint.y = point.y;
    joint.visible = !point.outside;
    joint.confidence = point.outside ? 0.0f : point.occluded ? kOccludedConfidence : 1.0f;
    return joint;
}

class FileImport {
public:
    FileImport(ProjectStore& store, const CvatVideoDocument& document, const Video& video, const ImportOptions& options, std::string fileName,
               SubjectsByName& subjects)
        : store_(store), document_(document), video_(video), options_(options), fileName_(std::move(fileName)), subjects_(subjects) {}

    Status run() {
        for (const CvatTrack& track : document_.tracks) {
            if (track.shapes.empty()) continue;
            std::vector<CvatShape> shapes = track.shapes;
            std::stable_sort(shapes.begin(), shapes.end(), [](const CvatShape& a, const CvatShape& b) { return a.frame < b.frame; });
            auto subject = subjects_.idOf(subjectNameOf(track));
            if (!subject) return at(track.line, track, subject.error());
            Status read = track.kind == CvatShapeKind::Box ? readBoxTrack(track, shapes, subject.value())
                                                           : readPoseTrack(track, shapes, subject.value());
            if (!read) return read;
        }
        return Status::success();
    }

private:
    Error at(std::int64_t line, const CvatTrack& track, const std::string& message) const {
        return makeError(fileName_ + " line " + std::to_string(line) + ": track " + std::to_string(track.id) + ": " + message);
    }
    Error at(const CvatShape& shape, const CvatTrack& track, const std::string& message) const {
        return makeError(fileName_ + " line " + std::to_string(shape.line) + ": track " + std::to_string(track.id) + ", frame " +
                         std::to_string(shape.frame) + ": " + message);
    }

    static std::string subjectNameOf(const CvatTrack& track) {
        for (const CvatShape& shape : track.shapes) {
            auto subject = shape.attributes.find("subject");
            if (subject != shape.attributes.end() && !subject->second.empty()) return subject->second;
        }
        return (track.label.empty() ? std::string("track") : track.label) + " " + std::to_string(track.id);
    }

    std::int64_t videoFrameOf(std::int64_t taskFrame) const { return document_.startFrame + taskFrame * document_.frameStep; }

    // The video frame a shape holds to: up to the next shape, the last one to the task's end.
    std::int64_t lastFrameOf(const std::vector<CvatShape>& shapes, size_t i) const {
        std::int64_t last = i + 1 < shapes.size() ? videoFrameOf(shapes[i + 1].frame) - 1
                            : document_.stopFrame >= 0 ? document_.stopFrame
                            : video_.frameCount > 0    ? video_.frameCount - 1
                                                       : videoFrameOf(shapes[i].frame) + document_.frameStep - 1;
        if (video_.frameCount > 0) last = std::min(last, video_.frameCount - 1);
        return last;
    }

    Result<std::int64_t> checkedFrame(const CvatShape& shape) const {
        const std::int64_t frame = videoFrameOf(shape.frame);
        if (video_.frameCount > 0 && frame >= video_.frameCount)
            return makeError("video frame " + std::to_string(frame) + " is past the video's last frame " + std::to_string(video_.frameCount - 1));
        return frame;
    }

    Result<LabelMap> labelsOf(const CvatShape& shape) const {
        LabelMap labels;
        const Taxonomy& taxonomy = store_.taxonomy();
        for (const TaskDefinition& task : taxonomy.tasks) {
            if (task.scope != TaskScope::Segment) continue;
            auto attribute = shape.attributes.find(task.name);
            if (attribute == shape.attributes.end() || attribute->second.empty()) continue;
            if (task.kind == TaskKind::Action) {
                auto label = labelOfActionWord(taxonomy, attribute->second);
                if (!label) return label.takeError();
                labels[label->first] = label->second;
            } else {
                if (!task.findValue(attribute->second))
                    return makeError("'" + attribute->second + "' is not a value of task '" + task.name + "'");
                labels[task.name] = attribute->second;
            }
        }
        return labels;
    }

    Status readBoxTrack(const CvatTrack& track, const std::vector<CvatShape>& shapes, std::int64_t subjectId) {
        std::vector<Segment> segments;
        for (size_t i = 0; i < shapes.size(); ++i) {
            const CvatShape& shape = shapes[i];
            auto first = checkedFrame(shape);
            if (!first) return at(shape, track, first.error());
            if (shape.outside) continue;
            auto labels = labelsOf(shape);
            if (!labels) return at(shape, track, labels.error());
            if (labels->empty()) continue;
            const std::int64_t last = lastFrameOf(shapes, i);
            if (!segments.empty() && segments.back().labels == labels.value() && segments.back().lastFrame + 1 == first.value()) {
                segments.back().lastFrame = last;
                continue;
            }
            Segment segment;
            segment.videoId = video_.id;
            segment.subjectId = subjectId;
            segment.firstFrame = first.value();
            segment.lastFrame = last;
            segment.labels = std::move(labels).value();
            segments.push_back(std::move(segment));
        }
        for (const Segment& segment : segments)
            if (auto inserted = store_.insertSegment(segment); !inserted) return at(track.line, track, inserted.error());
        return Status::success();
    }

    // A skeleton track's layout: the one named like its label, else the first with all its joints.
    Result<const SkeletonLayout*> skeletonLayoutOf(const CvatTrack& track) const {
        std::vector<std::string> names;
        for (const CvatShape& shape : track.shapes)
            for (const CvatPoint& point : shape.points)
                if (std::find(names.begin(), names.end(), point.label) == names.end()) names.push_back(point.label);
        auto fits = [&](const SkeletonLayout& layout) {
            return std::all_of(names.begin(), names.end(), [&](const std::string& n) { return layout.jointIndex(n) >= 0; });
        };
        if (const SkeletonLayout* named = store_.skeletonLayout(track.label); named && fits(*named)) return named;
        for (const SkeletonLayout& layout : store_.skeletonLayouts())
            if (fits(layout)) return &layout;
        std::string list;
        for (const std::string& n : names) list += (list.empty() ? "'" : ", '") + n + "'";
        return makeError("no skeleton layout of the project has the joints " + list);
    }

    Result<const SkeletonLayout*> pointsLayoutOf(const CvatTrack& track) const {
        const size_t count = track.shapes.front().points.size();
        for (const CvatShape& shape : track.shapes)
            if (shape.points.size() != count)
                return makeError("frame " + std::to_string(shape.frame) + " has " + std::to_string(shape.points.size()) + " points, frame " +
                                 std::to_string(track.shapes.front().frame) + " has " + std::to_string(count));
        if (!options_.layout.empty()) {
            const SkeletonLayout* named = store_.skeletonLayout(options_.layout);
            if (!named) return makeError("the project has no skeleton layout '" + options_.layout + "'");
            if (named->joints.size() != count)
                return makeError("the layout '" + options_.layout + "' has " + std::to_string(named->joints.size()) + " joints, the track's points " +
                                 std::to_string(count));
            return named;
        }
        for (const SkeletonLayout& layout : store_.skeletonLayouts())
            if (layout.joints.size() == count) return &layout;
        return makeError("no skeleton layout of the project has " + std::to_string(count) + " joints, the track's point count");
    }

    Status readPoseTrack(const CvatTrack& track, const std::vector<CvatShape>& shapes, std::int64_t subjectId) {
        const bool skeleton = track.kind == CvatShapeKind::Skeleton;
        auto layout = skeleton ? skeletonLayoutOf(track) : pointsLayoutOf(track);
        if (!layout) return at(track.line, track, layout.error());
        std::vector<SkeletonFrame> frames;
        for (const CvatShape& shape : shapes) {
            auto frame = checkedFrame(shape);
            if (!frame) return at(shape, track, frame.error());
            if (shape.outside) continue;
            SkeletonFrame pose{video_.id, subjectId, frame.value(), layout.value()->id, PoseSource::Imported,
                               std::vector<Joint>(layout.value()->joints.size())};
            for (size_t j = 0; j < shape.points.size(); ++j) {
                const int index = skeleton ? layout.value()->jointIndex(shape.points[j].label) : static_cast<int>(j);
                pose.joints[index] = jointOf(shape.points[j]);
            }
            if (!frames.empty() && frames.back().frame == pose.frame) return at(shape, track, "a second shape on the same frame");
            frames.push_back(std::move(pose));
        }
        if (Status inserted = store_.insertSkeletonFrames(frames); !inserted) return at(track.line, track, inserted.error());
        return Status::success();
    }

    ProjectStore& store_;
    const CvatVideoDocument& document_;
    const Video& video_;
    const ImportOptions& options_;
    std::string fileName_;
    SubjectsByName& subjects_;
};

}  // namespace

Status importCvatVideo(const std::string& source, ProjectStore& store, const ImportOptions& options) {
    auto files = filesOfSource(source, "*.xml", ".xml files");
    if (!files) return files.takeError();
    auto videos = VideoLookup::load(store);
    if (!videos) return videos.takeError();
    SubjectsByName subjects(store);
    std::int64_t done = 0;
    for (const std::string& path : files.value()) {
        const std::string fileName = QFileInfo(QString::fromStdString(path)).fileName().toStdString();
        auto document = readCvatVideoDocument(path);
        if (!document) return document.takeError();
        auto video = videoOf(document.value(), videos.value());
        if (!video) return makeError(fileName + ": " + video.error());
        if (Status imported = FileImport(store, document.value(), video.value(), options, fileName, subjects).run(); !imported) return imported;
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(files->size())); !cancel) return cancel;
    }
    return Status::success();
}

}  // namespace actionlens::formats
