#include "ui/commands/import_command.h"

#include "ui/commands/import_snapshots.h"
#include "ui/document/project_document.h"

#include <QApplication>
#include <QFileInfo>
#include <QLocale>

namespace actionlens::ui {

ImportCommand::ImportCommand(ProjectDocument& document, std::shared_ptr<const ImportSnapshots> snapshots, const QString& text)
    : DocumentCommand(document, text), snapshots_(std::move(snapshots)) {
    markApplied();
}

ImportCommand::~ImportCommand() = default;

QString ImportCommand::describe(const QString& format, const QString& source, const annotation::ProjectCounts& before,
                                const annotation::ProjectCounts& after) {
    // The largest unit the import added, so that the line fits the History dock.
    const QLocale locale;
    QString added;
    auto add = [&](std::int64_t n, const QString& one, const QString& many) {
        if (added.isEmpty() && n > 0) added = n == 1 ? one : many.arg(locale.toString(qlonglong(n)));
    };
    add(after.videos - before.videos, QObject::tr("1 video"), QObject::tr("%1 videos"));
    add(after.segments - before.segments, QObject::tr("1 segment"), QObject::tr("%1 segments"));
    add(after.skeletonFrames - before.skeletonFrames, QObject::tr("1 skeleton frame"), QObject::tr("%1 skeleton frames"));
    add(after.subjects - before.subjects, QObject::tr("1 subject"), QObject::tr("%1 subjects"));
    const QString name = QFileInfo(source).fileName().isEmpty() ? source : QFileInfo(source).fileName();
    const QString what = QObject::tr("Import %1 from %2").arg(format, name);
    return added.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(what, added);
}

Status ImportCommand::restore(bool undoing) {
    const annotation::ProjectSnapshot& target = undoing ? snapshots_->before() : snapshots_->after();
    // A whole-project copy takes a moment on a big import (see ui/README.md).
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status restored = target.restoreInto(document().store());
    QApplication::restoreOverrideCursor();
    return restored;
}

Status ImportCommand::redoWrite() { return restore(false); }

Status ImportCommand::undoWrite() { return restore(true); }

void ImportCommand::reload() {
    // Everything may have changed: the videos (the shown one may be gone), the taxonomy, the
    // subjects, the segments and the skeletons of the current video.
    document().reloadVideos();
    document().reloadTaxonomy();
    document().reloadSkeletons();
}

}  // namespace actionlens::ui
