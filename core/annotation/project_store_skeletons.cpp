// ProjectStore: skeleton layouts and per-frame skeletons (packed, see skeleton_blob.h).

#include "core/annotation/project_store.h"
#include "core/annotation/skeleton_blob.h"
#include "core/annotation/skeleton_layout_rows.h"
#include "core/annotation/sql_statements.h"

namespace actionlens::annotation {

namespace {

QByteArray blobOf(const SkeletonFrame& frame) {
    const std::string packed = packJoints(frame.joints);
    return QByteArray(packed.data(), static_cast<qsizetype>(packed.size()));
}

// The box's four columns: NULL without one.
QVariantList boxValues(const SkeletonFrame& frame) {
    if (!frame.box) return {QVariant(QMetaType(QMetaType::Double)), QVariant(QMetaType(QMetaType::Double)),
                            QVariant(QMetaType(QMetaType::Double)), QVariant(QMetaType(QMetaType::Double))};
    return {double(frame.box->x), double(frame.box->y), double(frame.box->width), double(frame.box->height)};
}

void bindFrame(QSqlQuery& q, const SkeletonFrame& frame, const QByteArray& blob) {
    QVariantList values{qint64(frame.videoId), qint64(frame.subjectId), qint64(frame.frame), qint64(frame.layoutId),
                        QString::fromLatin1(poseSourceName(frame.source)), blob};
    values += boxValues(frame);
    for (int i = 0; i < values.size(); ++i) q.bindValue(i, values[i]);
}

std::string frameName(const SkeletonFrame& f) {
    return "skeleton of subject " + std::to_string(f.subjectId) + " in frame " + std::to_string(f.frame) + " of video " +
           std::to_string(f.videoId);
}

}  // namespace

const SkeletonLayout* ProjectStore::skeletonLayout(const std::string& name) const {
    for (const SkeletonLayout& layout : layouts_)
        if (layout.name == name) return &layout;
    return nullptr;
}

Result<std::int64_t> ProjectStore::insertSkeletonLayout(const SkeletonLayout& layout) {
    if (skeletonLayout(layout.name)) return makeError("the project already has a skeleton layout '" + layout.name + "'");
    std::int64_t id = 0;
    Status s = transaction([&]() -> Status {
        auto inserted = insertSkeletonLayoutRow(db_, layout, false);
        if (!inserted) return inserted.takeError();
        id = inserted.value();
        return Status::success();
    });
    if (!s) return s.takeError();
    SkeletonLayout stored = layout;
    stored.id = id;
    layouts_.push_back(stored);
    return id;
}

Status ProjectStore::checkSkeletonFrame(const SkeletonFrame& frame) const {
    for (const SkeletonLayout& layout : layouts_) {
        if (layout.id != frame.layoutId) continue;
        if (frame.joints.size() != layout.joints.size())
            return makeError(frameName(frame) + " has " + std::to_string(frame.joints.size()) + " joints, but layout '" +
                             layout.name + "' has " + std::to_string(layout.joints.size()));
        if (frame.frame < 0) return makeError(frameName(frame) + ": frame numbers start at 0");
        return Status::success();
    }
    return makeError(frameName(frame) + ": the project has no skeleton layout " + std::to_string(frame.layoutId));
}

Result<std::optional<SkeletonFrame>> ProjectStore::putSkeletonFrame(const SkeletonFrame& frame) {
    if (Status s = checkSkeletonFrame(frame); !s) return s.takeError();
    auto old = skeletonFrames(frame.videoId, frame.frame, frame.frame, frame.subjectId);
    if (!old) return old.takeError();
    Status s = transaction([&]() -> Status {
        auto q = statements_->prepared(
            "INSERT OR REPLACE INTO skeleton_frames(video_id, subject_id, frame, layout_id, source, joints, box_x, box_y,"
            " box_width, box_height) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!q) return q.takeError();
        bindFrame(*q.value(), frame, blobOf(frame));
        return SqlStatements::execute(*q.value(), "cannot store the " + frameName(frame));
    });
    if (!s) return s.takeError();
    if (old->empty()) return std::optional<SkeletonFrame>();
    return std::optional<SkeletonFrame>(old->front());
}

Status ProjectStore::insertSkeletonFrames(const std::vector<SkeletonFrame>& frames) {
    for (const SkeletonFrame& frame : frames)
        if (Status s = checkSkeletonFrame(frame); !s) return s;
    return transaction([&]() -> Status {
        auto q = statements_->prepared(
            "INSERT INTO skeleton_frames(video_id, subject_id, frame, layout_id, source, joints, box_x, box_y, box_width,"
            " box_height) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!q) return q.takeError();
        for (const SkeletonFrame& frame : frames) {
            bindFrame(*q.value(), frame, blobOf(frame));
            if (Status s = SqlStatements::execute(*q.value(), "cannot store the " + frameName(frame)); !s) return s;
        }
        return Status::success();
    });
}

Result<std::vector<SkeletonFrame>> ProjectStore::skeletonFrames(std::int64_t videoId, std::int64_t firstFrame,
                                                                std::int64_t lastFrame,
                                                                std::optional<std::int64_t> subjectId) {
    // Two statements rather than "subject_id = ? OR ? IS NULL", which would hide the key from
    // SQLite's planner and scan every subject's frames.
    auto q = subjectId ? statements_->prepared(
                             "SELECT video_id, subject_id, frame, layout_id, source, joints, box_x, box_y, box_width, box_height"
                             " FROM skeleton_frames"
                             " WHERE video_id = ? AND subject_id = ? AND frame BETWEEN ? AND ? ORDER BY frame")
                       : statements_->prepared(
                             "SELECT video_id, subject_id, frame, layout_id, source, joints, box_x, box_y, box_width, box_height"
                             " FROM skeleton_frames"
                             " WHERE video_id = ? AND frame BETWEEN ? AND ? ORDER BY frame, subject_id");
    if (!q) return q.takeError();
    if (subjectId)
        bindAll(*q.value(), {qint64(videoId), qint64(*subjectId), qint64(firstFrame), qint64(lastFrame)});
    else
        bindAll(*q.value(), {qint64(videoId), qint64(firstFrame), qint64(lastFrame)});
    if (Status s = SqlStatements::execute(*q.value(), "cannot read skeletons"); !s) return s.takeError();
    std::vector<SkeletonFrame> result;
    while (q.value()->next()) {
        SkeletonFrame f;
        f.videoId = q.value()->value(0).toLongLong();
        f.subjectId = q.value()->value(1).toLongLong();
        f.frame = q.value()->value(2).toLongLong();
        f.layoutId = q.value()->value(3).toLongLong();
        parsePoseSource(q.value()->value(4).toString().toStdString(), &f.source);
        const QByteArray blob = q.value()->value(5).toByteArray();
        auto joints = unpackJoints(std::string(blob.constData(), static_cast<size_t>(blob.size())));
        if (!joints) return makeError(frameName(f) + " is damaged: " + joints.error());
        f.joints = std::move(joints).value();
        if (!q.value()->value(6).isNull())
            f.box = SubjectBox{q.value()->value(6).toFloat(), q.value()->value(7).toFloat(), q.value()->value(8).toFloat(),
                               q.value()->value(9).toFloat()};
        result.push_back(std::move(f));
    }
    q.value()->finish();
    return result;
}

Result<std::vector<SkeletonFrame>> ProjectStore::removeSkeletonFrames(std::int64_t videoId, std::int64_t firstFrame,
                                                                      std::int64_t lastFrame,
                                                                      std::optional<std::int64_t> subjectId) {
    std::vector<SkeletonFrame> removed;
    Status s = transaction([&]() -> Status {
        auto old = skeletonFrames(videoId, firstFrame, lastFrame, subjectId);
        if (!old) return old.takeError();
        removed = std::move(old).value();
        QSqlQuery q(db_);
        q.prepare(subjectId ? QStringLiteral("DELETE FROM skeleton_frames WHERE video_id = ? AND subject_id = ? AND frame BETWEEN ? AND ?")
                            : QStringLiteral("DELETE FROM skeleton_frames WHERE video_id = ? AND frame BETWEEN ? AND ?"));
        if (subjectId)
            bindAll(q, {qint64(videoId), qint64(*subjectId), qint64(firstFrame), qint64(lastFrame)});
        else
            bindAll(q, {qint64(videoId), qint64(firstFrame), qint64(lastFrame)});
        return SqlStatements::execute(q, "cannot remove skeletons");
    });
    if (!s) return s.takeError();
    return removed;
}

}  // namespace actionlens::annotation
