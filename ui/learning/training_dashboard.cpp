#include "ui/learning/training_dashboard.h"

#include "ui/learning/plot_export.h"
#include "ui/learning/training_session.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace actionlens::ui {

namespace {

constexpr int kReplotIntervalMs = 250;

QColor taskColour(int task, int tasks) {
    return QColor::fromHsv((task * 360 / std::max(tasks, 1) + 210) % 360, 200, 200);
}

QVector<double> toVector(const std::vector<double>& values) { return QVector<double>(values.begin(), values.end()); }

// A graph named `name` with keys 1..n (epochs or steps) unless given.
QCPGraph* addCurve(QCustomPlot* plot, const QString& name, const QVector<double>& keys, const QVector<double>& values,
                   const QPen& pen) {
    QCPGraph* graph = plot->addGraph();
    graph->setName(name);
    graph->setPen(pen);
    graph->setData(keys, values, true);
    return graph;
}

QString durationText(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("-");
    const qint64 s = qint64(std::llround(seconds));
    if (s >= 3600) return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    if (s >= 60) return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QStringLiteral("%1 s").arg(s);
}

}  // namespace

TrainingDashboard::TrainingDashboard(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(tr("No training run yet: Model > Train... starts one."));
    title_->setWordWrap(true);
    status_ = new QLabel;
    status_->setWordWrap(true);
    // What the run said before it started (no validation part, tasks whose labels cannot be mirrored).
    notes_ = new QLabel;
    notes_->setWordWrap(true);
    notes_->setObjectName(QStringLiteral("trainingNotes"));
    notes_->setStyleSheet(QStringLiteral("color: #a05a00;"));
    notes_->hide();
    progress_ = new QProgressBar;
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    pause_ = new QPushButton(tr("Pause"));
    stop_ = new QPushButton(tr("Stop after this epoch"));
    stop_->setToolTip(tr("Finishes the epoch in progress, keeps its checkpoint and ends the run"));
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setToolTip(tr("Stops at the next step; the model file keeps the last finished epoch"));
    smoothing_ = new QSlider(Qt::Horizontal);
    smoothing_->setRange(0, 95);
    smoothing_->setValue(60);
    smoothing_->setToolTip(tr("Smoothing of the step losses and the per-epoch curves (exponential moving average)"));
    logScale_ = new QCheckBox(tr("Log scale"));
    logScale_->setToolTip(tr("Losses on a logarithmic axis"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(pause_);
    controls->addWidget(stop_);
    controls->addWidget(cancel_);
    controls->addStretch();
    controls->addWidget(new QLabel(tr("Smoothing")));
    controls->addWidget(smoothing_);
    controls->addWidget(logScale_);

    plots_.resize(kPlotCount);
    plots_[kLoss] = makePlot(tr("Loss per epoch"), tr("loss"));
    {
        // The tasks' legend, beside the loss plot rather than over its curves.
        QCustomPlot* loss = plots_[kLoss];
        loss->legend->setVisible(true);
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        loss->legend->setFont(small);
        loss->legend->setRowSpacing(-2);
        loss->axisRect()->insetLayout()->take(loss->legend);
        loss->plotLayout()->addElement(1, 1, loss->legend);
        loss->plotLayout()->setColumnStretchFactor(1, 0.001);
        loss->plotLayout()->setRowStretchFactor(0, 0.001);  // the title row keeps its own height
    }
    plots_[kAccuracy] = makePlot(tr("Validation accuracy"), tr("accuracy"));
    plots_[kSteps] = makePlot(tr("Steps of this epoch"), tr("loss"));
    plots_[kWeights] = makePlot(tr("Task weights"), tr("weight"));
    plots_[kLearningRate] = makePlot(tr("Learning rate"), tr("rate"));
    auto* grid = new QGridLayout;
    grid->addWidget(plots_[kLoss], 0, 0);
    grid->addWidget(plots_[kAccuracy], 0, 1);
    grid->addWidget(plots_[kSteps], 0, 2);
    grid->addWidget(plots_[kWeights], 1, 0);
    grid->addWidget(plots_[kLearningRate], 1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(notes_);
    layout->addWidget(status_);
    layout->addWidget(progress_);
    layout->addLayout(controls);
    layout->addLayout(grid, 1);

    connect(pause_, &QPushButton::clicked, this, [this] {
        if (session_) session_->setPaused(!session_->isPaused());
        updateButtons();
        updateStatus();
    });
    connect(stop_, &QPushButton::clicked, this, [this] {
        if (session_) session_->stopAfterEpoch();
        updateButtons();
        updateStatus();
    });
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (session_) session_->cancel();
    });
    connect(smoothing_, &QSlider::valueChanged, this, [this] { rebuild(); });
    connect(logScale_, &QCheckBox::toggled, this, [this] { rebuild(); });
    replotTimer_.setInterval(kReplotIntervalMs);
    connect(&replotTimer_, &QTimer::timeout, this, &TrainingDashboard::replotIfChanged);
    replotTimer_.start();
    updateButtons();
}

QCustomPlot* TrainingDashboard::makePlot(const QString& title, const QString& yLabel) {
    auto* plot = new QCustomPlot;
    plot->setMinimumSize(240, 160);
    plot->setWindowTitle(title);
    plot->plotLayout()->insertRow(0);
    auto* heading = new QCPTextElement(plot, title, QFont(font().family(), font().pointSize(), QFont::Bold));
    plot->plotLayout()->addElement(0, 0, heading);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(false);  // one legend, the loss plot's: the tasks keep their colours in every plot
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, plot, [this, plot, title](const QPoint& at) {
        QMenu menu;
        menu.addAction(tr("Export plot..."), [this, plot, title] { choosePlotFileAndSave(*plot, this, title + QStringLiteral(".png")); });
        menu.addAction(tr("Fit to the data"), [plot] {
            plot->rescaleAxes();
            plot->replot();
        });
        menu.exec(plot->mapToGlobal(at));
    });
    return plot;
}

