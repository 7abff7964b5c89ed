#include "ui/add_videos_command.h"

#include "ui/project_document.h"

#include <QFileInfo>

#include <memory>

namespace actionlens::ui {

AddVideosCommand::AddVideosCommand(ProjectDocument& document, std::vector<annotation::Video> videos)
    : document_(document), videos_(std::move(videos)) {
    setText(videos_.size() == 1
                ? QObject::tr("Add video %1").arg(QFileInfo(QString::fromStdString(videos_.front().path)).fileName())
                : QObject::tr("Add %1 videos").arg(videos_.size()));
}

Status AddVideosCommand::insertAll() {
    annotation::ProjectStore& store = document_.store();
    std::vector<annotation::Video> stored;
    Status s = store.transaction([&]() -> Status {
        for (const auto& v : videos_) {
            auto id = store.insertVideo(v);
            if (!id) return id.takeError();
            auto back = store.video(id.value());
            if (!back) return back.takeError();
            stored.push_back(std::move(back).value());
        }
        return Status::success();
    });
    if (s) videos_ = std::move(stored);
    return s;
}

Status AddVideosCommand::removeAll() {
    annotation::ProjectStore& store = document_.store();
    return store.transaction([&]() -> Status {
        for (const auto& v : videos_)
            if (auto removed = store.removeVideo(v.id); !removed) return removed.takeError();
        return Status::success();
    });
}

Status AddVideosCommand::apply() {
    if (Status s = insertAll(); !s) return s;
    applied_ = true;
    document_.reloadVideos();
    return Status::success();
}

void AddVideosCommand::redo() {
    if (applied_) {
        applied_ = false;
        return;
    }
    if (Status s = insertAll(); !s)
        document_.reportWriteFailure(QObject::tr("redo of '%1' failed: %2").arg(text(), QString::fromStdString(s.error())));
    document_.reloadVideos();
}

void AddVideosCommand::undo() {
    if (Status s = removeAll(); !s)
        document_.reportWriteFailure(QObject::tr("undo of '%1' failed: %2").arg(text(), QString::fromStdString(s.error())));
    document_.reloadVideos();
}

QString AddVideosCommand::run(ProjectDocument& document, std::vector<annotation::Video> videos) {
    if (!document.isOpen()) return QObject::tr("No project is open.");
    if (videos.empty()) return QObject::tr("No videos to add.");
    auto command = std::make_unique<AddVideosCommand>(document, std::move(videos));
    if (Status s = command->apply(); !s) return QString::fromStdString(s.error());
    document.undoStack().push(command.release());
    return {};
}

}  // namespace actionlens::ui
