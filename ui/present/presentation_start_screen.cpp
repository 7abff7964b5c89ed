#include "ui/present/presentation_start_screen.h"

#include "core/media/camera_source.h"
#include "core/pose/pose_model_files.h"
#include "ui/dialogs/person_detector_choice.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

namespace actionlens::ui {

namespace {

const QString kTestPattern = QStringLiteral("lavfi:testsrc=size=1280x720:rate=25");
const QString kDeviceKey = QStringLiteral("present/camera");

}  // namespace

PresentationStartScreen::PresentationStartScreen(QWidget* parent) : QWidget(parent) {
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    QFont medium = font();
    medium.setPointSizeF(medium.pointSizeF() * 1.3);

    auto* title = new QLabel(tr("What to show"), this);
    title->setFont(big);
    message_ = new QLabel(this);
    message_->setFont(medium);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #ffb347;"));
    message_->hide();

    auto* videos = new QPushButton(tr("The project's &videos"), this);
    videos->setFont(medium);
    connect(videos, &QPushButton::clicked, this, &PresentationStartScreen::videosChosen);

    auto* cameraTitle = new QLabel(tr("A camera: live poses and the model's answers"), this);
    cameraTitle->setFont(medium);
    choices_ = new QComboBox(this);
    device_ = new QLineEdit(this);
    device_->setPlaceholderText(tr("/dev/video0, or lavfi:testsrc=size=640x480:rate=25, or lavfi:movie=FILE"));
    device_->setToolTip(tr("A camera (/dev/videoN), or any FFmpeg input device as FORMAT:INPUT, e.g. lavfi:testsrc=size=640x480:rate=25 "
                           "(a test pattern) or lavfi:movie=FILE (a video played as if it were a camera)."));
    connect(choices_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        device_->setText(choices_->itemData(index).toString());
        device_->setFocus();
    });
    connect(device_, &QLineEdit::returnPressed, this, &PresentationStartScreen::chooseCamera);
    model_ = new QComboBox(this);
    model_->addItem(tr("Lite (fastest)"), QStringLiteral("lite"));
    model_->addItem(tr("Full"), QStringLiteral("full"));
    model_->addItem(tr("Heavy (most accurate)"), QStringLiteral("heavy"));
    model_->setCurrentIndex(std::max(0, model_->findData(QSettings().value(QStringLiteral("present/poseModel"), QStringLiteral("lite")))));
    detector_ = new PersonDetectorChoice(this);
    auto* start = new QPushButton(tr("Start the &camera"), this);
    start->setFont(medium);
    start->setDefault(true);
    connect(start, &QPushButton::clicked, this, &PresentationStartScreen::chooseCamera);

    auto* form = new QFormLayout;
    form->addRow(tr("Found:"), choices_);
    form->addRow(tr("Device:"), device_);
    form->addRow(tr("Pose model:"), model_);
    form->addRow(tr("Person detector:"), detector_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->addWidget(title);
    layout->addWidget(message_);
    layout->addSpacing(24);
    layout->addWidget(videos, 0, Qt::AlignLeft);
    layout->addSpacing(24);
    layout->addWidget(cameraTitle);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);
    auto* hint = new QLabel(tr("Enter start the camera  ·  Alt+V the project's videos  ·  Esc leave"), this);
    hint->setStyleSheet(QStringLiteral("color: #80868e;"));
    layout->addWidget(hint);

    device_->setText(QSettings().value(kDeviceKey).toString());
    refreshCameras();
}

void PresentationStartScreen::setMessage(const QString& message) {
    message_->setText(message);
    message_->setVisible(!message.isEmpty());
}

QString PresentationStartScreen::message() const { return message_->text(); }

void PresentationStartScreen::setCurrentVideo(const QString& path, const QString& name) {
    videoPath_ = path;
    videoName_ = name;
    refreshCameras();
}

void PresentationStartScreen::refreshCameras() {
    choices_->clear();
    for (const media::CameraDevice& camera : media::listCameras())
        choices_->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(camera.name), QString::fromStdString(camera.device)),
                          QString::fromStdString(camera.device));
    if (choices_->count() == 0) choices_->addItem(tr("No camera found (/dev/video*)"), QString());
    choices_->addItem(tr("Test pattern (FFmpeg's testsrc)"), kTestPattern);
    if (!videoPath_.isEmpty())
        choices_->addItem(tr("This video as a camera: live poses on %1").arg(videoName_),
                          QString::fromStdString(media::movieCameraDevice(videoPath_.toStdString(), true)));
    if (device_->text().isEmpty()) device_->setText(choices_->itemData(0).toString().isEmpty() ? kTestPattern : choices_->itemData(0).toString());
    device_->setFocus();
}

QString PresentationStartScreen::device() const { return device_->text().trimmed(); }

void PresentationStartScreen::setDevice(const QString& device) { device_->setText(device); }

LiveCameraOptions PresentationStartScreen::cameraOptions() const {
    LiveCameraOptions options;
    options.device = device();
    pose::parseLandmarkModel(model_->currentData().toString().toStdString(), &options.model);
    options.detector = detector_->detector();
    options.tiles = detector_->tiles();
    options.maxPeople = std::clamp(QSettings().value(QStringLiteral("pose/people"), 1).toInt(), 1, 20);
    options.poseDevice = QSettings().value(QStringLiteral("pose/device"), QStringLiteral("auto")).toString();
    return options;
}

void PresentationStartScreen::chooseCamera() {
    if (device().isEmpty()) {
        setMessage(tr("Type a camera: /dev/video0, or lavfi:testsrc=size=640x480:rate=25."));
        return;
    }
    QSettings().setValue(kDeviceKey, device());
    QSettings().setValue(QStringLiteral("present/poseModel"), model_->currentData().toString());
    detector_->remember();
    Q_EMIT cameraChosen(cameraOptions());
}

}  // namespace actionlens::ui