void TrainingDashboard::follow(TrainingSession* session) {
    if (session_) disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    stage_.clear();
    notes_->clear();
    notes_->hide();
    stepsDone_ = stepsTotal_ = 0;
    if (session) {
        history_ = session->history();
        comparison_ = {};
        comparisonTitle_.clear();
        title_->setText(tr("Training %1").arg(QString::fromStdString(session->run().name)));
        connect(session, &TrainingSession::stageChanged, this, [this](const QString& stage) {
            stage_ = stage;
            updateStatus();
        });
        connect(session, &TrainingSession::started, this, [this, session] {
            history_ = session->history();
            title_->setText(tr("Training %1 (%2)").arg(QString::fromStdString(session->run().name), session->checkpointPath()));
            notes_->setText(QString::fromStdString(session->run().message));
            notes_->setVisible(!notes_->text().isEmpty());
            trainingClock_.invalidate();
            changed();
        });
        connect(session, &TrainingSession::stepDone, this, [this, session](int epoch, int step, int stepsPerEpoch) {
            if (!trainingClock_.isValid()) trainingClock_.start();
            stepsDone_ = qint64(epoch - 1) * stepsPerEpoch + step;
            stepsTotal_ = qint64(session->epochs()) * stepsPerEpoch;
            progress_->setValue(int(1000 * stepsDone_ / std::max<qint64>(stepsTotal_, 1)));
            changed();
        });
        connect(session, &TrainingSession::epochDone, this, [this, session] {
            history_ = session->history();
            updateStatus();
            changed();
        });
        connect(session, &TrainingSession::finished, this, [this](annotation::RunStatus status, const QString& message) {
            stage_ = message.isEmpty() ? tr("Run %1.").arg(QLatin1String(annotation::runStatusName(status)))
                                       : tr("Run %1: %2").arg(QLatin1String(annotation::runStatusName(status)), message);
            updateButtons();
            updateStatus();
            changed();
        });
        if (Job* job = session->job()) {
            connect(job, &Job::progressChanged, this, [this](qint64 done, qint64 total) {
                if (stepsTotal_ == 0 && total > 0) progress_->setValue(int(1000 * done / total));  // reading clips
            });
        }
    }
    rebuild();
    updateButtons();
    updateStatus();
}

