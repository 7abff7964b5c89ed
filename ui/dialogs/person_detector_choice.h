#pragma once

// PersonDetectorChoice: who finds the people whose poses are estimated (BlazePose's own
// detector, OpenCV's HOG people detector, or both) and on how many tiles the frame is read, with
// a hint which to use when; the last choice is remembered. The pose-estimation and the
// pre-annotation dialogs both offer it.

#include "core/pose/person_detector.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;

namespace actionlens::ui {

class PersonDetectorChoice : public QWidget {
    Q_OBJECT
public:
    explicit PersonDetectorChoice(QWidget* parent = nullptr);

    pose::PersonDetector detector() const;
    int tiles() const;
    void remember() const;  // the choice becomes the next dialog's default

    QComboBox* detectorBox() const { return detector_; }
    QSpinBox* tilesBox() const { return tiles_; }

private:
    void updateHint();
    QComboBox* detector_ = nullptr;
    QSpinBox* tiles_ = nullptr;
    QLabel* hint_ = nullptr;
};

}  // namespace actionlens::ui
