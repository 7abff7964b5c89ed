#include "ui/commands/relink_videos_command.h"

#include "ui/document/project_document.h"

#include <QFileInfo>

#include <memory>

namespace actionlens::ui {

RelinkVideosCommand::RelinkVideosCommand(ProjectDocument& document, std::vector<annotation::RelinkFound> links)
    : DocumentCommand(document), links_(std::move(links)) {
    setText(links_.size() == 1
                ? QObject::tr("Relink %1").arg(QFileInfo(QString::fromStdString(links_.front().newPath)).fileName())
                : QObject::tr("Relink %1 videos").arg(links_.size()));
}

Status RelinkVideosCommand::write(bool toNewPaths) {
    annotation::ProjectStore& store = document().store();
    return store.transaction([&]() -> Status {
        for (const annotation::RelinkFound& link : links_) {
            auto previous = store.setVideoPath(link.videoId, toNewPaths ? link.newPath : link.oldPath);
            if (!previous) return previous.takeError();
        }
        return Status::success();
    });
}

Status RelinkVideosCommand::redoWrite() { return write(true); }

Status RelinkVideosCommand::undoWrite() { return write(false); }

void RelinkVideosCommand::reload() { document().reloadVideos(); }

QString RelinkVideosCommand::run(ProjectDocument& document, std::vector<annotation::RelinkFound> links) {
    if (links.empty()) return QObject::tr("No videos to relink.");
    return push(document, std::make_unique<RelinkVideosCommand>(document, std::move(links)));
}

}  // namespace actionlens::ui