void TrainingDashboard::showHistory(const QString& title, const TrainingHistory& history) {
    follow(nullptr);
    history_ = history;
    title_->setText(title);
    stage_.clear();
    progress_->setValue(0);
    rebuild();
    updateStatus();
}

void TrainingDashboard::setComparison(const QString& title, const TrainingHistory& history) {
    comparisonTitle_ = title;
    comparison_ = title.isEmpty() ? TrainingHistory() : history;
    rebuild();
}

void TrainingDashboard::updateButtons() {
    const bool live = session_ && session_->isRunning();
    // A stored run has no steps in progress, nothing to pause and no progress to show.
    const bool following = session_ != nullptr;
    for (QWidget* w : std::initializer_list<QWidget*>{pause_, stop_, cancel_, progress_, plots_[kSteps]}) w->setVisible(following);
    pause_->setEnabled(live);
    pause_->setText(live && session_->isPaused() ? tr("Resume") : tr("Pause"));
    stop_->setEnabled(live && !session_->isStopping());
    cancel_->setEnabled(live);
}

void TrainingDashboard::updateStatus() {
    QStringList parts;
    if (!stage_.isEmpty()) parts << stage_;
    const auto& epochs = history_.epochs();
    if (!epochs.empty()) {
        const EpochPoint& last = epochs.back();
        parts << tr("epoch %1%2").arg(last.epoch).arg(session_ ? QStringLiteral("/%1").arg(session_->epochs()) : QString());
        parts << tr("%1 clips/s").arg(last.clipsPerSecond, 0, 'f', 0);
        if (history_.bestEpoch() > 0) parts << tr("best epoch %1").arg(history_.bestEpoch());
    }
    if (session_ && session_->isRunning()) {
        if (session_->isPaused()) parts << tr("paused");
        if (session_->isStopping()) parts << tr("stopping after this epoch");
        if (trainingClock_.isValid() && stepsDone_ > 0 && stepsTotal_ > stepsDone_) {
            const double elapsed = trainingClock_.elapsed() / 1000.0;
            parts << tr("about %1 left").arg(durationText(elapsed * double(stepsTotal_ - stepsDone_) / double(stepsDone_)));
        }
    }
    status_->setText(parts.join(QStringLiteral(" · ")));
}

void TrainingDashboard::replotIfChanged() {
    if (!dirty_) return;
    rebuild();
}

