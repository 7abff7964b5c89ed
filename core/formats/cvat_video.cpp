#include "core/formats/cvat_video.h"

#include "core/annotation/project_store.h"
#include "core/formats/action_word.h"
#include "core/formats/cvat_video_document.h"
#include "core/formats/per_video_files.h"
#include "core/formats/subject_boxes.h"
#include "core/formats/subjects_by_name.h"
#include "core/formats/video_lookup.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>

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

// A shape on a video frame between two of its track's shapes: the earlier one moved linearly
// toward the later one, `t` of the way (CVAT interpolates tracks so when its file lists only
// keyframes). Points are moved where both shapes have them inside; the rest are held.
CvatShape interpolated(const CvatShape& from, const CvatShape& to, double t) {
    CvatShape shape = from;
    shape.keyframe = false;
    auto mix = [t](double a, double b) { return a + (b - a) * t; };
    shape.xtl = mix(from.xtl, to.xtl);
    shape.ytl = mix(from.ytl, to.ytl);
    shape.xbr = mix(from.xbr, to.xbr);
    shape.ybr = mix(from.ybr, to.ybr);
    for (size_t i = 0; i < shape.points.size(); ++i) {
        CvatPoint& point = shape.points[i];
        const CvatPoint* other = nullptr;
        if (!point.label.empty()) {
            for (const CvatPoint& p : to.points)
                if (p.label == point.label) other = &p;
        } else if (i < to.points.size()) {
            other = &to.points[i];
        }
        if (!other || point.outside || other->outside) continue;
        point.x = static_cast<float>(mix(point.x, other->x));
        point.y = static_cast<float>(mix(point.y, other->y));
    }
    return shape;
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
        // Boxes last: a subject's box joins its pose where a skeleton track gave it one.
        for (const auto& [subject, boxes] : boxes_)
            if (Status stored = storeSubjectBoxes(store_, video_.id, subject, boxes); !stored)
                return makeError(fileName_ + ": boxes of subject " + std::to_string(subject) + ": " + stored.error());
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

    // Each video frame the track covers with its shape there: a listed shape on its own frame,
    // moved toward the track's next shape on the frames up to it (held when that one is outside,
    // and after the last shape to the task's end), nothing while outside.
    struct FrameShape {
        std::int64_t frame = 0;
        CvatShape shape;
        bool listed = false;  // the file's own shape, not one filled in
    };
    Result<std::vector<FrameShape>> framesOf(const CvatTrack& track, const std::vector<CvatShape>& shapes) const {
        std::vector<FrameShape> frames;
        for (size_t i = 0; i < shapes.size(); ++i) {
            const CvatShape& shape = shapes[i];
            auto first = checkedFrame(shape);
            if (!first) return at(shape, track, first.error());
            if (i > 0 && shapes[i - 1].frame == shape.frame) return at(shape, track, "a second shape on the same frame");
            if (shape.outside) continue;
            const std::int64_t last = lastFrameOf(shapes, i);
            const bool towardNext = i + 1 < shapes.size() && !shapes[i + 1].outside;
            const double span = towardNext ? double(videoFrameOf(shapes[i + 1].frame) - first.value()) : 1.0;
            for (std::int64_t frame = first.value(); frame <= last; ++frame) {
                const bool listed = frame == first.value();
                frames.push_back(FrameShape{frame,
                                            listed || !towardNext ? shape : interpolated(shape, shapes[i + 1], double(frame - first.value()) / span),
                                            listed});
                if (!listed) frames.back().shape.keyframe = false;
            }
        }
        return frames;
    }

    // The box CVAT's exports (ours too) give where they know none is the whole frame: no box.
    bool isWholeFrame(const CvatShape& shape) const {
        const double width = document_.width > 0 ? document_.width : video_.width > 0 ? video_.width : 1.0;
        const double height = document_.height > 0 ? document_.height : video_.height > 0 ? video_.height : 1.0;
        return shape.xtl <= 0 && shape.ytl <= 0 && shape.xbr >= width && shape.ybr >= height;
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
        auto frames = framesOf(track, shapes);
        if (!frames) return frames.takeError();
        for (const FrameShape& f : frames.value()) {
            if (isWholeFrame(f.shape) || !(f.shape.xbr > f.shape.xtl) || !(f.shape.ybr > f.shape.ytl)) continue;
            boxes_[subjectId].emplace(f.frame, SubjectBox{float(f.shape.xtl), float(f.shape.ytl), float(f.shape.xbr - f.shape.xtl),
                                                          float(f.shape.ybr - f.shape.ytl)});
        }
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
        auto covered = framesOf(track, shapes);
        if (!covered) return covered.takeError();
        std::vector<SkeletonFrame> frames;
        for (const FrameShape& f : covered.value()) {
            SkeletonFrame pose{video_.id, subjectId, f.frame, layout.value()->id,
                               f.shape.keyframe ? PoseSource::Imported : PoseSource::Interpolated,
                               std::vector<Joint>(layout.value()->joints.size()), std::nullopt};
            for (size_t j = 0; j < f.shape.points.size(); ++j) {
                const int index = skeleton ? layout.value()->jointIndex(f.shape.points[j].label) : static_cast<int>(j);
                pose.joints[index] = jointOf(f.shape.points[j]);
            }
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
    std::map<std::int64_t, std::map<std::int64_t, SubjectBox>> boxes_;  // subject -> frame -> box
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
