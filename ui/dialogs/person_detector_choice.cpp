#include "ui/dialogs/person_detector_choice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace actionlens::ui {

PersonDetectorChoice::PersonDetectorChoice(QWidget* parent) : QWidget(parent) {
    detector_ = new QComboBox(this);
    detector_->addItem(tr("BlazePose (close-ups)"), int(pose::PersonDetector::BlazePose));
    detector_->addItem(tr("HOG people detector (small and many people)"), int(pose::PersonDetector::Hog));
    detector_->addItem(tr("Both (people near and far)"), int(pose::PersonDetector::Both));
    detector_->setToolTip(tr("Who finds the people the landmark model then reads."));
    pose::PersonDetector remembered = pose::PersonDetector::BlazePose;
    pose::personDetectorFromName(QSettings().value(QStringLiteral("pose/detector")).toString().toStdString(), &remembered);
    detector_->setCurrentIndex(std::max(0, detector_->findData(int(remembered))));
    tiles_ = new QSpinBox(this);
    tiles_->setRange(1, 4);
    tiles_->setPrefix(tr("tiles "));
    tiles_->setSuffix(tr(" x n"));
    tiles_->setValue(std::clamp(QSettings().value(QStringLiteral("pose/tiles"), 1).toInt(), 1, 4));
    tiles_->setToolTip(tr("BlazePose's detector reads the frame cut into n x n overlapping tiles: small people at n times "
                          "the resolution, at n x n times the detector's time. 1: the whole frame. HOG always reads the "
                          "whole frame."));
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setEnabled(false);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(detector_, 1);
    row->addWidget(tiles_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(row);
    column->addWidget(hint_);
    connect(detector_, &QComboBox::currentIndexChanged, this, [this] {
        // Both is for wide shots with people near and far: BlazePose's part on tiles reaches the middle sizes.
        if (detector() == pose::PersonDetector::Both && tiles_->value() == 1) tiles_->setValue(2);
        updateHint();
    });
    connect(tiles_, &QSpinBox::valueChanged, this, &PersonDetectorChoice::updateHint);
    updateHint();
}

pose::PersonDetector PersonDetectorChoice::detector() const { return pose::PersonDetector(detector_->currentData().toInt()); }

int PersonDetectorChoice::tiles() const { return tiles_->value(); }

void PersonDetectorChoice::remember() const {
    QSettings().setValue(QStringLiteral("pose/detector"), QString::fromLatin1(pose::personDetectorName(detector())));
    QSettings().setValue(QStringLiteral("pose/tiles"), tiles());
}

void PersonDetectorChoice::updateHint() {
    tiles_->setEnabled(detector() != pose::PersonDetector::Hog);
    switch (detector()) {
    case pose::PersonDetector::BlazePose:
        hint_->setText(tiles() > 1 ? tr("One or a few people; with tiles also people down to about a fifth of a tile's height.")
                                   : tr("One or two people filling much of the frame (fitness, lab close-ups)."));
        break;
    case pose::PersonDetector::Hog:
        hint_->setText(tr("Several upright people down to about 50 pixels tall (street, surveillance, sports wide shots); "
                          "raise People per frame. Slower: it runs every few frames."));
        break;
    case pose::PersonDetector::Both:
        hint_->setText(tr("Wide shots with people near and far: HOG's small people and BlazePose's near, bent or turned "
                          "ones (on tiles, also middle sizes). About as slow as HOG."));
        break;
    }
}

}  // namespace actionlens::ui
