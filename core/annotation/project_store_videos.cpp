// ProjectStore: videos, their names, their dataset split membership and the annotators they are
// assigned to.

#include "core/annotation/project_store.h"
#include "core/annotation/sql_statements.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

#include <algorithm>

namespace actionlens::annotation {

namespace {

std::vector<std::string> normalisedSplits(std::vector<std::string> splits) {
    std::sort(splits.begin(), splits.end());
    splits.erase(std::unique(splits.begin(), splits.end()), splits.end());
    return splits;
}

Video videoFromRow(const QSqlQuery& q) {
    Video v;
    v.id = q.value(0).toLongLong();
    v.path = q.value(1).toString().toStdString();
    v.sizeBytes = q.value(2).toLongLong();
    v.fps = q.value(3).toDouble();
    v.frameCount = q.value(4).toLongLong();
    v.width = q.value(5).toInt();
    v.height = q.value(6).toInt();
    v.contentHash = q.value(7).toString().toStdString();
    v.name = q.value(8).toString().toStdString();
    return v;
}

constexpr const char* kVideoColumns =
    "SELECT id, path, size_bytes, fps, frame_count, width, height, content_hash, name FROM videos";

}  // namespace

std::string ProjectStore::storedFilePath(const std::string& path) const {
    if (path.empty()) return {};
    const QDir folder = QFileInfo(QString::fromStdString(path_)).absoluteDir();
    const QString absolute = QFileInfo(QString::fromStdString(path)).absoluteFilePath();
    const QString relative = folder.relativeFilePath(absolute);
    // Relative only inside the project folder: "../../data/x.mp4" would break as soon as the
    // project alone is moved, an absolute path keeps working then.
    if (relative.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(relative)) return absolute.toStdString();
    return relative.toStdString();
}

std::string ProjectStore::resolvedFilePath(const std::string& stored) const {
    if (stored.empty()) return {};
    const QString p = QString::fromStdString(stored);
    if (QDir::isAbsolutePath(p)) return stored;
    return QDir::cleanPath(QFileInfo(QString::fromStdString(path_)).absoluteDir().filePath(p)).toStdString();
}

Status ProjectStore::writeVideoSplits(std::int64_t videoId, const std::vector<std::string>& splits) {
    auto clear = statements_->prepared("DELETE FROM video_splits WHERE video_id = ?");
    if (!clear) return clear.takeError();
    bindAll(*clear.value(), {qint64(videoId)});
    if (Status s = SqlStatements::execute(*clear.value(), "cannot change the splits of video " + std::to_string(videoId)); !s)
        return s;
    auto add = statements_->prepared("INSERT INTO video_splits(video_id, split) VALUES (?, ?)");
    if (!add) return add.takeError();
    for (const std::string& split : normalisedSplits(splits)) {
        if (split.empty()) return makeError("video " + std::to_string(videoId) + ": a split needs a name");
        bindAll(*add.value(), {qint64(videoId), QString::fromStdString(split)});
        if (Status s = SqlStatements::execute(*add.value(), "cannot add video " + std::to_string(videoId) + " to split '" + split + "'"); !s)
            return s;
    }
    return Status::success();
}

Result<std::vector<std::string>> ProjectStore::readVideoSplits(std::int64_t videoId) {
    auto q = statements_->prepared("SELECT split FROM video_splits WHERE video_id = ? ORDER BY split");
    if (!q) return q.takeError();
    bindAll(*q.value(), {qint64(videoId)});
    if (!q.value()->exec()) return makeError("cannot read the splits of video " + std::to_string(videoId) + ": " + sqlErrorText(*q.value()));
    std::vector<std::string> splits;
    while (q.value()->next()) splits.push_back(q.value()->value(0).toString().toStdString());
    return splits;
}

Status ProjectStore::writeVideoAnnotators(std::int64_t videoId, const std::vector<std::string>& annotators) {
    auto clear = statements_->prepared("DELETE FROM video_assignments WHERE video_id = ?");
    if (!clear) return clear.takeError();
    bindAll(*clear.value(), {qint64(videoId)});
    if (Status s = SqlStatements::execute(*clear.value(), "cannot change the annotators of video " + std::to_string(videoId)); !s)
        return s;
    auto add = statements_->prepared("INSERT INTO video_assignments(video_id, annotator) VALUES (?, ?)");
    if (!add) return add.takeError();
    for (const std::string& annotator : normalisedSplits(annotators)) {
        if (annotator.empty()) return makeError("video " + std::to_string(videoId) + ": an annotator needs a name");
        bindAll(*add.value(), {qint64(videoId), QString::fromStdString(annotator)});
        if (Status s = SqlStatements::execute(*add.value(), "cannot assign video " + std::to_string(videoId) + " to '" + annotator + "'"); !s)
            return s;
    }
    return Status::success();
}

Result<std::vector<std::string>> ProjectStore::readVideoAnnotators(std::int64_t videoId) {
    auto q = statements_->prepared("SELECT annotator FROM video_assignments WHERE video_id = ? ORDER BY annotator");
    if (!q) return q.takeError();
    bindAll(*q.value(), {qint64(videoId)});
    if (!q.value()->exec())
        return makeError("cannot read the annotators of video " + std::to_string(videoId) + ": " + sqlErrorText(*q.value()));
    std::vector<std::string> annotators;
    while (q.value()->next()) annotators.push_back(q.value()->value(0).toString().toStdString());
    return annotators;
}

Result<std::vector<std::string>> ProjectStore::setVideoAnnotators(std::int64_t videoId, const std::vector<std::string>& annotators) {
    std::vector<std::string> previous;
    Status s = transaction([&]() -> Status {
        auto old = readVideoAnnotators(videoId);
        if (!old) return old.takeError();
        previous = old.value();
        auto exists = video(videoId);
        if (!exists) return exists.takeError();
        return writeVideoAnnotators(videoId, annotators);
    });
    if (!s) return s.takeError();
    return previous;
}

Result<std::int64_t> ProjectStore::insertVideo(const Video& video) {
    std::int64_t id = 0;
    Status s = transaction([&]() -> Status {
        auto q = statements_->prepared(
            "INSERT INTO videos(id, path, size_bytes, fps, frame_count, width, height, content_hash, name)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!q) return q.takeError();
        bindAll(*q.value(), {video.id ? QVariant(qint64(video.id)) : QVariant(), QString::fromStdString(storedFilePath(video.path)),
                             qint64(video.sizeBytes), video.fps, qint64(video.frameCount), video.width, video.height,
                             QString::fromStdString(video.contentHash), QString::fromStdString(video.name)});
        const std::string what = video.path.empty() ? video.name : video.path;
        if (Status e = SqlStatements::execute(*q.value(), "cannot add video '" + what + "'"); !e) return e;
        id = q.value()->lastInsertId().toLongLong();
        if (Status w = writeVideoSplits(id, video.splits); !w) return w;
        return writeVideoAnnotators(id, video.annotators);
    });
    if (!s) return s.takeError();
    return id;
}

Result<Video> ProjectStore::removeVideo(std::int64_t id) {
    auto old = video(id);
    if (!old) return old.takeError();
    QSqlQuery uses(db_);
    uses.prepare(QStringLiteral("SELECT (SELECT count(*) FROM segments WHERE video_id = ?),"
                                " (SELECT count(*) FROM skeleton_frames WHERE video_id = ?)"));
    bindAll(uses, {qint64(id), qint64(id)});
    if (!uses.exec() || !uses.next()) return makeError("cannot remove video: " + sqlErrorText(uses));
    const qint64 segments = uses.value(0).toLongLong(), skeletons = uses.value(1).toLongLong();
    const std::string what = old->path.empty() ? old->name : old->path;
    if (segments > 0 || skeletons > 0)
        return makeError("video '" + what + "' still has " + std::to_string(segments) + " segments and " +
                         std::to_string(skeletons) + " skeleton frames; remove them first");
    Status s = transaction([&]() -> Status {
        auto q = statements_->prepared("DELETE FROM videos WHERE id = ?");
        if (!q) return q.takeError();
        q.value()->bindValue(0, qint64(id));
        return SqlStatements::execute(*q.value(), "cannot remove video '" + what + "'");
    });
    if (!s) return s.takeError();
    return old;
}

Result<std::vector<std::string>> ProjectStore::setVideoSplits(std::int64_t videoId, const std::vector<std::string>& splits) {
    std::vector<std::string> previous;
    Status s = transaction([&]() -> Status {
        auto old = readVideoSplits(videoId);
        if (!old) return old.takeError();
        previous = old.value();
        return writeVideoSplits(videoId, splits);
    });
    if (!s) return s.takeError();
    return previous;
}

Result<std::string> ProjectStore::setVideoPath(std::int64_t videoId, const std::string& path) {
    if (path.empty()) return makeError("video " + std::to_string(videoId) + ": a relinked video needs a file path");
    std::string previous;
    Status s = transaction([&]() -> Status {
        auto old = video(videoId);
        if (!old) return old.takeError();
        previous = old->path;
        auto q = statements_->prepared("UPDATE videos SET path = ? WHERE id = ?");
        if (!q) return q.takeError();
        bindAll(*q.value(), {QString::fromStdString(storedFilePath(path)), qint64(videoId)});
        return SqlStatements::execute(*q.value(), "cannot relink video " + std::to_string(videoId) + " to '" + path + "'");
    });
    if (!s) return s.takeError();
    return previous;
}

Result<Video> ProjectStore::video(std::int64_t id) {
    QSqlQuery q(db_);
    q.prepare(QString::fromUtf8(kVideoColumns) + QStringLiteral(" WHERE id = ?"));
    q.bindValue(0, qint64(id));
    if (!q.exec()) return makeError("cannot read video " + std::to_string(id) + ": " + sqlErrorText(q));
    if (!q.next()) return makeError("the project has no video " + std::to_string(id));
    Video v = videoFromRow(q);
    v.path = resolvedFilePath(v.path);
    auto splits = readVideoSplits(id);
    if (!splits) return splits.takeError();
    v.splits = splits.value();
    auto annotators = readVideoAnnotators(id);
    if (!annotators) return annotators.takeError();
    v.annotators = annotators.value();
    return v;
}

Result<std::vector<Video>> ProjectStore::videos() {
    QSqlQuery q(db_);
    if (!q.exec(QString::fromUtf8(kVideoColumns) + QStringLiteral(" ORDER BY id")))
        return makeError("cannot read videos: " + sqlErrorText(q));
    std::vector<Video> result;
    while (q.next()) {
        result.push_back(videoFromRow(q));
        result.back().path = resolvedFilePath(result.back().path);
    }
    QSqlQuery splits(db_);
    if (!splits.exec(QStringLiteral("SELECT video_id, split FROM video_splits ORDER BY video_id, split")))
        return makeError("cannot read video splits: " + sqlErrorText(splits));
    size_t at = 0;
    while (splits.next()) {
        const std::int64_t videoId = splits.value(0).toLongLong();
        while (at < result.size() && result[at].id < videoId) ++at;
        if (at < result.size() && result[at].id == videoId) result[at].splits.push_back(splits.value(1).toString().toStdString());
    }
    QSqlQuery assigned(db_);
    if (!assigned.exec(QStringLiteral("SELECT video_id, annotator FROM video_assignments ORDER BY video_id, annotator")))
        return makeError("cannot read video assignments: " + sqlErrorText(assigned));
    at = 0;
    while (assigned.next()) {
        const std::int64_t videoId = assigned.value(0).toLongLong();
        while (at < result.size() && result[at].id < videoId) ++at;
        if (at < result.size() && result[at].id == videoId) result[at].annotators.push_back(assigned.value(1).toString().toStdString());
    }
    return result;
}

Result<std::vector<SplitCounts>> ProjectStore::splitCounts() {
    QSqlQuery q(db_);
    const QString sql = QStringLiteral(
        "SELECT s.split, COUNT(*),"
        " (SELECT COUNT(*) FROM segments g JOIN video_splits t ON t.video_id = g.video_id WHERE t.split = s.split),"
        " (SELECT COUNT(*) FROM skeleton_frames k JOIN video_splits t ON t.video_id = k.video_id WHERE t.split = s.split)"
        " FROM video_splits s GROUP BY s.split ORDER BY s.split");
    if (!q.exec(sql)) return makeError("cannot count splits: " + sqlErrorText(q));
    std::vector<SplitCounts> result;
    while (q.next()) {
        SplitCounts c;
        c.split = q.value(0).toString().toStdString();
        c.videos = q.value(1).toLongLong();
        c.segments = q.value(2).toLongLong();
        c.skeletonFrames = q.value(3).toLongLong();
        result.push_back(c);
    }
    return result;
}

}  // namespace actionlens::annotation
