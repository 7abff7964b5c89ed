#include "ui/learning/labelling_queue_view.h"

#include "core/annotation/project_store.h"
#include "core/train/checkpoint.h"
#include "ui/document/project_document.h"
#include "ui/learning/labelling_queue_session.h"
#include "ui/learning/trained_models.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace actionlens::ui {

namespace {
enum Column { RankColumn, VideoColumn, SubjectColumn, FramesColumn, UncertaintyColumn, GuessColumn, ColumnCount };
}  // namespace

LabellingQueueView::LabellingQueueView(ProjectDocument& document, LabellingQueueSession& session, QWidget* parent)
    : QWidget(parent), document_(document), session_(session) {
    run_ = new QComboBox(this);
    run_->setToolTip(tr("The trained model that says which clips it is least sure of"));
    measure_ = new QComboBox(this);
    measure_->addItem(tr("Entropy"), int(train::UncertaintyMeasure::Entropy));
    measure_->addItem(tr("Margin"), int(train::UncertaintyMeasure::Margin));
    measure_->setToolTip(tr("Entropy: how spread the model's answer is over all classes. Margin: how close its two likeliest "
                            "classes are."));
    task_ = new QComboBox(this);
    task_->setToolTip(tr("The task whose answer ranks the clips, or the mean over all tasks"));
    diversity_ = new QCheckBox(tr("One per video first"), this);
    diversity_->setChecked(true);
    diversity_->setToolTip(tr("Each video gives one clip before any gives a second, so the queue is not ten near-identical clips"));
    refresh_ = new QPushButton(tr("&Refresh"), this);
    busy_ = new QProgressBar(this);
    busy_->setMaximumHeight(8);
    busy_->setTextVisible(false);
    busy_->hide();
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setHorizontalHeaderLabels({tr("#"), tr("Video"), tr("Subject"), tr("Frames"), tr("Uncertainty"), tr("Model's guess")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setToolTip(tr("Double-click or Enter: show the clip with the marks around it; an action's hotkey then labels it"));

    auto* form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Model:"), this));
    form->addWidget(run_, 1);
    form->addWidget(measure_);
    form->addWidget(task_);
    form->addWidget(diversity_);
    form->addWidget(refresh_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(busy_);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);

    connect(refresh_, &QPushButton::clicked, this, [this] {
        if (const QString error = refresh(); !error.isEmpty()) summary_->setText(error);
    });
    connect(run_, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] { fillTasks(); });
    connect(&session_, &LabellingQueueSession::finished, this, &LabellingQueueView::showQueue);
    connect(table_, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const int row = index.row();
        if (row >= 0 && row < int(session_.queue().size())) Q_EMIT clipChosen(session_.queue()[size_t(row)]);
    });
    connect(&document_, &ProjectDocument::opened, this, [this] {
        table_->setRowCount(0);
        summary_->clear();
        reloadRuns();
    });
    reloadRuns();
}

void LabellingQueueView::reloadRuns() {
    const qlonglong chosen = run_->currentData().toLongLong();
    const QSignalBlocker block(run_);
    run_->clear();
    for (const annotation::TrainingRun& r : trainedModels(document_))
        run_->addItem(QString::fromStdString(r.name), QVariant::fromValue<qlonglong>(r.id));
    const int keep = run_->findData(QVariant::fromValue<qlonglong>(chosen));
    run_->setCurrentIndex(keep >= 0 ? keep : 0);
    refresh_->setEnabled(run_->count() > 0);
    if (run_->count() == 0) summary_->setText(tr("Train a model first (Model > Train...): it ranks the clips to label."));
    fillTasks();
}

void LabellingQueueView::chooseRun(std::int64_t runId) {
    reloadRuns();
    const int index = run_->findData(QVariant::fromValue<qlonglong>(runId));
    if (index >= 0) run_->setCurrentIndex(index);
}

void LabellingQueueView::fillTasks() {
    const int previous = task_->currentData().isValid() ? task_->currentData().toInt() : -1;
    task_->clear();
    task_->addItem(tr("All tasks"), -1);
    if (!document_.isOpen() || run_->count() == 0) return;
    const qlonglong runId = run_->currentData().toLongLong();
    if (auto runs = document_.store().runs())
        for (const annotation::TrainingRun& r : *runs)
            if (r.id == runId)
                if (auto info = train::readCheckpointInfo(r.checkpointPath))
                    for (size_t t = 0; t < info->snapshot.tasks.size(); ++t)
                        task_->addItem(QString::fromStdString(info->snapshot.tasks[t].name), int(t));
    const int keep = task_->findData(previous);
    task_->setCurrentIndex(keep >= 0 ? keep : 0);
}

