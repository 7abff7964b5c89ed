#pragma once

// MainWindow of the `actionlens` GUI: the video view, the transport keys and a status line.
// Wiring only: the view and the player live in ui/.

#include "ui/player_controller.h"
#include "ui/video_view.h"

#include <QLabel>
#include <QMainWindow>

namespace actionlens::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Opens the video; on failure shows nothing new and returns the message.
    QString openVideo(const QString& path);
    ui::PlayerController& player() { return player_; }
    ui::VideoView& view() { return *view_; }

private:
    void createActions();
    void chooseVideo();
    void updateStatus(int frame, double seconds);

    ui::PlayerController player_;
    ui::VideoView* view_ = nullptr;
    QLabel* positionLabel_ = nullptr;
};

// "00:01:02.480": hours, minutes, seconds and milliseconds of a time in seconds.
QString formatTimecode(double seconds);

}  // namespace actionlens::app
