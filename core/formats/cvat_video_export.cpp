// The export half of the "cvat-video" format (cvat_video.h says what it writes).

#include "core/formats/cvat_video.h"

#include "core/annotation/project_store.h"
#include "core/formats/action_word.h"
#include "core/formats/per_video_files.h"
#include "core/formats/subject_boxes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamWriter>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace actionlens::formats {

using namespace annotation;

namespace {

constexpr const char* kBoxLabel = "person";
constexpr const char* kSubjectAttribute = "subject";

QString number(double value) { return QString::number(value, 'g', 9); }

std::vector<const TaskDefinition*> segmentTasks(const Taxonomy& taxonomy) {
    std::vector<const TaskDefinition*> tasks;
    for (const TaskDefinition& task : taxonomy.tasks)
        if (task.scope == TaskScope::Segment) tasks.push_back(&task);
    return tasks;
}

struct Box {
    double xtl = 0, ytl = 0, xbr = 0, ybr = 0;
};

class VideoWriter {
public:
    VideoWriter(QXmlStreamWriter& xml, const Taxonomy& taxonomy, const Video& video, const std::map<std::int64_t, std::string>& subjectNames,
                const std::deque<SkeletonLayout>& layouts)
        : xml_(xml), taxonomy_(taxonomy), video_(video), subjectNames_(subjectNames), layouts_(layouts), tasks_(segmentTasks(taxonomy)) {}

    Status write(const std::vector<Segment>& allSegments, const std::vector<SkeletonFrame>& skeletons) {
        std::map<std::int64_t, std::vector<Segment>> segmentsOf;
        for (const Segment& s : allSegments)
            if (!isModelPrediction(s) && !attributesOf(s.labels).empty()) segmentsOf[s.subjectId].push_back(s);
        // (subject, layout) -> frames (box-only frames are no poses); a subject's frames by frame
        // for its boxes, and the frames where it has a box of its own.
        std::map<std::pair<std::int64_t, std::int64_t>, std::vector<const SkeletonFrame*>> posesOf;
        std::map<std::int64_t, std::set<std::int64_t>> boxFramesOf;
        for (const SkeletonFrame& frame : skeletons) {
            if (!isBoxOnly(frame)) posesOf[{frame.subjectId, frame.layoutId}].push_back(&frame);
            posesAt_[{frame.subjectId, frame.frame}].push_back(&frame);
            if (frame.box) boxFramesOf[frame.subjectId].insert(frame.frame);
        }
        std::set<std::int64_t> usedLayouts;
        for (const auto& [key, frames] : posesOf) usedLayouts.insert(key.second);
        std::set<std::int64_t> boxed;
        for (const auto& [subject, segments] : segmentsOf) boxed.insert(subject);
        for (const auto& [subject, frames] : boxFramesOf) boxed.insert(subject);

        xml_.writeStartElement(QStringLiteral("annotations"));
        xml_.writeTextElement(QStringLiteral("version"), QStringLiteral("1.1"));
        writeMeta(usedLayouts);
        for (std::int64_t subject : boxed)
            if (Status written = writeBoxTrack(subject, segmentsOf[subject], boxFramesOf[subject]); !written) return written;
        for (const auto& [key, frames] : posesOf) writeSkeletonTrack(key.second, frames);
        xml_.writeEndElement();
        return Status::success();
    }

private:
    const std::string& subjectName(std::int64_t subjectId) const {
        static const std::string none;
        auto name = subjectNames_.find(subjectId);
        return name == subjectNames_.end() ? none : name->second;
    }

    const SkeletonLayout* layoutOf(std::int64_t id) const {
        for (const SkeletonLayout& layout : layouts_)
            if (layout.id == id) return &layout;
        return nullptr;
    }

    // The box track's mutable attributes for `labels`: a value per per-segment task, "" where none.
    std::map<std::string, std::string> attributesOf(const LabelMap& labels) const {
        std::map<std::string, std::string> attributes;
        for (const TaskDefinition* task : tasks_) {
            const std::string value = task->kind == TaskKind::Action ? actionWordOf(taxonomy_, labels)
                                                                     : (labels.count(task->name) ? labels.at(task->name) : std::string());
            if (!value.empty()) attributes[task->name] = value;
        }
        return attributes;
    }

