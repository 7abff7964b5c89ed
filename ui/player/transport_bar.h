#pragma once

// TransportBar: the player's controls under the video: first / previous / play / next / last,
// the playback rate (0.25x-4x), a go-to-frame box showing the 0-based frame index, the
// timecode, and "loop segment". It drives the PlayerController and follows its signals.

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace actionlens::ui {

class PlayerController;

class TransportBar : public QWidget {
    Q_OBJECT
public:
    explicit TransportBar(PlayerController& player, QWidget* parent = nullptr);

    QSpinBox* frameBox() const { return frame_; }
    QComboBox* rateBox() const { return rate_; }
    QCheckBox* loopBox() const { return loop_; }
    QLabel* timeLabel() const { return time_; }
    // Loop is offered only while a segment is selected.
    void setLoopAvailable(bool available);

    static const std::vector<double>& rates();

Q_SIGNALS:
    void loopToggled(bool on);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updatePosition(int frame, double seconds);
    void updateRanges();

    PlayerController& player_;
    QToolButton* play_ = nullptr;
    QComboBox* rate_ = nullptr;
    QSpinBox* frame_ = nullptr;
    QLabel* frameCount_ = nullptr;
    QLabel* time_ = nullptr;
    QCheckBox* loop_ = nullptr;
};

// "00:01:02.480": hours, minutes, seconds and milliseconds of a time in seconds.
QString formatTimecode(double seconds);

}  // namespace actionlens::ui
