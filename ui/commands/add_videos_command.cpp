#include "ui/commands/add_videos_command.h"

#include "ui/document/project_document.h"

#include <QFileInfo>

#include <memory>

namespace actionlens::ui {

AddVideosCommand::AddVideosCommand(ProjectDocument& document, std::vector<annotation::Video> videos)
    : DocumentCommand(document), videos_(std::move(videos)) {
    setText(videos_.size() == 1
                ? QObject::tr("Add video %1").arg(QFileInfo(QString::fromStdString(videos_.front().path)).fileName())
                : QObject::tr("Add %1 videos").arg(videos_.size()));
}

Status AddVideosCommand::redoWrite() {
    annotation::ProjectStore& store = document().store();
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

Status AddVideosCommand::undoWrite() {
    annotation::ProjectStore& store = document().store();
    return store.transaction([&]() -> Status {
        for (const auto& v : videos_)
            if (auto removed = store.removeVideo(v.id); !removed) return removed.takeError();
        return Status::success();
    });
}

void AddVideosCommand::reload() { document().reloadVideos(); }

QString AddVideosCommand::run(ProjectDocument& document, std::vector<annotation::Video> videos) {
    if (videos.empty()) return QObject::tr("No videos to add.");
    return push(document, std::make_unique<AddVideosCommand>(document, std::move(videos)));
}

}  // namespace actionlens::ui
