#include "ui/dataset/dataset_actions.h"

#include "core/annotation/video_relinking.h"
#include "ui/dataset/dataset_browser.h"
#include "ui/dataset/video_folder_scan.h"
#include "ui/dialogs/format_transfer_dialog.h"
#include "ui/dialogs/relink_videos_dialog.h"
#include "ui/style/action_icons.h"
#include "ui/window/main_window.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

namespace actionlens::ui {

void installDataActions(MainWindow& window, QMenu* fileMenu) {
    QAction* addFolder = fileMenu->addAction(actionIcon(ActionIcon::AddFolder), MainWindow::tr("Add a &folder of videos..."));
    QObject::connect(addFolder, &QAction::triggered, &window, [&window] { chooseVideoFolderToAdd(window); });
    QAction* relink = fileMenu->addAction(actionIcon(ActionIcon::Relink), MainWindow::tr("&Relink missing videos..."));
    QObject::connect(relink, &QAction::triggered, &window, [&window] { openRelinkDialog(window); });
    fileMenu->addSeparator();
    QAction* import = fileMenu->addAction(actionIcon(ActionIcon::Import), MainWindow::tr("&Import..."));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    QObject::connect(import, &QAction::triggered, &window, [&window] { openFormatTransferDialog(window, TransferDirection::Import); });
    QAction* exportAction = fileMenu->addAction(actionIcon(ActionIcon::Export), MainWindow::tr("&Export..."));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QObject::connect(exportAction, &QAction::triggered, &window, [&window] { openFormatTransferDialog(window, TransferDirection::Export); });

    DatasetBrowser& browser = window.datasetBrowser();
    QObject::connect(&browser, &DatasetBrowser::addFolderRequested, &window, [&window] { chooseVideoFolderToAdd(window); });
    QObject::connect(&browser, &DatasetBrowser::relinkRequested, &window, [&window] { openRelinkDialog(window); });
    // Also on the video list's right-click menu.
    browser.table()->addAction(addFolder);
    browser.table()->addAction(relink);
    browser.table()->setContextMenuPolicy(Qt::ActionsContextMenu);

    // A video that cannot be opened because its file is gone: say what to do about it.
    QObject::connect(&window.player(), &PlayerController::openFailed, &window, [&window](const QString& path, const QString&) {
        const annotation::Video* video = window.document().isOpen() ? window.document().currentVideo() : nullptr;
        if (!video || QString::fromStdString(video->path) != path || !annotation::videoFileMissing(*video)) return;
        window.view().setMessage(MainWindow::tr("The file of %1 is missing:\n%2\n\nFile > Relink missing videos... finds it "
                                                "in another folder.")
                                     .arg(QFileInfo(path).fileName(), path));
    });
}

int addVideoFolder(MainWindow& window, const QString& folder, bool recursive, QString* message) {
    auto fail = [message](const QString& why) {
        if (message) *message = why;
        return -1;
    };
    ProjectDocument& document = window.document();
    if (!document.isOpen()) return fail(MainWindow::tr("Open or create a project first."));
    if (!QFileInfo(folder).isDir()) return fail(MainWindow::tr("%1 is not a folder.").arg(folder));
    const QStringList found = videoFilesInFolder(folder, recursive);
    const QStringList fresh = pathsNotInProject(found, document.videos());
    if (fresh.isEmpty()) {
        return fail(found.isEmpty() ? MainWindow::tr("%1 holds no video files (%2).").arg(folder, videoFileSuffixes().join(QStringLiteral(", ")))
                                    : MainWindow::tr("The %n video(s) in %1 are in the project already.", nullptr, int(found.size())).arg(folder));
    }
    if (const QString refused = window.addVideos(fresh); !refused.isEmpty()) return fail(refused);
    if (message)
        *message = MainWindow::tr("Reading %n new video(s) from %1", nullptr, int(fresh.size())).arg(folder) +
                   (found.size() > fresh.size() ? MainWindow::tr(" (%1 already in the project)").arg(found.size() - fresh.size()) : QString());
    return int(fresh.size());
}

void chooseVideoFolderToAdd(MainWindow& window) {
    if (!window.document().isOpen()) {
        QMessageBox::information(&window, MainWindow::tr("Add a folder of videos"), MainWindow::tr("Open or create a project first."));
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(&window, MainWindow::tr("Add the videos of a folder"));
    if (folder.isEmpty()) return;
    const auto answer = QMessageBox::question(&window, MainWindow::tr("Add a folder of videos"),
                                              MainWindow::tr("Add the videos in the subfolders of %1 too?").arg(folder),
                                              QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer == QMessageBox::Cancel) return;
    QString message;
    const int queued = addVideoFolder(window, folder, answer == QMessageBox::Yes, &message);
    if (queued < 0)
        QMessageBox::information(&window, MainWindow::tr("Add a folder of videos"), message);
    else
        window.statusBar()->showMessage(message);
}

RelinkVideosDialog* openRelinkDialog(MainWindow& window) {
    if (!window.document().isOpen()) {
        QMessageBox::information(&window, MainWindow::tr("Relink missing videos"), MainWindow::tr("Open a project first."));
        return nullptr;
    }
    auto* dialog = new RelinkVideosDialog(window.document(), &window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &RelinkVideosDialog::finished, &window, [&window](int relinked, int) {
        if (relinked == 0) return;
        window.datasetBrowser().refresh();
        // The video on screen may be one that was missing: open it again from its new place.
        if (const std::int64_t current = window.document().currentVideoId(); current != 0) window.openProjectVideo(current, window.player().currentFrame());
    });
    dialog->show();
    return dialog;
}

}  // namespace actionlens::ui
