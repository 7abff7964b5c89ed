// MainWindow: View > Presentation (F11): the fullscreen presentation view over the window's
// player (ui/present), gone again with Esc.

#include "ui/window/main_window.h"

#include "ui/player/privacy_filter.h"

#include <QAction>
#include <QMenu>

#ifdef ACTIONLENS_WITH_LEARNING
#include "ui/explain/explanation_overlay.h"
#include "ui/present/presentation_view.h"
#endif

namespace actionlens::ui {

void MainWindow::createPresentationAction(QMenu* menu) {
#ifdef ACTIONLENS_WITH_LEARNING
    QAction* present = menu->addAction(tr("&Presentation"), this, [this] { openPresentation(); });
    present->setShortcut(QKeySequence(Qt::Key_F11));
    present->setShortcutContext(Qt::WindowShortcut);
    present->setStatusTip(tr("Fullscreen: the video with skeletons and the model's live answers, for an audience (Esc leaves)"));
#else
    Q_UNUSED(menu);
#endif
}

void MainWindow::setPrivacyView(bool on) { privacy_->setEnabled(on); }

void MainWindow::playNextVideo() {
    // The next video with a file after the current one, round and round; played once open.
    const auto& videos = document_.videos();
    if (videos.empty()) return;
    size_t current = 0;
    for (size_t i = 0; i < videos.size(); ++i)
        if (videos[i].id == document_.currentVideoId()) current = i;
    for (size_t step = 1; step <= videos.size(); ++step) {
        const annotation::Video& next = videos[(current + step) % videos.size()];
        if (next.path.empty()) continue;
        playWhenOpened_ = true;
        if (next.id == document_.currentVideoId()) {
            player_.seek(0);
            player_.play();
            playWhenOpened_ = false;
        } else {
            openProjectVideo(next.id, 0);
        }
        return;
    }
}

void MainWindow::closePresentation() {
#ifdef ACTIONLENS_WITH_LEARNING
    delete presentation_.data();
#endif
}

PresentationView* MainWindow::presentation() const {
#ifdef ACTIONLENS_WITH_LEARNING
    return presentation_.data();
#else
    return nullptr;
#endif
}

PresentationView* MainWindow::openPresentation(bool fullScreen) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!document_.isOpen()) return nullptr;
    if (!presentation_) {
        presentation_ = new PresentationView(document_, player_, explanationOverlay_.get(), this);
        presentation_->setAttribute(Qt::WA_DeleteOnClose);
        presentation_->setPrivacyFilter(privacy_);
        connect(presentation_, &PresentationView::left, this, [this] {
            activateWindow();
            raise();
        });
        connect(presentation_, &PresentationView::nextVideoWanted, this, [this] { playNextVideo(); });
    }
    if (fullScreen)
        presentation_->showFullScreen();
    else
        presentation_->show();
    presentation_->raise();
    presentation_->activateWindow();
    // The frame on screen now, until the player shows the next.
    if (player_.isOpen()) player_.seek(player_.currentFrame());
    return presentation_;
#else
    Q_UNUSED(fullScreen);
    return nullptr;
#endif
}

}  // namespace actionlens::ui
