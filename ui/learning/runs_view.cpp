#include "ui/learning/runs_view.h"

#include "core/annotation/project_store.h"
#include "core/runs/run_record.h"
#include "core/train/checkpoint.h"
#include "ui/commands/run_commands.h"
#include "ui/document/project_document.h"
#include "ui/learning/training_history.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

namespace actionlens::ui {

namespace {

enum Column { kName, kKind, kStatus, kStarted, kTook, kEpochs, kAccuracy, kDevice, kModel, kColumns };

QString durationText(std::int64_t ms) {
    if (ms <= 0) return QStringLiteral("-");
    const std::int64_t s = ms / 1000;
    if (s >= 3600) return QObject::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60) return QObject::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QObject::tr("%1 s").arg(std::max<std::int64_t>(s, 1));
}

// The best epoch's mean validation accuracy over the tasks that were validated, or NaN.
double bestAccuracy(const TrainingHistory& history) {
    for (const EpochPoint& p : history.epochs()) {
        if (p.epoch != history.bestEpoch()) continue;
        double sum = 0;
        int n = 0;
        for (double a : p.taskValidationAccuracy)
            if (std::isfinite(a)) sum += a, ++n;
        return n ? sum / n : NAN;
    }
    return NAN;
}

}  // namespace

RunsView::RunsView(ProjectDocument& document, QWidget* parent) : QWidget(parent), document_(document) {
    table_ = new QTableWidget(0, kColumns);
    table_->setHorizontalHeaderLabels({tr("Run"), tr("Kind"), tr("Status"), tr("Started"), tr("Took"), tr("Epochs"),
                                       tr("Best val. accuracy"), tr("Device"), tr("Model file")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    show_ = new QPushButton(tr("Show curves"));
    compare_ = new QPushButton(tr("Compare"));
    compare_->setToolTip(tr("Select two training runs: the second one's curves are drawn dashed over the first's"));
    evaluate_ = new QPushButton(tr("Evaluate..."));
    evaluate_->setToolTip(tr("Run the selected training run's model on a split: metrics, confusion matrix, ROC curves"));
    resume_ = new QPushButton(tr("Resume"));
    resume_->setToolTip(tr("Continue a stopped or cancelled training run from its model file"));
    predict_ = new QPushButton(tr("Predict"));
    predict_->setToolTip(tr("Segment the video shown with the selected run's model (stored as its own annotator, undoable)"));
    auto* add = new QPushButton(tr("Add from file..."));
    add->setToolTip(tr("Add the run recorded in a model file (.alm), e.g. one trained while the project was open here"));
    delete_ = new QPushButton(tr("Delete..."));
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {show_, compare_, evaluate_, resume_, predict_, add, delete_}) buttons->addWidget(b);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);

    auto updateButtons = [this] {
        const auto ids = selectedRunIds();
        show_->setEnabled(ids.size() == 1);
        compare_->setEnabled(ids.size() == 2);
        const annotation::TrainingRun* one = ids.size() == 1 ? runById(ids.front()) : nullptr;
        const bool trained = one && one->kind == annotation::RunKind::Training && one->status != annotation::RunStatus::Running;
        evaluate_->setEnabled(trained);
        predict_->setEnabled(trained);
        resume_->setEnabled(trained && (one->status == annotation::RunStatus::Stopped || one->status == annotation::RunStatus::Cancelled));
        delete_->setEnabled(!ids.empty());
    };
    connect(table_, &QTableWidget::itemSelectionChanged, this, updateButtons);
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (row >= 0 && row < int(runs_.size())) Q_EMIT showRunRequested(runs_[size_t(row)].id);
    });
    connect(show_, &QPushButton::clicked, this, [this] {
        if (const auto ids = selectedRunIds(); ids.size() == 1) Q_EMIT showRunRequested(ids.front());
    });
    connect(compare_, &QPushButton::clicked, this, [this] {
        if (const auto ids = selectedRunIds(); ids.size() == 2) Q_EMIT compareRequested(ids[0], ids[1]);
    });
    connect(evaluate_, &QPushButton::clicked, this, [this] {
        if (const auto ids = selectedRunIds(); ids.size() == 1) Q_EMIT evaluateRequested(ids.front());
    });
    connect(resume_, &QPushButton::clicked, this, [this] {
        if (const auto ids = selectedRunIds(); ids.size() == 1) Q_EMIT resumeRequested(ids.front());
    });
    connect(predict_, &QPushButton::clicked, this, [this] {
        if (const auto ids = selectedRunIds(); ids.size() == 1) Q_EMIT predictRequested(ids.front());
    });
    connect(add, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Add a run from its model file"), QString(), tr("ActionLens models (*.alm)"));
        if (path.isEmpty()) return;
        if (const QString error = addFromFile(path); !error.isEmpty()) QMessageBox::warning(this, tr("Add from file"), error);
    });
    connect(delete_, &QPushButton::clicked, this, [this] {
        const auto ids = selectedRunIds();
        if (ids.empty()) return;
        QMessageBox box(QMessageBox::Question, tr("Delete runs"),
                        tr("Delete the record of %n run(s)? Undo (Ctrl+Z) brings it back.", nullptr, int(ids.size())),
                        QMessageBox::Cancel, this);
        QPushButton* records = box.addButton(tr("Delete the records"), QMessageBox::AcceptRole);
        QPushButton* files = box.addButton(tr("Delete records and model files (no undo for the files)"), QMessageBox::DestructiveRole);
        box.exec();
        if (box.clickedButton() == records) deleteSelected(false);
        if (box.clickedButton() == files) deleteSelected(true);
    });
    connect(&document_, &ProjectDocument::runsChanged, this, &RunsView::refresh);
    connect(&document_, &ProjectDocument::opened, this, &RunsView::refresh);
    connect(&document_, &ProjectDocument::closed, this, &RunsView::refresh);
    refresh();
    updateButtons();
}