predict::QueueOptions LabellingQueueView::options() const {
    predict::QueueOptions o;
    o.measure = train::UncertaintyMeasure(measure_->currentData().toInt());
    o.task = task_->currentData().isValid() ? task_->currentData().toInt() : -1;
    o.diversity = diversity_->isChecked();
    return o;
}

QString LabellingQueueView::refresh() {
    if (!document_.isOpen()) return tr("Open a project first.");
    if (run_->count() == 0) return tr("Train a model first (Model > Train...): it ranks the clips to label.");
    const qlonglong runId = run_->currentData().toLongLong();
    annotation::TrainingRun run;
    if (auto runs = document_.store().runs())
        for (const annotation::TrainingRun& r : *runs)
            if (r.id == runId) run = r;
    if (run.id == 0) return tr("The chosen run is no longer in the project.");
    if (const QString refused = session_.start(run, options()); !refused.isEmpty()) return refused;
    busy_->setRange(0, 0);
    busy_->show();
    summary_->setText(tr("Asking %1 which clips it is least sure of...").arg(QString::fromStdString(run.name)));
    if (Job* job = session_.job())
        connect(job, &Job::progressChanged, busy_, [this](qint64 done, qint64 total) {
            busy_->setRange(0, int(total));
            busy_->setValue(int(done));
        });
    return {};
}

void LabellingQueueView::showQueue(const QString& message) {
    if (session_.isRunning()) return;  // a replaced request's report; the latest is still coming
    busy_->hide();
    if (!message.isEmpty()) {
        summary_->setText(tr("No queue: %1").arg(message));
        return;
    }
    const auto& queue = session_.queue();
    table_->setRowCount(int(queue.size()));
    for (int row = 0; row < int(queue.size()); ++row) {
        const predict::QueueClip& clip = queue[size_t(row)];
        const annotation::Video* video = document_.video(clip.videoId);
        const QString videoName = !video                ? tr("video %1").arg(clip.videoId)
                                  : video->name.empty() ? QFileInfo(QString::fromStdString(video->path)).fileName()
                                                        : QString::fromStdString(video->name);
        auto* rank = new QTableWidgetItem(QString::number(row + 1));
        auto* uncertainty = new QTableWidgetItem(QStringLiteral("%1  %2")
                                                     .arg(QString(int(std::lround(clip.uncertainty * 10)), QChar(0x2588)), -10)
                                                     .arg(clip.uncertainty, 0, 'f', 2));
        QStringList guesses;
        for (size_t t = 0; t < clip.classes.size(); ++t)
            guesses << QStringLiteral("%1 %2").arg(QString::fromStdString(clip.classes[t])).arg(clip.confidences[t], 0, 'f', 2);
        table_->setItem(row, RankColumn, rank);
        table_->setItem(row, VideoColumn, new QTableWidgetItem(videoName));
        table_->setItem(row, SubjectColumn, new QTableWidgetItem(clip.subjectId ? document_.subjectName(clip.subjectId) : tr("(whole frame)")));
        table_->setItem(row, FramesColumn, new QTableWidgetItem(QStringLiteral("%1-%2").arg(clip.firstFrame).arg(clip.lastFrame)));
        table_->setItem(row, UncertaintyColumn, uncertainty);
        table_->setItem(row, GuessColumn, new QTableWidgetItem(guesses.join(QStringLiteral(" \u00b7 "))));
    }
    table_->resizeColumnsToContents();
    QString measure = measure_->currentText().toLower();
    summary_->setText(queue.empty() ? tr("Nothing left to label: every clip the model sees is labelled.")
                                    : tr("%1 of %2 unlabelled clips, by %3 over %4 (%5); Ctrl+] / Ctrl+[ walk them.")
                                          .arg(queue.size())
                                          .arg(session_.candidateCount())
                                          .arg(measure, task_->currentText().toLower(), run_->currentText()));
}

int LabellingQueueView::currentRow() const { return table_->currentRow(); }

bool LabellingQueueView::step(int direction) {
    const int rows = table_->rowCount();
    if (rows == 0) return false;
    const int row = table_->currentRow() < 0 ? (direction > 0 ? 0 : rows - 1) : table_->currentRow() + direction;
    if (row < 0 || row >= rows) return false;
    table_->selectRow(row);
    table_->setCurrentCell(row, 0);
    Q_EMIT clipChosen(session_.queue()[size_t(row)]);
    return true;
}

}  // namespace actionlens::ui