    void writeMeta(const std::set<std::int64_t>& usedLayouts) {
        const QString source = QString::fromStdString(video_.path.empty() ? video_.name : QFileInfo(QString::fromStdString(video_.path)).fileName().toStdString());
        xml_.writeStartElement(QStringLiteral("meta"));
        xml_.writeStartElement(QStringLiteral("task"));
        xml_.writeTextElement(QStringLiteral("id"), QString::number(video_.id));
        xml_.writeTextElement(QStringLiteral("name"), QString::fromStdString(video_.name.empty() ? QFileInfo(source).completeBaseName().toStdString() : video_.name));
        xml_.writeTextElement(QStringLiteral("size"), QString::number(video_.frameCount));
        xml_.writeTextElement(QStringLiteral("mode"), QStringLiteral("interpolation"));
        xml_.writeTextElement(QStringLiteral("overlap"), QStringLiteral("0"));
        xml_.writeTextElement(QStringLiteral("start_frame"), QStringLiteral("0"));
        if (video_.frameCount > 0) xml_.writeTextElement(QStringLiteral("stop_frame"), QString::number(video_.frameCount - 1));
        xml_.writeTextElement(QStringLiteral("frame_filter"), QString());
        xml_.writeStartElement(QStringLiteral("labels"));
        writeLabel(QString::fromLatin1(kBoxLabel), QStringLiteral("rectangle"), QString(), true);
        for (std::int64_t id : usedLayouts)
            if (const SkeletonLayout* layout = layoutOf(id)) {
                const QString name = QString::fromStdString(layout->name);
                writeLabel(name, QStringLiteral("skeleton"), QString(), false);
                for (const std::string& joint : layout->joints) writeLabel(QString::fromStdString(joint), QStringLiteral("points"), name, false);
            }
        xml_.writeEndElement();  // labels
        xml_.writeStartElement(QStringLiteral("original_size"));
        xml_.writeTextElement(QStringLiteral("width"), QString::number(video_.width));
        xml_.writeTextElement(QStringLiteral("height"), QString::number(video_.height));
        xml_.writeEndElement();
        xml_.writeTextElement(QStringLiteral("source"), source);
        xml_.writeEndElement();  // task
        xml_.writeEndElement();  // meta
    }

    void writeAttributeDeclaration(const QString& name, bool mutableValue, const QString& inputType, const QString& values) {
        xml_.writeStartElement(QStringLiteral("attribute"));
        xml_.writeTextElement(QStringLiteral("name"), name);
        xml_.writeTextElement(QStringLiteral("mutable"), mutableValue ? QStringLiteral("True") : QStringLiteral("False"));
        xml_.writeTextElement(QStringLiteral("input_type"), inputType);
        xml_.writeTextElement(QStringLiteral("default_value"), QString());
        xml_.writeTextElement(QStringLiteral("values"), values);
        xml_.writeEndElement();
    }

    void writeLabel(const QString& name, const QString& type, const QString& parent, bool withAttributes) {
        xml_.writeStartElement(QStringLiteral("label"));
        xml_.writeTextElement(QStringLiteral("name"), name);
        xml_.writeTextElement(QStringLiteral("type"), type);
        if (!parent.isEmpty()) xml_.writeTextElement(QStringLiteral("parent"), parent);
        xml_.writeStartElement(QStringLiteral("attributes"));
        if (withAttributes) {
            for (const TaskDefinition* task : tasks_) {
                QStringList values{QString()};  // "" first: no label
                for (const TaskValue& value : task->values) values << QString::fromStdString(value.name);
                if (task->kind == TaskKind::Action)
                    for (const ClassGroup& group : task->groups)
                        if (group.allowsGroupOnly) values << QString::fromStdString(group.name);
                writeAttributeDeclaration(QString::fromStdString(task->name), true, QStringLiteral("select"), values.join(QLatin1Char('\n')));
            }
            writeAttributeDeclaration(QString::fromLatin1(kSubjectAttribute), false, QStringLiteral("text"), QString());
        }
        xml_.writeEndElement();  // attributes
        xml_.writeEndElement();  // label
    }

