#include "app/gui/main_window.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include <cmath>

namespace actionlens::app {

QString formatTimecode(double seconds) {
    const qint64 ms = std::llround(std::max(0.0, seconds) * 1000.0);
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("ActionLens"));
    view_ = new ui::VideoView(this);
    setCentralWidget(view_);
    positionLabel_ = new QLabel(tr("No video open (File > Open video...)"), this);
    statusBar()->addPermanentWidget(positionLabel_, 1);

    connect(&player_, &ui::PlayerController::frameShown, view_,
            [this](int, media::FramePtr picture) { view_->setFrame(std::move(picture)); });
    connect(&player_, &ui::PlayerController::positionChanged, this, &MainWindow::updateStatus);
    connect(&player_, &ui::PlayerController::frameFailed, this, [this](int frame, const QString& message) {
        statusBar()->showMessage(tr("Frame %1 could not be decoded: %2").arg(frame).arg(message));
    });
    createActions();
    resize(1024, 720);
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open video..."), this, &MainWindow::chooseVideo);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    // The transport keys live in a menu so that they are discoverable and work wherever the
    // focus is inside the window.
    QMenu* playback = menuBar()->addMenu(tr("&Playback"));
    auto add = [this, playback](const QString& text, const QKeySequence& key, auto slot) {
        QAction* action = playback->addAction(text, this, slot);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        return action;
    };
    add(tr("Play / pause"), QKeySequence(Qt::Key_Space), [this] { player_.togglePlay(); });
    add(tr("Next frame"), QKeySequence(Qt::Key_Right), [this] { player_.step(1); });
    add(tr("Previous frame"), QKeySequence(Qt::Key_Left), [this] { player_.step(-1); });
    add(tr("10 frames forward"), QKeySequence(Qt::SHIFT | Qt::Key_Right), [this] { player_.step(10); });
    add(tr("10 frames back"), QKeySequence(Qt::SHIFT | Qt::Key_Left), [this] { player_.step(-10); });
    add(tr("First frame"), QKeySequence(Qt::Key_Home), [this] {
        player_.pause();
        player_.seek(0);
    });
    add(tr("Last frame"), QKeySequence(Qt::Key_End), [this] {
        player_.pause();
        player_.seek(player_.frameCount() - 1);
    });
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* fit = viewMenu->addAction(tr("&Fit to window"), view_, &ui::VideoView::fitToWindow);
    fit->setShortcut(QKeySequence(Qt::Key_F));
}

QString MainWindow::openVideo(const QString& path) {
    const QString error = player_.open(path);
    if (!error.isEmpty()) return error;
    setWindowTitle(QStringLiteral("%1 - ActionLens").arg(QFileInfo(path).fileName()));
    view_->fitToWindow();
    updateStatus(player_.currentFrame(), player_.secondsOf(player_.currentFrame()));
    return {};
}

void MainWindow::chooseVideo() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open video"), QString(),
        tr("Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg *.mpeg);;All files (*)"));
    if (path.isEmpty()) return;
    const QString error = openVideo(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot open video"), error);
}

void MainWindow::updateStatus(int frame, double seconds) {
    if (!player_.isOpen()) return;
    // Frames are 0-based in the UI as everywhere else: the last one is frameCount - 1.
    positionLabel_->setText(tr("Frame %1 (0-%2)   %3 / %4   %5 frames")
                                .arg(frame)
                                .arg(player_.frameCount() - 1)
                                .arg(formatTimecode(seconds))
                                .arg(formatTimecode(player_.info().durationSeconds))
                                .arg(player_.frameCount()));
}

}  // namespace actionlens::app
