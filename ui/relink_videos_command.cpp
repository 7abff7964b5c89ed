#include "ui/relink_videos_command.h"

#include "ui/project_document.h"

#include <QFileInfo>

#include <memory>

namespace actionlens::ui {

RelinkVideosCommand::RelinkVideosCommand(ProjectDocument& document, std::vector<annotation::RelinkFound> links)
    : document_(document), links_(std::move(links)) {
    setText(links_.size() == 1
                ? QObject::tr("Relink %1").arg(QFileInfo(QString::fromStdString(links_.front().newPath)).fileName())
                : QObject::tr("Relink %1 videos").arg(links_.size()));
}

Status RelinkVideosCommand::write(bool toNewPaths) {
    annotation::ProjectStore& store = document_.store();
    return store.transaction([&]() -> Status {
        for (const annotation::RelinkFound& link : links_) {
            auto previous = store.setVideoPath(link.videoId, toNewPaths ? link.newPath : link.oldPath);
            if (!previous) return previous.takeError();
        }
        return Status::success();
    });
}

Status RelinkVideosCommand::apply() {
    if (Status s = write(true); !s) return s;
    applied_ = true;
    document_.reloadVideos();
    return Status::success();
}

void RelinkVideosCommand::redo() {
    if (applied_) {
        applied_ = false;
        return;
    }
    if (Status s = write(true); !s)
        document_.reportWriteFailure(QObject::tr("redo of '%1' failed: %2").arg(text(), QString::fromStdString(s.error())));
    document_.reloadVideos();
}

void RelinkVideosCommand::undo() {
    if (Status s = write(false); !s)
        document_.reportWriteFailure(QObject::tr("undo of '%1' failed: %2").arg(text(), QString::fromStdString(s.error())));
    document_.reloadVideos();
}

QString RelinkVideosCommand::run(ProjectDocument& document, std::vector<annotation::RelinkFound> links) {
    if (!document.isOpen()) return QObject::tr("No project is open.");
    if (links.empty()) return QObject::tr("No videos to relink.");
    auto command = std::make_unique<RelinkVideosCommand>(document, std::move(links));
    if (Status s = command->apply(); !s) return QString::fromStdString(s.error());
    document.undoStack().push(command.release());
    return {};
}

}  // namespace actionlens::ui
