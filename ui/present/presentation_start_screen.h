#pragma once

// PresentationStartScreen: what the presentation view shows before a camera runs and after one
// stopped: the reason it stopped (when it did), the project's videos as the source (as the view
// opens), or a camera: the cameras found (v4l2), a test pattern, the current video played as a
// camera (live pose on a video without stored skeletons), or any device string typed in; the
// landmark model and person detector for the live poses. The last device is remembered.

#include "ui/present/live_camera.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace actionlens::ui {

class PersonDetectorChoice;

class PresentationStartScreen : public QWidget {
    Q_OBJECT
public:
    explicit PresentationStartScreen(QWidget* parent = nullptr);

    // A line above the choices ("The camera stopped: the input ended."); empty: none.
    void setMessage(const QString& message);
    QString message() const;
    // The video the "this video as a camera" choice plays (a file; empty: not offered).
    void setCurrentVideo(const QString& path, const QString& name);
    // Fills the camera choices again (cameras come and go) and puts the focus on the device.
    void refreshCameras();

    QString device() const;
    void setDevice(const QString& device);
    LiveCameraOptions cameraOptions() const;
    QLineEdit* deviceEdit() const { return device_; }

Q_SIGNALS:
    void videosChosen();
    void cameraChosen(const LiveCameraOptions& options);

private:
    void chooseCamera();
    QLabel* message_ = nullptr;
    QComboBox* choices_ = nullptr;
    QLineEdit* device_ = nullptr;
    QComboBox* model_ = nullptr;
    PersonDetectorChoice* detector_ = nullptr;
    QString videoPath_;
    QString videoName_;
};

}  // namespace actionlens::ui