    // The subject's own box at `frame`, else the extent of its visible joints there, else the
    // whole frame (which the import reads as no box).
    Box boxAt(std::int64_t subjectId, std::int64_t frame) const {
        Box whole{0, 0, video_.width > 0 ? double(video_.width) : 1.0, video_.height > 0 ? double(video_.height) : 1.0};
        auto poses = posesAt_.find({subjectId, frame});
        if (poses == posesAt_.end()) return whole;
        for (const SkeletonFrame* pose : poses->second)
            if (pose->box && pose->box->width > 0 && pose->box->height > 0)
                return Box{pose->box->x, pose->box->y, double(pose->box->x) + pose->box->width, double(pose->box->y) + pose->box->height};
        Box box{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                std::numeric_limits<double>::lowest()};
        for (const SkeletonFrame* pose : poses->second)
            for (const Joint& joint : pose->joints) {
                if (!joint.visible) continue;
                box = Box{std::min(box.xtl, double(joint.x)), std::min(box.ytl, double(joint.y)), std::max(box.xbr, double(joint.x)),
                          std::max(box.ybr, double(joint.y))};
            }
        return box.xtl < box.xbr && box.ytl < box.ybr ? box : whole;
    }

    void startShape(const char* element, std::int64_t frame, bool outside, bool occluded) {
        xml_.writeStartElement(QLatin1String(element));
        xml_.writeAttribute(QStringLiteral("frame"), QString::number(frame));
        xml_.writeAttribute(QStringLiteral("outside"), outside ? QStringLiteral("1") : QStringLiteral("0"));
        xml_.writeAttribute(QStringLiteral("occluded"), occluded ? QStringLiteral("1") : QStringLiteral("0"));
        xml_.writeAttribute(QStringLiteral("keyframe"), QStringLiteral("1"));
    }

    void writeAttributeValue(const std::string& name, const std::string& value) {
        xml_.writeStartElement(QStringLiteral("attribute"));
        xml_.writeAttribute(QStringLiteral("name"), QString::fromStdString(name));
        xml_.writeCharacters(QString::fromStdString(value));
        xml_.writeEndElement();
    }

    void writeBox(std::int64_t subjectId, std::int64_t frame, bool outside, const std::map<std::string, std::string>& attributes) {
        const Box box = boxAt(subjectId, frame);
        startShape("box", frame, outside, false);
        xml_.writeAttribute(QStringLiteral("xtl"), number(box.xtl));
        xml_.writeAttribute(QStringLiteral("ytl"), number(box.ytl));
        xml_.writeAttribute(QStringLiteral("xbr"), number(box.xbr));
        xml_.writeAttribute(QStringLiteral("ybr"), number(box.ybr));
        xml_.writeAttribute(QStringLiteral("z_order"), QStringLiteral("0"));
        for (const TaskDefinition* task : tasks_) {
            auto value = attributes.find(task->name);
            writeAttributeValue(task->name, value == attributes.end() ? std::string() : value->second);
        }
        writeAttributeValue(kSubjectAttribute, subjectName(subjectId));
        xml_.writeEndElement();
    }

    // A box on every frame of the subject's segments (their labels as attributes) and on every
    // frame where it has a box of its own, an outside box after each run of frames.
    Status writeBoxTrack(std::int64_t subjectId, std::vector<Segment>& segments, const std::set<std::int64_t>& boxFrames) {
        std::sort(segments.begin(), segments.end(), [](const Segment& a, const Segment& b) { return a.firstFrame < b.firstFrame; });
        for (size_t i = 1; i < segments.size(); ++i)
            if (segments[i].firstFrame <= segments[i - 1].lastFrame)
                return makeError("video '" + (video_.name.empty() ? video_.path : video_.name) + "': subject '" +
                                 (subjectId ? subjectName(subjectId) : std::string("(none)")) + "' has overlapping segments at frame " +
                                 std::to_string(segments[i].firstFrame) + ", which one CVAT box cannot carry");
        std::map<std::int64_t, const Segment*> segmentAt;  // frame -> the segment holding it
        for (const Segment& s : segments)
            for (std::int64_t frame = s.firstFrame; frame <= s.lastFrame; ++frame) segmentAt[frame] = &s;
        for (std::int64_t frame : boxFrames) segmentAt.emplace(frame, nullptr);
        xml_.writeStartElement(QStringLiteral("track"));
        xml_.writeAttribute(QStringLiteral("id"), QString::number(nextTrackId_++));
        xml_.writeAttribute(QStringLiteral("label"), QString::fromLatin1(kBoxLabel));
        xml_.writeAttribute(QStringLiteral("source"), QStringLiteral("manual"));
        for (auto it = segmentAt.begin(); it != segmentAt.end(); ++it) {
            const std::int64_t frame = it->first;
            writeBox(subjectId, frame, false, it->second ? attributesOf(it->second->labels) : std::map<std::string, std::string>{});
            auto next = std::next(it);
            const std::int64_t after = frame + 1;
            if ((next == segmentAt.end() || next->first != after) && (video_.frameCount <= 0 || after < video_.frameCount))
                writeBox(subjectId, after, true, {});
        }
        xml_.writeEndElement();
        return Status::success();
    }

