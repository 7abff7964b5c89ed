#include "ui/learning/evaluation_view.h"

#include "core/common/csv_field.h"
#include "core/train/roc_curve.h"
#include "ui/learning/plot_export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace actionlens::ui {

namespace {

const QStringList kColumns = {QObject::tr("Task"),      QObject::tr("Accuracy"), QObject::tr("Top-k"),   QObject::tr("Macro precision"),
                              QObject::tr("Macro recall"), QObject::tr("Macro F1"), QObject::tr("ROC-AUC"), QObject::tr("Clips labelled")};

QString rate(double v) { return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("-"); }

QColor classColour(int c, int classes) { return QColor::fromHsv((c * 360 / std::max(classes, 1)) % 360, 190, 200); }

}  // namespace

EvaluationView::EvaluationView(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(tr("No evaluation yet: choose a training run in the Runs dock and Evaluate."));
    title_->setWordWrap(true);
    table_ = new QTableWidget(0, int(kColumns.size()));
    table_->setHorizontalHeaderLabels(kColumns);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->setMaximumHeight(190);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    auto* exportCsv = new QPushButton(tr("Export table..."));
    task_ = new QComboBox;
    normalise_ = new QCheckBox(tr("Row-normalised"));
    normalise_->setToolTip(tr("Each row (true class) as shares of its clips, instead of counts"));
    normalise_->setChecked(true);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Task:")));
    controls->addWidget(task_);
    controls->addWidget(normalise_);
    controls->addStretch();
    controls->addWidget(exportCsv);

    confusion_ = makePlot(tr("Confusion matrix"));
    roc_ = makePlot(tr("ROC curves (one class against the rest)"));
    f1_ = makePlot(tr("F1 per class"));
    cellClips_ = new QListWidget;
    cellClips_->setToolTip(tr("The segments of the confusion cell clicked; double-click one to open it"));
    auto* plots = new QGridLayout;
    plots->addWidget(confusion_, 0, 0, 2, 1);
    plots->addWidget(roc_, 0, 1);
    plots->addWidget(f1_, 1, 1);
    plots->addWidget(cellClips_, 0, 2, 2, 1);
    plots->setColumnStretch(0, 3);
    plots->setColumnStretch(1, 2);
    plots->setColumnStretch(2, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(table_);
    layout->addLayout(controls);
    layout->addLayout(plots, 1);

    connect(task_, &QComboBox::currentIndexChanged, this, [this](int index) { chooseTask(index); });
    connect(normalise_, &QCheckBox::toggled, this, [this] { drawTask(); });
    connect(table_, &QTableWidget::cellClicked, this, [this](int row) { task_->setCurrentIndex(row); });
    connect(exportCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the metrics table"), QStringLiteral("metrics.csv"), tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        if (const QString error = exportTable(path); !error.isEmpty()) QMessageBox::warning(this, tr("Export table"), error);
    });
    connect(confusion_, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const double x = confusion_->xAxis->pixelToCoord(event->position().x());
        const double y = confusion_->yAxis->pixelToCoord(event->position().y());
        chooseCell(int(std::lround(y)), int(std::lround(x)));
    });
    connect(cellClips_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        const int clip = item->data(Qt::UserRole).toInt();
        if (clip < 0 || clip >= int(result_.clipRefs.size())) return;
        const EvaluatedClip& ref = result_.clipRefs[size_t(clip)];
        Q_EMIT segmentChosen(ref.videoId, ref.segmentId, ref.firstFrame);
    });
}

QCustomPlot* EvaluationView::makePlot(const QString& title) {
    auto* plot = new QCustomPlot;
    plot->setMinimumSize(260, 200);
    plot->setWindowTitle(title);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(font().family(), font().pointSize(), QFont::Bold)));
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, plot, [this, plot, title](const QPoint& at) {
        QMenu menu;
        menu.addAction(tr("Export plot..."), [this, plot, title] { choosePlotFileAndSave(*plot, this, title + QStringLiteral(".png")); });
        menu.exec(plot->mapToGlobal(at));
    });
    return plot;
}

void EvaluationView::setMessage(const QString& message) { title_->setText(message); }

