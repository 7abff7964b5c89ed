#pragma once

// The way the window opens a dialog that runs a job on the project's videos (Estimate poses,
// Pre-annotate): one at a time (raised if open), not modal, the current video ticked, deleted on
// close; with no project open it says `noProject` instead. It closes with the project, cancelling
// its run first and closing once the run has finished. `Dialog` has run() with isRunning(),
// cancel() and the signal `finished`.

#include "ui/document/project_document.h"
#include "ui/window/main_window.h"

#include <QMessageBox>
#include <QString>

#include <cstdint>
#include <vector>

namespace actionlens::ui {

template <typename Dialog, typename FinishedSignal>
Dialog* openProjectJobDialog(MainWindow& window, const QString& title, const QString& noProject, FinishedSignal finished) {
    if (auto* open = window.findChild<Dialog*>()) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    ProjectDocument& document = window.document();
    if (!document.isOpen()) {
        QMessageBox::information(&window, title, noProject);
        return nullptr;
    }
    std::vector<std::int64_t> chosen;
    if (document.currentVideoId() != 0) chosen.push_back(document.currentVideoId());
    auto* dialog = new Dialog(document, chosen, &window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(&document, &ProjectDocument::closed, dialog, [dialog, finished] {
        if (!dialog->run().isRunning()) {
            dialog->close();
            return;
        }
        QObject::connect(&dialog->run(), finished, dialog, &QDialog::close, Qt::QueuedConnection);
        dialog->run().cancel();
    });
    dialog->show();
    return dialog;
}

}  // namespace actionlens::ui
