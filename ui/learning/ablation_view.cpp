#include "ui/learning/ablation_view.h"

#include "ui/learning/ablation_session.h"
#include "ui/learning/plot_export.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace actionlens::ui {

namespace {

QString meanStd(double mean, double sd) { return QStringLiteral("%1 ± %2").arg(mean, 0, 'f', 3).arg(sd, 0, 'f', 3); }

// Half-width of the 95 % interval of a mean over `n` pairs (Student's t); 0 below two.
double halfWidth(double sd, int n) { return n < 2 ? 0.0 : train::studentT975(n - 1) * sd / std::sqrt(double(n)); }

QString difference(const train::TaskAblation& r) {
    if (!std::isfinite(r.differenceLow)) return QStringLiteral("%1%2").arg(r.differenceMean >= 0 ? "+" : "").arg(r.differenceMean, 0, 'f', 3);
    return QStringLiteral("%1%2 [%3, %4]")
        .arg(r.differenceMean >= 0 ? "+" : "")
        .arg(r.differenceMean, 0, 'f', 3)
        .arg(r.differenceLow, 0, 'f', 3)
        .arg(r.differenceHigh, 0, 'f', 3);
}

}  // namespace

AblationView::AblationView(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(tr("No ablation yet: Model > Single-task vs multi-task ablation..."));
    title_->setWordWrap(true);
    notes_ = new QLabel;
    notes_->setWordWrap(true);
    notes_->setStyleSheet(QStringLiteral("color: #a05a00;"));
    notes_->hide();
    progress_ = new QProgressBar;
    progress_->hide();
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->hide();
    auto* exportCsv = new QPushButton(tr("Export table..."));
    table_ = new QTableWidget(0, 5);
    table_->setHorizontalHeaderLabels({tr("Task"), tr("Pairs"), tr("Single-task accuracy"), tr("Multi-task accuracy"),
                                       tr("Difference (multi - single) [95 % CI]")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    chart_ = new QCustomPlot;
    chart_->setMinimumSize(320, 220);
    chart_->setWindowTitle(tr("Single-task vs multi-task"));
    chart_->plotLayout()->insertRow(0);
    chart_->plotLayout()->addElement(0, 0, new QCPTextElement(chart_, tr("Accuracy per task: mean over seeds x folds, 95 % interval"),
                                                              QFont(font().family(), font().pointSize(), QFont::Bold)));
    chart_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(chart_, &QWidget::customContextMenuRequested, chart_, [this](const QPoint& at) {
        QMenu menu;
        menu.addAction(tr("Export plot..."), [this] { choosePlotFileAndSave(*chart_, this, QStringLiteral("ablation.png")); });
        menu.exec(chart_->mapToGlobal(at));
    });
    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    top->addWidget(progress_);
    top->addWidget(cancel_);
    top->addWidget(exportCsv);
    auto* body = new QHBoxLayout;
    body->addWidget(table_, 1);
    body->addWidget(chart_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(notes_);
    layout->addLayout(body, 1);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (session_) session_->cancel();
    });
    connect(exportCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the ablation table"), QStringLiteral("ablation.csv"), tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        if (const QString error = exportTable(path); !error.isEmpty()) QMessageBox::warning(this, tr("Export table"), error);
    });
}

void AblationView::follow(AblationSession* session) {
    if (session_) disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (!session) return;
    progress_->setRange(0, 0);
    progress_->show();
    cancel_->show();
    title_->setText(tr("Reading the labelled clips..."));
    notes_->hide();
    connect(session, &AblationSession::noted, this, [this](const QString& notes) {
        notes_->setText(notes);
        notes_->setVisible(!notes.isEmpty());
    });
    connect(session, &AblationSession::progressed, this, [this](int done, int total, const QString& what) {
        progress_->setRange(0, total);
        progress_->setValue(done);
        title_->setText(tr("Training model %1 of %2: %3").arg(done + 1).arg(total).arg(what));
    });
    connect(session, &AblationSession::finished, this, [this, session](const QString& message) {
        progress_->hide();
        cancel_->hide();
        if (message.isEmpty())
            setReport(session->runName(), session->report());
        else
            setMessage(tr("Ablation not finished: %1").arg(message));
    });
}

