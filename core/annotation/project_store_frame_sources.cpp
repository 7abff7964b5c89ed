// ProjectStore: where frames came from in an imported dataset (frame_source.h).

#include "core/annotation/project_store.h"
#include "core/annotation/sql_statements.h"

namespace actionlens::annotation {

Status ProjectStore::insertFrameSources(const std::vector<FrameSource>& sources) {
    return transaction([&]() -> Status {
        auto q = statements_->prepared("INSERT INTO frame_sources(video_id, frame, name, source_id) VALUES (?, ?, ?, ?)");
        if (!q) return q.takeError();
        for (const FrameSource& source : sources) {
            bindAll(*q.value(), {qint64(source.videoId), qint64(source.frame), QString::fromStdString(source.name),
                                 source.id ? QVariant(qint64(*source.id)) : QVariant(QMetaType(QMetaType::LongLong))});
            if (Status s = SqlStatements::execute(*q.value(), "cannot record the source '" + source.name + "' of frame " +
                                                                  std::to_string(source.frame) + " of video " +
                                                                  std::to_string(source.videoId));
                !s)
                return s;
        }
        return Status::success();
    });
}

Result<std::vector<FrameSource>> ProjectStore::frameSources(std::int64_t videoId) {
    auto q = statements_->prepared("SELECT frame, name, source_id FROM frame_sources WHERE video_id = ? ORDER BY frame");
    if (!q) return q.takeError();
    bindAll(*q.value(), {qint64(videoId)});
    if (Status s = SqlStatements::execute(*q.value(), "cannot read the frame sources of video " + std::to_string(videoId)); !s)
        return s.takeError();
    std::vector<FrameSource> result;
    while (q.value()->next()) {
        FrameSource source;
        source.videoId = videoId;
        source.frame = q.value()->value(0).toLongLong();
        source.name = q.value()->value(1).toString().toStdString();
        if (!q.value()->value(2).isNull()) source.id = q.value()->value(2).toLongLong();
        result.push_back(std::move(source));
    }
    q.value()->finish();
    return result;
}

}  // namespace actionlens::annotation
