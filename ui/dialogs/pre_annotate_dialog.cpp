#include "ui/dialogs/pre_annotate_dialog.h"

#include "ui/dialogs/person_detector_choice.h"

#include "ui/dialogs/project_job_dialog.h"

#include "core/annotation/project_store.h"
#include "core/pose/pose_model_files.h"
#include "core/pose/tflite_graph.h"
#include "ui/dataset/dataset_browser.h"
#include "ui/document/project_document.h"
#include "ui/learning/pre_annotation_run.h"
#include "ui/learning/trained_models.h"
#include "ui/window/main_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
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
#include <set>

namespace actionlens::ui {

namespace {
constexpr int kVideoIdRole = Qt::UserRole;
constexpr int kRunIdRole = Qt::UserRole;
}  // namespace

PreAnnotateDialog::PreAnnotateDialog(ProjectDocument& document, const std::vector<std::int64_t>& chosen, QWidget* parent)
    : QDialog(parent), document_(document), run_(new PreAnnotationRun(document, this)) {
    setWindowTitle(tr("Pre-annotate"));
    videos_ = new QListWidget(this);
    for (const annotation::Video& video : document_.videos()) {
        const QString name = video.name.empty() ? QFileInfo(QString::fromStdString(video.path)).fileName() : QString::fromStdString(video.name);
        auto* item = new QListWidgetItem(tr("%1 (video %2, %3 frames)").arg(name).arg(video.id).arg(video.frameCount), videos_);
        item->setData(kVideoIdRole, QVariant::fromValue<qlonglong>(video.id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(std::find(chosen.begin(), chosen.end(), video.id) != chosen.end() ? Qt::Checked : Qt::Unchecked);
    }
    auto* tickUnlabelled = new QPushButton(tr("Tick the &unlabelled"), this);
    tickUnlabelled->setToolTip(tr("Ticks every video without a segment drawn or accepted by a person"));
    connect(tickUnlabelled, &QPushButton::clicked, this, &PreAnnotateDialog::tickUnlabelled);

    // Training runs with a model file, newest first.
    model_ = new QComboBox(this);
    for (const annotation::TrainingRun& r : trainedModels(document_))
        model_->addItem(tr("%1 (%2, %3)")
                            .arg(QString::fromStdString(r.name), QLatin1String(annotation::runStatusName(r.status)),
                                 QDateTime::fromMSecsSinceEpoch(r.startedMs).toString(QStringLiteral("yyyy-MM-dd hh:mm"))),
                        QVariant::fromValue<qlonglong>(r.id));
    model_->setToolTip(tr("The trained model whose proposals the videos get (Model > Train... makes one)"));

    estimatePoses_ = new QCheckBox(tr("Estimate poses first where a video has none"), this);
    estimatePoses_->setChecked(QSettings().value(QStringLiteral("preAnnotate/estimatePoses"), true).toBool());
    detector_ = new PersonDetectorChoice(this);
    people_ = new QSpinBox(this);
    people_->setRange(1, 20);
    people_->setValue(std::clamp(QSettings().value(QStringLiteral("pose/people"), 1).toInt(), 1, 20));
    poseHint_ = new QLabel(this);
    poseHint_->setWordWrap(true);
    poseHint_->setEnabled(false);

    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progressBar_ = new QProgressBar(this);
    progressBar_->setRange(0, 1000);
    progressBar_->hide();
    report_ = new QPlainTextEdit(this);
    report_->setReadOnly(true);
    report_->setMaximumBlockCount(2000);
    report_->hide();
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
    startButton_ = buttons_->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    startButton_->setDefault(true);

    auto* videoButtons = new QHBoxLayout;
    videoButtons->addWidget(tickUnlabelled);
    videoButtons->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("Videos:"), videos_);
    form->addRow(QString(), videoButtons);
    form->addRow(tr("Model:"), model_);
    form->addRow(QString(), estimatePoses_);
    form->addRow(tr("Person detector:"), detector_);
    form->addRow(tr("People per frame:"), people_);
    form->addRow(QString(), poseHint_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(progressBar_);
    layout->addWidget(report_, 1);
    layout->addWidget(buttons_);

    connect(startButton_, &QPushButton::clicked, this, [this] { startPreAnnotation(); });
    connect(buttons_, &QDialogButtonBox::rejected, this, &PreAnnotateDialog::reject);
    connect(videos_, &QListWidget::itemChanged, this, &PreAnnotateDialog::updatePoseHint);
    connect(estimatePoses_, &QCheckBox::toggled, this, &PreAnnotateDialog::updatePoseHint);
    connect(run_, &PreAnnotationRun::stageChanged, status_, &QLabel::setText);
    connect(run_, &PreAnnotationRun::progressChanged, progressBar_, &QProgressBar::setValue);
    connect(run_, &PreAnnotationRun::reported, report_, &QPlainTextEdit::appendPlainText);
    connect(run_, &PreAnnotationRun::finished, this, [this](bool, const QString& summary) {
        setRunning(false);
        status_->setText(summary);
    });
    if (model_->count() == 0) {
        status_->setText(tr("The project has no trained model yet: train one first (Model > Train...)."));
        startButton_->setEnabled(false);
    }
    updatePoseHint();
    resize(560, 560);
}

std::vector<std::int64_t> PreAnnotateDialog::chosenVideos() const {
    std::vector<std::int64_t> ids;
    for (int row = 0; row < videos_->count(); ++row)
        if (videos_->item(row)->checkState() == Qt::Checked) ids.push_back(videos_->item(row)->data(kVideoIdRole).toLongLong());
    return ids;
}

void PreAnnotateDialog::tickUnlabelled() {
    std::set<std::int64_t> labelled;
    if (auto progress = document_.store().videoProgress())
        for (const annotation::VideoProgress& p : *progress)
            if (p.segments > 0) labelled.insert(p.videoId);
    for (int row = 0; row < videos_->count(); ++row) {
        QListWidgetItem* item = videos_->item(row);
        item->setCheckState(labelled.count(item->data(kVideoIdRole).toLongLong()) ? Qt::Unchecked : Qt::Checked);
    }
}

void PreAnnotateDialog::updatePoseHint() {
    const bool estimate = estimatePoses_->isChecked();
    detector_->setEnabled(estimate && !run_->isRunning());
    people_->setEnabled(estimate && !run_->isRunning());
    const auto withoutPoses = run_->videosWithoutSkeletons(chosenVideos());
    poseHint_->setText(!estimate             ? tr("Videos without skeletons get proposals only from a model that reads the frames.")
                       : withoutPoses.empty() ? tr("Every ticked video has skeletons: no pose estimation needed.")
                                              : tr("%n ticked video(s) without skeletons get poses first.", nullptr, int(withoutPoses.size())));
}

PreAnnotationRequest PreAnnotateDialog::request() const {
    PreAnnotationRequest request;
    const qlonglong runId = model_->currentData().toLongLong();
    if (auto runs = document_.store().runs())
        for (const annotation::TrainingRun& r : *runs)
            if (r.id == runId) request.run = r;
    request.videoIds = chosenVideos();
    request.estimatePoses = estimatePoses_->isChecked();
    request.pose.detector = detector_->detector();
    request.pose.tiles = detector_->tiles();
    request.pose.maxPeople = people_->value();
    request.pose.device = pose::cudaAvailable() ? QStringLiteral("cuda") : QStringLiteral("cpu");
    request.pose.threads = QThread::idealThreadCount();
    return request;
}

bool PreAnnotateDialog::startPreAnnotation() {
    if (run_->isRunning()) return false;
    const PreAnnotationRequest wanted = request();
    status_->setStyleSheet({});
    auto refuse = [this](const QString& message) {
        status_->setStyleSheet(QStringLiteral("color: #b00020;"));
        status_->setText(message);
        return false;
    };
    if (wanted.videoIds.empty()) return refuse(tr("Tick at least one video."));
    if (wanted.run.id == 0) return refuse(tr("Choose a trained model."));
    if (wanted.estimatePoses && !run_->videosWithoutSkeletons(wanted.videoIds).empty())
        if (Status installed = pose::checkPoseModelsInstalled(pose::poseModelDirectory(), wanted.pose.model); !installed.ok())
            return refuse(tr("Cannot estimate poses: %1. Untick pose estimation to predict only where skeletons exist.")
                              .arg(QString::fromStdString(installed.error())));
    QSettings().setValue(QStringLiteral("preAnnotate/estimatePoses"), wanted.estimatePoses);
    if (wanted.estimatePoses) detector_->remember();
    report_->clear();
    progressBar_->setValue(0);
    if (const QString refused = run_->start(wanted); !refused.isEmpty()) return refuse(refused);
    setRunning(true);
    return true;
}

void PreAnnotateDialog::setRunning(bool running) {
    for (QWidget* w : std::initializer_list<QWidget*>{videos_, model_, estimatePoses_}) w->setEnabled(!running);
    startButton_->setEnabled(!running);
    buttons_->button(QDialogButtonBox::Close)->setText(running ? tr("&Cancel") : tr("&Close"));
    progressBar_->setVisible(true);
    report_->setVisible(true);
    updatePoseHint();
}

void PreAnnotateDialog::reject() {
    if (run_->isRunning()) {
        run_->cancel();
        status_->setText(tr("Cancelling..."));
        return;
    }
    QDialog::reject();
}

PreAnnotateDialog* openPreAnnotateDialog(MainWindow& window) {
    const bool fresh = !window.findChild<PreAnnotateDialog*>();
    auto* dialog = openProjectJobDialog<PreAnnotateDialog>(
        window, PreAnnotateDialog::tr("Pre-annotate"),
        PreAnnotateDialog::tr("Open a project first: its videos are pre-annotated with its trained models."), &PreAnnotationRun::finished);
    if (dialog && fresh)
        QObject::connect(&dialog->run(), &PreAnnotationRun::reported, &window, [&window] { window.datasetBrowser().refresh(); });
    return dialog;
}

}  // namespace actionlens::ui