    void writeSkeleton(const SkeletonLayout& layout, const SkeletonFrame& pose, std::int64_t frame, bool outside) {
        startShape("skeleton", frame, outside, false);
        xml_.writeAttribute(QStringLiteral("z_order"), QStringLiteral("0"));
        for (size_t j = 0; j < layout.joints.size() && j < pose.joints.size(); ++j) {
            const Joint& joint = pose.joints[j];
            startShape("points", frame, outside || !joint.visible, joint.visible && joint.confidence < 1.0f);
            xml_.writeAttribute(QStringLiteral("label"), QString::fromStdString(layout.joints[j]));
            xml_.writeAttribute(QStringLiteral("points"), number(joint.x) + QLatin1Char(',') + number(joint.y));
            xml_.writeEndElement();
        }
        writeAttributeValue(kSubjectAttribute, subjectName(pose.subjectId));
        xml_.writeEndElement();
    }

    void writeSkeletonTrack(std::int64_t layoutId, const std::vector<const SkeletonFrame*>& frames) {
        const SkeletonLayout* layout = layoutOf(layoutId);
        if (!layout) return;
        xml_.writeStartElement(QStringLiteral("track"));
        xml_.writeAttribute(QStringLiteral("id"), QString::number(nextTrackId_++));
        xml_.writeAttribute(QStringLiteral("label"), QString::fromStdString(layout->name));
        xml_.writeAttribute(QStringLiteral("source"), QStringLiteral("manual"));
        for (size_t i = 0; i < frames.size(); ++i) {
            writeSkeleton(*layout, *frames[i], frames[i]->frame, false);
            const std::int64_t after = frames[i]->frame + 1;
            const bool nextIsThere = i + 1 < frames.size() && frames[i + 1]->frame == after;
            if (!nextIsThere && (video_.frameCount <= 0 || after < video_.frameCount)) writeSkeleton(*layout, *frames[i], after, true);
        }
        xml_.writeEndElement();
    }

    QXmlStreamWriter& xml_;
    const Taxonomy& taxonomy_;
    const Video& video_;
    const std::map<std::int64_t, std::string>& subjectNames_;
    const std::deque<SkeletonLayout>& layouts_;
    const std::vector<const TaskDefinition*> tasks_;
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<const SkeletonFrame*>> posesAt_;
    std::int64_t nextTrackId_ = 0;
};

}  // namespace

Status exportCvatVideo(ProjectStore& store, const std::string& output, const ExportOptions& options) {
    auto videos = store.videos();
    if (!videos) return videos.takeError();
    if (videos->empty()) return makeError("the project has no videos to export");
    auto subjects = store.subjects();
    if (!subjects) return subjects.takeError();
    std::map<std::int64_t, std::string> subjectNames;
    for (const Subject& s : subjects.value()) subjectNames[s.id] = s.name;
    PerVideoFiles files(output, videos->size(), ".xml");
    if (Status s = files.prepare(); !s) return s;
    std::int64_t done = 0;
    for (const Video& video : videos.value()) {
        auto segments = store.segmentsOfVideo(video.id);
        if (!segments) return segments.takeError();
        auto skeletons = store.skeletonFrames(video.id, 0, std::numeric_limits<std::int64_t>::max());
        if (!skeletons) return skeletons.takeError();
        const std::string path = files.pathFor(video);
        QFile file(QString::fromStdString(path));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return makeError("cannot write '" + path + "': " + file.errorString().toStdString());
        QXmlStreamWriter xml(&file);
        xml.setAutoFormatting(true);
        xml.writeStartDocument();
        VideoWriter writer(xml, store.taxonomy(), video, subjectNames, store.skeletonLayouts());
        if (Status written = writer.write(segments.value(), skeletons.value()); !written) return written;
        xml.writeEndDocument();
        if (xml.hasError() || !file.flush()) return makeError("cannot write '" + path + "': " + file.errorString().toStdString());
        if (Status cancel = progressPoint(options, ++done, static_cast<std::int64_t>(videos->size())); !cancel) return cancel;
    }
    return Status::success();
}

}  // namespace actionlens::formats