void AblationView::setMessage(const QString& message) { title_->setText(message); }

void AblationView::setReport(const QString& name, const train::AblationReport& report) {
    report_ = report;
    QString title = tr("%1: %2 seeds x %3 folds over %4 clips").arg(name).arg(report.seeds).arg(report.folds).arg(report.clips);
    if (report.multiInconsistentRate) title += tr("; multi-task hierarchy inconsistency %1").arg(*report.multiInconsistentRate, 0, 'f', 3);
    title_->setText(title);
    table_->setRowCount(int(report.tasks.size()));
    for (int row = 0; row < int(report.tasks.size()); ++row) {
        const train::TaskAblation& r = report.tasks[size_t(row)];
        const QStringList cells{QString::fromStdString(r.task), QString::number(r.pairs), meanStd(r.singleMean, r.singleStd), meanStd(r.multiMean, r.multiStd),
                                difference(r)};
        for (int c = 0; c < int(cells.size()); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            // A difference whose interval excludes 0 is one the data supports.
            if (c == 4 && std::isfinite(r.differenceLow) && (r.differenceLow > 0 || r.differenceHigh < 0))
                item->setForeground(r.differenceLow > 0 ? QColor(0, 130, 0) : QColor(176, 0, 32));
            table_->setItem(row, c, item);
        }
    }
    table_->resizeColumnsToContents();

    chart_->clearPlottables();
    const int n = int(report.tasks.size());
    QSharedPointer<QCPAxisTickerText> names(new QCPAxisTickerText);
    auto* group = new QCPBarsGroup(chart_);
    QVector<double> keys, single, multi, singleErr, multiErr;
    for (int i = 0; i < n; ++i) {
        const train::TaskAblation& r = report.tasks[size_t(i)];
        names->addTick(i, QString::fromStdString(r.task));
        keys << i;
        single << r.singleMean;
        multi << r.multiMean;
        singleErr << halfWidth(r.singleStd, r.pairs);
        multiErr << halfWidth(r.multiStd, r.pairs);
    }
    auto addBars = [&](const QString& name, const QVector<double>& values, const QVector<double>& errors, const QColor& colour) {
        auto* bars = new QCPBars(chart_->xAxis, chart_->yAxis);
        bars->setName(name);
        bars->setData(keys, values, true);
        bars->setBrush(colour);
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.38);
        bars->setBarsGroup(group);
        auto* whiskers = new QCPErrorBars(chart_->xAxis, chart_->yAxis);
        whiskers->removeFromLegend();
        whiskers->setDataPlottable(bars);
        whiskers->setData(errors);
        whiskers->setPen(QPen(QColor(40, 40, 40), 1.2));
    };
    addBars(tr("single-task"), single, singleErr, QColor(150, 170, 200));
    addBars(tr("multi-task"), multi, multiErr, QColor(40, 90, 170));
    chart_->xAxis->setTicker(names);
    chart_->xAxis->setTickLabelRotation(n > 4 ? 30 : 0);
    chart_->xAxis->setRange(-0.6, n - 0.4);
    chart_->yAxis->setRange(0, 1.05);
    chart_->yAxis->setLabel(tr("accuracy"));
    chart_->legend->setVisible(true);
    chart_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    chart_->replot(QCustomPlot::rpQueuedReplot);
}

QString AblationView::exportTable(const QString& path) const {
    QSaveFile file(path);  // appears only when complete
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) return tr("cannot write %1: %2").arg(path, file.errorString());
    const std::string csv = train::ablationToCsv(report_);
    file.write(csv.data(), qint64(csv.size()));
    if (!file.commit()) return tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace actionlens::ui
