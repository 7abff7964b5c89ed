// ProjectStore: labelled segments.

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/annotation/sql_statements.h"

#include <QDateTime>

namespace actionlens::annotation {

namespace {

std::int64_t nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

constexpr const char* kSegmentColumns =
    "SELECT id, video_id, subject_id, first_frame, last_frame, annotator, created_ms, modified_ms, review, confidence,"
    " source FROM segments";

QVariant confidenceValue(const Segment& segment) {
    return segment.confidence ? QVariant(*segment.confidence) : QVariant(QMetaType(QMetaType::Double));
}

Segment segmentFromRow(const QSqlQuery& q) {
    Segment s;
    s.id = q.value(0).toLongLong();
    s.videoId = q.value(1).toLongLong();
    s.subjectId = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
    s.firstFrame = q.value(3).toLongLong();
    s.lastFrame = q.value(4).toLongLong();
    s.annotator = q.value(5).toString().toStdString();
    s.createdMs = q.value(6).toLongLong();
    s.modifiedMs = q.value(7).toLongLong();
    parseReviewStatus(q.value(8).toString().toStdString(), &s.review);
    if (!q.value(9).isNull()) s.confidence = q.value(9).toDouble();
    s.source = q.value(10).toString().toStdString();
    return s;
}

}  // namespace

Status ProjectStore::checkSegment(const Segment& segment) {
    auto video = this->video(segment.videoId);
    if (!video) return video.takeError();
    if (segment.firstFrame < 0 || segment.lastFrame < segment.firstFrame)
        return makeError("segment frames " + std::to_string(segment.firstFrame) + ".." + std::to_string(segment.lastFrame) +
                         " are not a range (first frame >= 0, last frame >= first frame)");
    if (video->frameCount > 0 && segment.lastFrame >= video->frameCount)
        return makeError("segment ends at frame " + std::to_string(segment.lastFrame) + " but the video has " +
                         std::to_string(video->frameCount) + " frames (0.." + std::to_string(video->frameCount - 1) + ")");
    if (segment.subjectId != 0)
        if (auto s = subject(segment.subjectId); !s) return s.takeError();
    return checkSegmentLabels(taxonomy_, segment.labels);
}

Status ProjectStore::writeSegmentLabels(const Segment& segment) {
    auto del = statements_->prepared("DELETE FROM segment_labels WHERE segment_id = ?");
    if (!del) return del.takeError();
    del.value()->bindValue(0, qint64(segment.id));
    if (Status s = SqlStatements::execute(*del.value(), "cannot update segment labels"); !s) return s;
    auto ins = statements_->prepared("INSERT INTO segment_labels(segment_id, task, value) VALUES (?, ?, ?)");
    if (!ins) return ins.takeError();
    for (const auto& [task, value] : segment.labels) {
        bindAll(*ins.value(), {qint64(segment.id), QString::fromStdString(task), QString::fromStdString(value)});
        if (Status s = SqlStatements::execute(*ins.value(), "cannot store segment labels"); !s) return s;
    }
    return Status::success();
}

Result<std::int64_t> ProjectStore::insertSegment(const Segment& segment) {
    if (Status s = checkSegment(segment); !s) return s.takeError();
    Segment stored = segment;
    const std::int64_t now = nowMs();
    if (stored.createdMs == 0) stored.createdMs = now;
    if (stored.modifiedMs == 0) stored.modifiedMs = stored.createdMs;
    Status s = transaction([&]() -> Status {
        auto q = statements_->prepared(
            "INSERT INTO segments(id, video_id, subject_id, first_frame, last_frame, annotator, created_ms, modified_ms,"
            " review, confidence, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!q) return q.takeError();
        bindAll(*q.value(), {stored.id ? QVariant(qint64(stored.id)) : QVariant(), qint64(stored.videoId),
                      stored.subjectId ? QVariant(qint64(stored.subjectId)) : QVariant(), qint64(stored.firstFrame),
                      qint64(stored.lastFrame), QString::fromStdString(stored.annotator), qint64(stored.createdMs),
                      qint64(stored.modifiedMs), QString::fromLatin1(reviewStatusName(stored.review)),
                      confidenceValue(stored), QString::fromStdString(stored.source)});
        if (Status e = SqlStatements::execute(*q.value(), "cannot add segment"); !e) return e;
        stored.id = q.value()->lastInsertId().toLongLong();
        return writeSegmentLabels(stored);
    });
    if (!s) return s.takeError();
    return stored.id;
}

Result<Segment> ProjectStore::segment(std::int64_t id) {
    QSqlQuery q(db_);
    q.prepare(QString::fromUtf8(kSegmentColumns) + QStringLiteral(" WHERE id = ?"));
    q.bindValue(0, qint64(id));
    if (!q.exec()) return makeError("cannot read segment " + std::to_string(id) + ": " + sqlErrorText(q));
    if (!q.next()) return makeError("the project has no segment " + std::to_string(id));
    Segment s = segmentFromRow(q);
    QSqlQuery labels(db_);
    labels.prepare(QStringLiteral("SELECT task, value FROM segment_labels WHERE segment_id = ?"));
    labels.bindValue(0, qint64(id));
    if (!labels.exec()) return makeError("cannot read segment " + std::to_string(id) + ": " + sqlErrorText(labels));
    while (labels.next()) s.labels[labels.value(0).toString().toStdString()] = labels.value(1).toString().toStdString();
    return s;
}

Result<Segment> ProjectStore::updateSegment(const Segment& segment) {
    auto old = this->segment(segment.id);
    if (!old) return old.takeError();
    if (Status s = checkSegment(segment); !s) return s.takeError();
    Status s = transaction([&]() -> Status {
        auto q = statements_->prepared(
            "UPDATE segments SET video_id = ?, subject_id = ?, first_frame = ?, last_frame = ?, annotator = ?,"
            " modified_ms = ?, review = ?, confidence = ?, source = ? WHERE id = ?");
        if (!q) return q.takeError();
        bindAll(*q.value(), {qint64(segment.videoId), segment.subjectId ? QVariant(qint64(segment.subjectId)) : QVariant(),
                      qint64(segment.firstFrame), qint64(segment.lastFrame), QString::fromStdString(segment.annotator),
                      qint64(nowMs()), QString::fromLatin1(reviewStatusName(segment.review)), confidenceValue(segment),
                      QString::fromStdString(segment.source), qint64(segment.id)});
        if (Status e = SqlStatements::execute(*q.value(), "cannot update segment " + std::to_string(segment.id)); !e) return e;
        return writeSegmentLabels(segment);
    });
    if (!s) return s.takeError();
    return old;
}

Result<Segment> ProjectStore::removeSegment(std::int64_t id) {
    auto old = segment(id);
    if (!old) return old.takeError();
    Status s = transaction([&]() -> Status {
        auto q = statements_->prepared("DELETE FROM segments WHERE id = ?");
        if (!q) return q.takeError();
        q.value()->bindValue(0, qint64(id));
        return SqlStatements::execute(*q.value(), "cannot remove segment " + std::to_string(id));
    });
    if (!s) return s.takeError();
    return old;
}

Result<std::vector<Segment>> ProjectStore::segmentsOfVideo(std::int64_t videoId) {
    // Cached statements: the player asks this on every video switch, and preparing costs more
    // than the query itself.
    static const std::string kQuery = std::string(kSegmentColumns) + " WHERE video_id = ? ORDER BY first_frame, id";
    auto q = statements_->prepared(kQuery.c_str());
    if (!q) return q.takeError();
    bindAll(*q.value(), {qint64(videoId)});
    if (!q.value()->exec()) return makeError("cannot read segments: " + sqlErrorText(*q.value()));
    std::vector<Segment> result;
    std::map<std::int64_t, size_t> byId;
    while (q.value()->next()) {
        byId[q.value()->value(0).toLongLong()] = result.size();
        result.push_back(segmentFromRow(*q.value()));
    }
    q.value()->finish();
    // One query for all labels instead of one per segment.
    auto labels = statements_->prepared(
        "SELECT l.segment_id, l.task, l.value FROM segment_labels l"
        " JOIN segments s ON s.id = l.segment_id WHERE s.video_id = ?");
    if (!labels) return labels.takeError();
    bindAll(*labels.value(), {qint64(videoId)});
    if (!labels.value()->exec()) return makeError("cannot read segment labels: " + sqlErrorText(*labels.value()));
    while (labels.value()->next()) {
        auto it = byId.find(labels.value()->value(0).toLongLong());
        if (it != byId.end()) {
            result[it->second].labels[labels.value()->value(1).toString().toStdString()] =
                labels.value()->value(2).toString().toStdString();
        }
    }
    labels.value()->finish();
    return result;
}

Result<std::int64_t> ProjectStore::lastSegmentId() {
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM segments")) || !q.next())
        return makeError("cannot read segments: " + sqlErrorText(q));
    return q.value(0).toLongLong();
}

Result<std::int64_t> ProjectStore::setAnnotatorOfSegmentsAfter(std::int64_t afterId, const std::string& annotator) {
    if (annotator.rfind(kModelAnnotatorPrefix, 0) == 0)
        return makeError("'" + annotator + "' names a model: people's segments cannot be put in a model's layer");
    std::int64_t changed = 0;
    Status s = transaction([&]() -> Status {
        QSqlQuery q(db_);
        q.prepare(QStringLiteral("UPDATE segments SET annotator = ? WHERE id > ? AND annotator NOT LIKE 'model:%'"));
        q.addBindValue(QString::fromStdString(annotator));
        q.addBindValue(qint64(afterId));
        if (!q.exec()) return makeError("cannot set the annotator of segments: " + sqlErrorText(q));
        changed = q.numRowsAffected();
        return Status::success();
    });
    if (!s) return s.takeError();
    return changed;
}

}  // namespace actionlens::annotation