void EvaluationView::setResult(const EvaluationResult& result) {
    result_ = result;
    QString title = tr("%1: %2 clips").arg(result.title).arg(result.clips);
    if (result.inconsistentRate) title += tr(", hierarchy inconsistency %1 (predicted action outside the predicted group)").arg(rate(*result.inconsistentRate));
    if (!result.hasClips()) title += tr(" (stored evaluation: no per-clip scores, so no ROC curves or segment lists; Evaluate again for them)");
    title_->setText(title);
    fillTable();
    const QSignalBlocker block(task_);
    task_->clear();
    for (const TaskResult& t : result.tasks) task_->addItem(t.task);
    chooseTask(0);
}

void EvaluationView::fillTable() {
    table_->setRowCount(int(result_.tasks.size()));
    for (int row = 0; row < int(result_.tasks.size()); ++row) {
        const TaskResult& t = result_.tasks[size_t(row)];
        const train::TaskMetrics& m = t.metrics;
        const QStringList cells{t.task,
                                rate(m.accuracy),
                                tr("%1 (top-%2)").arg(rate(m.topKAccuracy)).arg(m.topK),
                                rate(m.macroPrecision),
                                rate(m.macroRecall),
                                rate(m.macroF1),
                                rate(m.macroRocAuc),
                                QString::number(m.evaluated)};
        for (int c = 0; c < int(cells.size()); ++c) table_->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    table_->resizeColumnsToContents();
}

QString EvaluationView::exportTable(const QString& path) const {
    QSaveFile file(path);  // appears only when complete
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) return tr("cannot write %1: %2").arg(path, file.errorString());
    std::string csv = "task,accuracy,top_k,top_k_accuracy,macro_precision,macro_recall,macro_f1,macro_roc_auc,evaluated\n";
    auto number = [](double v) { return std::isfinite(v) ? QString::number(v, 'g', 17).toStdString() : std::string(); };
    for (const TaskResult& t : result_.tasks) {
        const train::TaskMetrics& m = t.metrics;
        csv += csvField(t.task.toStdString()) + "," + number(m.accuracy) + "," + std::to_string(m.topK) + "," + number(m.topKAccuracy) +
               "," + number(m.macroPrecision) + "," + number(m.macroRecall) + "," + number(m.macroF1) + "," + number(m.macroRocAuc) +
               "," + std::to_string(m.evaluated) + "\n";
    }
    file.write(csv.data(), qint64(csv.size()));
    if (!file.commit()) return tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void EvaluationView::chooseTask(int task) {
    if (task < 0 || task >= int(result_.tasks.size())) task = 0;
    taskIndex_ = task;
    if (task_->currentIndex() != task && task < task_->count()) {
        const QSignalBlocker block(task_);
        task_->setCurrentIndex(task);
    }
    cellClips_->clear();
    drawTask();
}

void EvaluationView::drawTask() {
    for (QCustomPlot* plot : {confusion_, roc_, f1_}) {
        plot->clearPlottables();
        plot->clearItems();
    }
    if (result_.tasks.empty()) {
        for (QCustomPlot* plot : {confusion_, roc_, f1_}) plot->replot();
        return;
    }
    const TaskResult& t = result_.tasks[size_t(taskIndex_)];
    const int n = int(t.classNames.size());
    QSharedPointer<QCPAxisTickerText> names(new QCPAxisTickerText);
    for (int c = 0; c < n; ++c) names->addTick(c, t.classNames[c]);

    // Confusion: truth down the rows (y, first class at the top), prediction across (x).
    auto* map = new QCPColorMap(confusion_->xAxis, confusion_->yAxis);
    map->data()->setSize(n, n);
    map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    const bool normalised = normalise_->isChecked();
    for (int truth = 0; truth < n; ++truth) {
        int rowTotal = 0;
        for (int p = 0; p < n; ++p) rowTotal += t.metrics.confusion[size_t(truth)][size_t(p)];
        for (int p = 0; p < n; ++p) {
            const int count = t.metrics.confusion[size_t(truth)][size_t(p)];
            const double value = normalised ? (rowTotal ? double(count) / rowTotal : 0.0) : double(count);
            map->data()->setCell(p, truth, value);
            if (count > 0 && n <= 25) {
                auto* label = new QCPItemText(confusion_);
                label->position->setCoords(p, truth);
                label->setText(normalised ? QString::number(value, 'f', 2) : QString::number(count));
                QFont small = font();
                small.setPointSizeF(std::max(6.0, small.pointSizeF() * (n > 12 ? 0.6 : 0.85)));
                label->setFont(small);
                label->setColor(value > (normalised ? 0.5 : 0.5 * map->data()->dataBounds().upper) ? Qt::white : Qt::black);
            }
        }
    }
    map->setGradient(QCPColorGradient(QCPColorGradient::gpThermal).inverted());
    map->setInterpolate(false);
    map->rescaleDataRange(true);
    confusion_->xAxis->setTicker(names);
    confusion_->yAxis->setTicker(names);
    confusion_->xAxis->setTickLabelRotation(60);
    confusion_->xAxis->setLabel(tr("predicted"));
    confusion_->yAxis->setLabel(tr("true"));
    confusion_->xAxis->setRange(-0.5, n - 0.5);
    confusion_->yAxis->setRange(-0.5, n - 0.5);
    confusion_->yAxis->setRangeReversed(true);

    // ROC curves, one per class with both positives and negatives among the labelled clips.
    roc_->legend->setVisible(n <= 12);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.75);
    roc_->legend->setFont(small);
    if (!t.labels.empty()) {
        for (int c = 0; c < n; ++c) {
            std::vector<bool> positive;
            std::vector<double> scores;
            for (size_t i = 0; i < t.labels.size(); ++i) {
                if (t.labels[i] < 0) continue;
                positive.push_back(t.labels[i] == c);
                scores.push_back(t.probabilities[i * size_t(n) + size_t(c)]);
            }
            const std::vector<train::RocPoint> curve = train::rocCurve(positive, scores);
            if (curve.empty()) continue;
            QVector<double> x, y;
            for (const train::RocPoint& p : curve) x << p.falsePositiveRate, y << p.truePositiveRate;
            auto* graph = new QCPCurve(roc_->xAxis, roc_->yAxis);
            graph->setData(x, y);
            graph->setPen(QPen(classColour(c, n), 1.4));
            const double auc = size_t(c) < t.metrics.rocAuc.size() ? t.metrics.rocAuc[size_t(c)] : NAN;
            graph->setName(QStringLiteral("%1 (%2)").arg(t.classNames[c], rate(auc)));
        }
        auto* chance = new QCPItemStraightLine(roc_);
        chance->point1->setCoords(0, 0);
        chance->point2->setCoords(1, 1);
        chance->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    }
    roc_->xAxis->setLabel(tr("false positive rate"));
    roc_->yAxis->setLabel(tr("true positive rate"));
    roc_->xAxis->setRange(0, 1);
    roc_->yAxis->setRange(0, 1.02);

    // F1 per class.
    auto* bars = new QCPBars(f1_->xAxis, f1_->yAxis);
    QVector<double> keys, values;
    for (int c = 0; c < n; ++c) keys << c, values << (size_t(c) < t.metrics.f1.size() ? t.metrics.f1[size_t(c)] : 0.0);
    bars->setData(keys, values, true);
    bars->setBrush(QColor(70, 130, 180));
    bars->setPen(Qt::NoPen);
    f1_->xAxis->setTicker(names);
    f1_->xAxis->setTickLabelRotation(60);
    f1_->xAxis->setRange(-0.6, n - 0.4);
    f1_->yAxis->setRange(0, 1.02);
    f1_->yAxis->setLabel(tr("F1"));
    for (QCustomPlot* plot : {confusion_, roc_, f1_}) plot->replot(QCustomPlot::rpQueuedReplot);
}

void EvaluationView::chooseCell(int truth, int predicted) {
    cellClips_->clear();
    if (result_.tasks.empty()) return;
    const TaskResult& t = result_.tasks[size_t(taskIndex_)];
    const int n = int(t.classNames.size());
    if (truth < 0 || predicted < 0 || truth >= n || predicted >= n) return;
    if (!result_.hasClips()) {
        cellClips_->addItem(tr("(a stored evaluation lists no segments: Evaluate again)"));
        return;
    }
    for (int clip : t.clipsIn(truth, predicted)) {
        const EvaluatedClip& ref = result_.clipRefs[size_t(clip)];
        auto* item = new QListWidgetItem(tr("%1, frame %2 (segment %3)").arg(ref.videoName).arg(ref.firstFrame).arg(ref.segmentId), cellClips_);
        item->setData(Qt::UserRole, clip);
    }
    if (cellClips_->count() == 0) cellClips_->addItem(tr("no clip: true %1, predicted %2").arg(t.classNames[truth], t.classNames[predicted]));
}

}  // namespace actionlens::ui
