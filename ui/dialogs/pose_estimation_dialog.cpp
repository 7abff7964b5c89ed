#include "ui/dialogs/pose_estimation_dialog.h"

#include "ui/dialogs/person_detector_choice.h"

#include "ui/dialogs/project_job_dialog.h"

#include "core/pose/pose_model_files.h"
#include "core/pose/tflite_graph.h"
#include "ui/dataset/dataset_browser.h"
#include "ui/document/project_document.h"
#include "ui/window/main_window.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace actionlens::ui {

namespace {
constexpr int kVideoIdRole = Qt::UserRole;
constexpr int kProgressSteps = 1000;
}  // namespace

QComboBox* PoseEstimationDialog::detectorBox() const { return detector_->detectorBox(); }

QSpinBox* PoseEstimationDialog::tilesBox() const { return detector_->tilesBox(); }

PoseEstimationDialog::PoseEstimationDialog(ProjectDocument& document, const std::vector<std::int64_t>& chosen, QWidget* parent)
    : QDialog(parent), document_(document), run_(document) {
    setWindowTitle(tr("Estimate poses"));
    videos_ = new QListWidget(this);
    for (const annotation::Video& video : document_.videos()) {
        auto* item = new QListWidgetItem(videoName(video.id), videos_);
        item->setData(kVideoIdRole, QVariant::fromValue<qlonglong>(video.id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool ticked = std::find(chosen.begin(), chosen.end(), video.id) != chosen.end();
        item->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
        if (video.path.empty()) {
            item->setFlags(Qt::NoItemFlags);  // skeletons only: nothing to look at
            item->setToolTip(tr("This video has no video file."));
        }
    }
    model_ = new QComboBox(this);
    model_->addItem(tr("Lite (fastest)"), QStringLiteral("lite"));
    model_->addItem(tr("Full"), QStringLiteral("full"));
    model_->addItem(tr("Heavy (most accurate)"), QStringLiteral("heavy"));
    model_->setCurrentIndex(1);
    detector_ = new PersonDetectorChoice(this);
    minScore_ = new QDoubleSpinBox(this);
    minScore_->setRange(0.0, 0.99);
    minScore_->setSingleStep(0.05);
    minScore_->setValue(0.5);
    minScore_->setToolTip(tr("Lowest detector score that counts as a person."));
    layout_ = new QComboBox(this);
    for (const annotation::SkeletonLayout& layout : document_.store().skeletonLayouts()) layout_->addItem(QString::fromStdString(layout.name));
    layout_->setToolTip(tr("Skeleton layout the estimated landmarks are stored in."));
    // The GPU where this LibTorch can use one (several times the CPU's frame rate), else the CPU;
    // the last choice is remembered.
    device_ = new QComboBox(this);
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    if (pose::cudaAvailable()) {
        device_->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
        device_->setCurrentIndex(1);
    } else {
        device_->setToolTip(tr("No CUDA GPU is usable here: poses are estimated on the CPU."));
    }
    const int remembered = device_->findData(QSettings().value(QStringLiteral("pose/device")).toString());
    if (remembered >= 0) device_->setCurrentIndex(remembered);

    // One person (BlazePose's own graph) unless asked; the last choice is remembered.
    people_ = new QSpinBox(this);
    people_->setRange(1, 20);
    people_->setValue(std::clamp(QSettings().value(QStringLiteral("pose/people"), 1).toInt(), 1, 20));
    people_->setToolTip(tr("Most people to find in a frame. Each is tracked on its own and stored as a subject of its own; "
                           "above 1 the detector also runs every 10 frames to find newcomers. People who are small in the "
                           "picture are found more readily with a lower minimum score (e.g. 0.3)."));

    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progressBar_ = new QProgressBar(this);
    progressBar_->setRange(0, kProgressSteps);
    progressBar_->setValue(0);
    progressBar_->hide();
    report_ = new QPlainTextEdit(this);
    report_->setReadOnly(true);
    report_->setMaximumBlockCount(1000);
    report_->hide();

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
    startButton_ = buttons_->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    startButton_->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Videos:"), videos_);
    form->addRow(tr("Model:"), model_);
    form->addRow(tr("Person detector:"), detector_);
    form->addRow(tr("Minimum score:"), minScore_);
    form->addRow(tr("Skeleton layout:"), layout_);
    form->addRow(tr("Device:"), device_);
    form->addRow(tr("People per frame:"), people_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(progressBar_);
    layout->addWidget(report_, 1);
    layout->addWidget(buttons_);

    connect(startButton_, &QPushButton::clicked, this, [this] { startEstimation(); });
    connect(buttons_, &QDialogButtonBox::rejected, this, &PoseEstimationDialog::reject);
    connect(videos_, &QListWidget::itemChanged, this, [this] { updateDefaultLayout(); });
    connect(layout_, QOverload<int>::of(&QComboBox::activated), this, [this] { layoutChosenByUser_ = true; });
    connect(&run_, &PoseEstimationRun::progress, this, &PoseEstimationDialog::showProgress);
    connect(&run_, &PoseEstimationRun::videoDone, this, &PoseEstimationDialog::showOutcome);
    connect(&run_, &PoseEstimationRun::finished, this, &PoseEstimationDialog::showFinished);
    updateDefaultLayout();
    resize(520, 520);
}

QString PoseEstimationDialog::videoName(std::int64_t videoId) const {
    const annotation::Video* video = document_.video(videoId);
    if (!video) return tr("video %1").arg(videoId);
    const QString name = video->name.empty() ? QFileInfo(QString::fromStdString(video->path)).fileName() : QString::fromStdString(video->name);
    return tr("%1 (video %2, %3 frames)").arg(name).arg(videoId).arg(video->frameCount);
}

std::vector<std::int64_t> PoseEstimationDialog::chosenVideos() const {
    std::vector<std::int64_t> ids;
    for (int row = 0; row < videos_->count(); ++row) {
        const QListWidgetItem* item = videos_->item(row);
        if (item->checkState() == Qt::Checked && (item->flags() & Qt::ItemIsEnabled)) ids.push_back(item->data(kVideoIdRole).toLongLong());
    }
    return ids;
}

void PoseEstimationDialog::updateDefaultLayout() {
    if (layoutChosenByUser_ || !document_.isOpen()) return;
    const int index = layout_->findText(PoseEstimationRun::defaultLayoutName(document_, chosenVideos()));
    if (index >= 0) layout_->setCurrentIndex(index);
}

PoseEstimationRequest PoseEstimationDialog::request() const {
    PoseEstimationRequest request;
    request.videos = PoseEstimationRun::videoRequests(document_, chosenVideos());
    pose::parseLandmarkModel(model_->currentData().toString().toStdString(), &request.model);
    request.minScore = static_cast<float>(minScore_->value());
    request.layoutName = layout_->currentText();
    request.device = device_->currentData().toString();
    request.maxPeople = people_->value();
    request.detector = detector_->detector();
    request.tiles = detector_->tiles();
    // Every core the process may use: LibTorch's own default was about 4x slower here (124
    // frames of the demo, full model: 33 s by default, 8.5 s with 2 threads on 2 cores).
    request.threads = QThread::idealThreadCount();
    return request;
}

bool PoseEstimationDialog::startEstimation() {
    if (run_.isRunning()) return false;
    const PoseEstimationRequest wanted = request();
    status_->setStyleSheet({});
    auto refuse = [this](const QString& message) {
        status_->setStyleSheet(QStringLiteral("color: #b00020;"));
        status_->setText(message);
        return false;
    };
    if (wanted.videos.empty()) return refuse(tr("Tick at least one video."));
    // Said before any thread starts, with the way to fix it.
    const std::string directory = wanted.modelDirectory.isEmpty() ? pose::poseModelDirectory() : wanted.modelDirectory.toStdString();
    if (Status installed = pose::checkPoseModelsInstalled(directory, wanted.model); !installed.ok()) {
        return refuse(tr("Cannot estimate poses: %1.").arg(QString::fromStdString(installed.error())));
    }
    report_->clear();
    QSettings().setValue(QStringLiteral("pose/device"), wanted.device);
    QSettings().setValue(QStringLiteral("pose/people"), wanted.maxPeople);
    detector_->remember();
    if (!run_.start(wanted)) {
        return refuse(run_.outcomes().empty() ? tr("Cannot start.") : run_.outcomes().front().message);
    }
    setRunning(true);
    progressBar_->setValue(0);
    status_->setText(tr("Loading the models..."));
    return true;
}

void PoseEstimationDialog::setRunning(bool running) {
    for (QWidget* w : std::initializer_list<QWidget*>{videos_, model_, detector_, minScore_, layout_, device_, people_}) w->setEnabled(!running);
    startButton_->setEnabled(!running);
    buttons_->button(QDialogButtonBox::Close)->setText(running ? tr("&Cancel") : tr("&Close"));
    progressBar_->setVisible(true);
    report_->setVisible(true);
}

void PoseEstimationDialog::showProgress(const PoseEstimationProgress& p) {
    const double videoShare = p.frameCount > 0 ? double(p.frame) / double(p.frameCount) : 0.0;
    progressBar_->setValue(static_cast<int>(kProgressSteps * (p.video + videoShare) / std::max(1, p.videoCount)));
    status_->setText(tr("Video %1 of %2, %3: frame %4 of %5")
                         .arg(p.video + 1).arg(p.videoCount).arg(videoName(p.videoId)).arg(p.frame).arg(p.frameCount));
}

void PoseEstimationDialog::showOutcome(const PoseVideoOutcome& o) {
    const QString name = o.videoId == 0 ? tr("All videos") : videoName(o.videoId);
    switch (o.state) {
    case PoseVideoOutcome::State::Stored:
        if (o.subjectIds.empty()) {
            report_->appendPlainText(tr("%1: nobody found in %2 frames, nothing stored").arg(name).arg(o.framesTotal));
        } else if (o.subjectIds.size() == 1) {
            report_->appendPlainText(tr("%1: stored %2 skeleton frames (a pose in %3 of %4 frames) under subject %5")
                                         .arg(name).arg(o.framesStored).arg(o.framesWithPose).arg(o.framesTotal).arg(o.subjectIds.front()));
        } else {
            QStringList ids;
            for (std::int64_t id : o.subjectIds) ids << QString::number(id);
            report_->appendPlainText(tr("%1: stored %2 skeleton frames of %3 people (a pose in %4 of %5 frames) under subjects %6")
                                         .arg(name).arg(o.framesStored).arg(o.subjectIds.size()).arg(o.framesWithPose)
                                         .arg(o.framesTotal).arg(ids.join(QStringLiteral(", "))));
        }
        Q_EMIT posesStored(o.videoId);
        break;
    case PoseVideoOutcome::State::Failed: report_->appendPlainText(tr("%1: failed: %2").arg(name, o.message)); break;
    case PoseVideoOutcome::State::Cancelled: report_->appendPlainText(tr("%1: cancelled, nothing stored").arg(name)); break;
    }
}

void PoseEstimationDialog::showFinished(bool cancelled) {
    setRunning(false);
    const auto& outcomes = run_.outcomes();
    const auto stored = std::count_if(outcomes.begin(), outcomes.end(), [](const PoseVideoOutcome& o) { return o.state == PoseVideoOutcome::State::Stored; });
    const auto failed = std::count_if(outcomes.begin(), outcomes.end(), [](const PoseVideoOutcome& o) { return o.state == PoseVideoOutcome::State::Failed; });
    if (failed > 0) status_->setStyleSheet(QStringLiteral("color: #b00020;"));
    status_->setText(cancelled ? tr("Cancelled: %1 videos stored before it.").arg(stored)
                               : tr("Done: %1 videos stored, %2 failed.").arg(stored).arg(failed));
    if (!cancelled && failed == 0) progressBar_->setValue(kProgressSteps);
}

void PoseEstimationDialog::reject() {
    if (run_.isRunning()) {
        run_.cancel();
        status_->setText(tr("Cancelling..."));
        return;
    }
    QDialog::reject();
}

PoseEstimationDialog* openPoseEstimationDialog(MainWindow& window) {
    const bool fresh = !window.findChild<PoseEstimationDialog*>();
    auto* dialog = openProjectJobDialog<PoseEstimationDialog>(
        window, PoseEstimationDialog::tr("Estimate poses"),
        PoseEstimationDialog::tr("Open a project first: poses are estimated for its videos."), &PoseEstimationRun::finished);
    if (dialog && fresh)
        QObject::connect(dialog, &PoseEstimationDialog::posesStored, &window, [&window] { window.datasetBrowser().refresh(); });
    return dialog;
}

}  // namespace actionlens::ui
