// ProjectStore: per-video annotation progress and skeleton presence (light queries for the
// dataset browser and the timeline).

#include "core/annotation/project_store.h"
#include "core/annotation/sql_statements.h"

#include <QSqlQuery>

#include <algorithm>

namespace actionlens::annotation {

Result<std::vector<VideoProgress>> ProjectStore::videoProgress() {
    std::vector<VideoProgress> result;
    std::map<std::int64_t, size_t> row;
    {
        QSqlQuery q(db_);
        if (!q.exec(QStringLiteral("SELECT id FROM videos ORDER BY id")))
            return makeError("cannot read videos: " + sqlErrorText(q));
        while (q.next()) {
            row[q.value(0).toLongLong()] = result.size();
            result.push_back(VideoProgress{q.value(0).toLongLong()});
        }
    }
    {
        // Ordered by start, so the union of ranges is one sweep per video.
        QSqlQuery q(db_);
        if (!q.exec(QStringLiteral("SELECT video_id, first_frame, last_frame, review, annotator, source FROM segments"
                                   " ORDER BY video_id, first_frame")))
            return makeError("cannot read segments: " + sqlErrorText(q));
        std::int64_t video = -1;
        std::int64_t coveredUpTo = -1;  // last frame counted for `video`
        while (q.next()) {
            auto it = row.find(q.value(0).toLongLong());
            if (it == row.end()) continue;
            VideoProgress& p = result[it->second];
            if (p.videoId != video) {
                video = p.videoId;
                coveredUpTo = -1;
            }
            if (q.value(4).toString().startsWith(QLatin1String(kModelAnnotatorPrefix))) {
                ++p.proposedSegments;
                continue;
            }
            if (!q.value(5).toString().isEmpty()) ++p.acceptedPredictions;
            const std::int64_t first = std::max<std::int64_t>(q.value(1).toLongLong(), coveredUpTo + 1);
            const std::int64_t last = q.value(2).toLongLong();
            if (last >= first) {
                p.framesInSegments += last - first + 1;
                coveredUpTo = last;
            }
            ++p.segments;
            if (q.value(3).toString() != QLatin1String(reviewStatusName(ReviewStatus::Unreviewed))) ++p.reviewedSegments;
        }
    }
    {
        QSqlQuery q(db_);
        if (!q.exec(QStringLiteral("SELECT video_id, COUNT(DISTINCT frame) FROM skeleton_frames GROUP BY video_id")))
            return makeError("cannot count skeletons: " + sqlErrorText(q));
        while (q.next()) {
            auto it = row.find(q.value(0).toLongLong());
            if (it != row.end()) result[it->second].framesWithSkeletons = q.value(1).toLongLong();
        }
    }
    return result;
}

Result<std::vector<SkeletonPresence>> ProjectStore::skeletonPresence(std::int64_t videoId) {
    auto q = statements_->prepared(
        "SELECT frame, subject_id, source FROM skeleton_frames WHERE video_id = ? ORDER BY frame, subject_id");
    if (!q) return q.takeError();
    bindAll(*q.value(), {qint64(videoId)});
    if (Status s = SqlStatements::execute(*q.value(), "cannot read skeletons"); !s) return s.takeError();
    std::vector<SkeletonPresence> result;
    while (q.value()->next()) {
        SkeletonPresence p;
        p.frame = q.value()->value(0).toLongLong();
        p.subjectId = q.value()->value(1).toLongLong();
        parsePoseSource(q.value()->value(2).toString().toStdString(), &p.source);
        result.push_back(p);
    }
    q.value()->finish();
    return result;
}

}  // namespace actionlens::annotation