void TrainingDashboard::rebuild() {
    dirty_ = false;
    if (session_) history_ = session_->history();  // the live run's curves as they are now
    const double weight = smoothing_->value() / 100.0;
    const QStringList& tasks = history_.tasks();
    const int taskCount = int(tasks.size());
    for (QCustomPlot* plot : plots_) {
        plot->clearGraphs();
        plot->clearItems();
    }
    auto epochKeys = [](const TrainingHistory& h) {
        QVector<double> keys;
        for (const EpochPoint& p : h.epochs()) keys << p.epoch;
        return keys;
    };
    auto series = [&](const TrainingHistory& h, auto value) {
        std::vector<double> v;
        for (const EpochPoint& p : h.epochs()) v.push_back(value(p));
        return toVector(smoothed(v, weight));
    };
    const QVector<double> keys = epochKeys(history_);

    // Loss per epoch.
    QCustomPlot* loss = plots_[kLoss];
    for (int t = 0; t < taskCount; ++t)
        addCurve(loss, tasks[t], keys, series(history_, [t](const EpochPoint& p) { return size_t(t) < p.taskTrainLoss.size() ? p.taskTrainLoss[size_t(t)] : NAN; }),
                 QPen(taskColour(t, taskCount), 1.2));
    addCurve(loss, tr("training (all tasks)"), keys, series(history_, [](const EpochPoint& p) { return p.trainLoss; }), QPen(palette().text().color(), 2));
    QPen validationPen(palette().text().color(), 2, Qt::DashLine);
    addCurve(loss, tr("validation"), keys, series(history_, [](const EpochPoint& p) { return p.validationLoss > 0 ? p.validationLoss : NAN; }),
             validationPen);

    // Validation accuracy per task, the best epoch marked.
    QCustomPlot* accuracy = plots_[kAccuracy];
    for (int t = 0; t < taskCount; ++t)
        addCurve(accuracy, tasks[t], keys,
                 series(history_, [t](const EpochPoint& p) {
                     return size_t(t) < p.taskValidationAccuracy.size() ? p.taskValidationAccuracy[size_t(t)] : NAN;
                 }),
                 QPen(taskColour(t, taskCount), 1.6));
    if (const int best = history_.bestEpoch(); best > 0) {
        auto* marker = new QCPItemStraightLine(accuracy);
        marker->point1->setCoords(best, 0);
        marker->point2->setCoords(best, 1);
        marker->setPen(QPen(QColor(0, 150, 0), 1, Qt::DotLine));
        auto* label = new QCPItemText(accuracy);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->position->setCoords(best, 0.02);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setText(tr(" best %1").arg(best));
        label->setColor(QColor(0, 150, 0));
    }

    // Steps of the epoch in progress: raw and smoothed.
    QCustomPlot* steps = plots_[kSteps];
    QVector<double> stepKeys;
    for (size_t i = 0; i < history_.stepLosses().size(); ++i) stepKeys << double(i + 1);
    QColor raw = palette().text().color();
    raw.setAlpha(70);
    addCurve(steps, tr("step loss"), stepKeys, toVector(history_.stepLosses()), QPen(raw, 1));
    addCurve(steps, tr("smoothed"), stepKeys, toVector(smoothed(history_.stepLosses(), weight)), QPen(QColor(200, 80, 0), 2));
    steps->xAxis->setLabel(history_.stepEpoch() > 0 ? tr("step of epoch %1").arg(history_.stepEpoch()) : tr("step"));

    // Task weights and the learning rate.
    QCustomPlot* weights = plots_[kWeights];
    for (int t = 0; t < taskCount; ++t)
        addCurve(weights, tasks[t], keys,
                 series(history_, [t](const EpochPoint& p) { return size_t(t) < p.taskWeight.size() ? p.taskWeight[size_t(t)] : NAN; }),
                 QPen(taskColour(t, taskCount), 1.6));
    std::vector<double> rates;
    for (const EpochPoint& p : history_.epochs()) rates.push_back(p.learningRate);
    addCurve(plots_[kLearningRate], tr("learning rate"), keys, toVector(rates), QPen(QColor(90, 90, 200), 2));

    // The run compared against, dashed grey.
    if (!comparisonTitle_.isEmpty()) {
        const QVector<double> otherKeys = epochKeys(comparison_);
        QPen pen(QColor(130, 130, 130), 1.5, Qt::DashDotLine);
        addCurve(loss, tr("%1 training").arg(comparisonTitle_), otherKeys, series(comparison_, [](const EpochPoint& p) { return p.trainLoss; }), pen);
        for (int t = 0; t < int(comparison_.tasks().size()); ++t)
            addCurve(accuracy, tr("%1 %2").arg(comparisonTitle_, comparison_.tasks()[t]), otherKeys,
                     series(comparison_, [t](const EpochPoint& p) {
                         return size_t(t) < p.taskValidationAccuracy.size() ? p.taskValidationAccuracy[size_t(t)] : NAN;
                     }),
                     QPen(taskColour(t, int(comparison_.tasks().size())), 1.2, Qt::DashLine));
    }

    for (QCustomPlot* plot : plots_) {
        if (plot != steps) plot->xAxis->setLabel(tr("epoch"));
        plot->rescaleAxes();
    }
    const bool log = logScale_->isChecked();
    for (QCustomPlot* plot : {loss, steps}) {
        plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (log)
            plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        else
            plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    accuracy->yAxis->setRange(0, 1.02);
    for (QCustomPlot* plot : plots_) plot->replot(QCustomPlot::rpQueuedReplot);
    ++replots_;
}

}  // namespace actionlens::ui