QString RunsView::checkpointProblem(const annotation::TrainingRun& run) {
    if (run.kind != annotation::RunKind::Training) return {};
    const QString path = QString::fromStdString(run.checkpointPath);
    if (path.isEmpty()) return tr("no model file");
    if (!QFileInfo::exists(path)) return tr("model file missing");
    if (auto info = train::readCheckpointInfo(run.checkpointPath); !info) return tr("model file damaged: %1").arg(QString::fromStdString(info.error()));
    return {};
}

QString RunsView::cachedCheckpointProblem(const annotation::TrainingRun& run) {
    const QString path = QString::fromStdString(run.checkpointPath);
    const QFileInfo file(path);
    if (run.kind != annotation::RunKind::Training || path.isEmpty() || !file.exists()) return checkpointProblem(run);
    CheckedFile& entry = checked_[path];
    if (entry.size != file.size() || entry.modified != file.lastModified()) {
        entry = {file.lastModified(), file.size(), checkpointProblem(run)};
    }
    return entry.problem;
}

void RunsView::refresh() {
    runs_.clear();
    if (document_.isOpen())
        if (auto runs = document_.store().runs(); runs) runs_ = std::move(runs).value();
    table_->setRowCount(int(runs_.size()));
    for (int row = 0; row < int(runs_.size()); ++row) {
        const annotation::TrainingRun& run = runs_[size_t(row)];
        auto history = TrainingHistory::fromJson(QByteArray::fromStdString(run.historyJson));
        const QString problem = run.status == annotation::RunStatus::Running ? QString() : cachedCheckpointProblem(run);
        const double accuracy = history ? bestAccuracy(history.value()) : NAN;
        const QStringList cells{
            QString::fromStdString(run.name),
            QLatin1String(annotation::runKindName(run.kind)),
            QLatin1String(annotation::runStatusName(run.status)) + (run.origin.empty() ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(run.origin))),
            QDateTime::fromMSecsSinceEpoch(run.startedMs).toString(QStringLiteral("yyyy-MM-dd hh:mm")),
            durationText(run.endedMs > 0 ? run.endedMs - run.startedMs : 0),
            history && !history->epochs().empty() ? QString::number(history->epochs().back().epoch) : QStringLiteral("-"),
            std::isfinite(accuracy) ? QString::number(accuracy, 'f', 3) : QStringLiteral("-"),
            QString::fromStdString(run.device),
            problem.isEmpty() ? QFileInfo(QString::fromStdString(run.checkpointPath)).fileName() : problem,
        };
        for (int c = 0; c < kColumns; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == kModel) item->setToolTip(QString::fromStdString(run.checkpointPath));
            if (c == kStatus && !run.message.empty()) item->setToolTip(QString::fromStdString(run.message));
            if (c == kModel && !problem.isEmpty()) item->setForeground(QColor(176, 0, 32));
            if (c == kStatus && run.status == annotation::RunStatus::Failed) item->setForeground(QColor(176, 0, 32));
            table_->setItem(row, c, item);
        }
    }
    table_->resizeColumnsToContents();
}

std::vector<std::int64_t> RunsView::selectedRunIds() const {
    std::vector<std::int64_t> ids;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows())
        if (index.row() < int(runs_.size())) ids.push_back(runs_[size_t(index.row())].id);
    return ids;
}

const annotation::TrainingRun* RunsView::runById(std::int64_t id) const {
    for (const annotation::TrainingRun& run : runs_)
        if (run.id == id) return &run;
    return nullptr;
}

QString RunsView::addFromFile(const QString& path) {
    if (!document_.isOpen()) return tr("Open a project first.");
    auto run = runs::trainingRunFromCheckpoint(path.toStdString());
    if (!run) return QString::fromStdString(run.error());
    for (const annotation::TrainingRun& known : runs_)
        if (QFileInfo(QString::fromStdString(known.checkpointPath)).canonicalFilePath() == QFileInfo(path).canonicalFilePath())
            return tr("%1 is run %2 already.").arg(path, QString::fromStdString(known.name));
    return DocumentCommand::push(document_, std::make_unique<AddRunCommand>(document_, run.value()));
}

void RunsView::deleteSelected(bool deleteModelFiles) {
    for (std::int64_t id : selectedRunIds()) {
        std::string file;
        for (const annotation::TrainingRun& run : runs_)
            if (run.id == id) file = run.checkpointPath;
        if (const QString error = DocumentCommand::push(document_, std::make_unique<RemoveRunCommand>(document_, id)); !error.isEmpty()) {
            QMessageBox::warning(this, tr("Delete runs"), error);
            return;
        }
        if (deleteModelFiles && !file.empty()) QFile::remove(QString::fromStdString(file));
    }
}

}  // namespace actionlens::ui
