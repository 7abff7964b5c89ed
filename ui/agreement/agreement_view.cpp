#include "ui/agreement/agreement_view.h"

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"
#include "ui/jobs/job.h"
#include "ui/learning/plot_export.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>
#include <memory>
#include <set>

namespace actionlens::ui {

namespace {
QString figure(double v) { return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("n/a"); }
}  // namespace

AgreementView::AgreementView(ProjectDocument& document, QWidget* parent) : QWidget(parent), document_(document) {
    first_ = new QComboBox(this);
    second_ = new QComboBox(this);
    task_ = new QComboBox(this);
    compareButton_ = new QPushButton(tr("&Compare"), this);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setVisible(false);
    progress_ = new QProgressBar(this);
    progress_->setVisible(false);
    progress_->setMaximumWidth(160);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (job_ && job_->isRunning()) job_->cancel();
    });
    summary_ = new QLabel(tr("Two annotators' codings of the same videos, compared frame by frame and segment by segment."), this);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    confusion_ = new QCustomPlot(this);
    confusion_->setMinimumSize(420, 280);
    confusion_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(confusion_, &QWidget::customContextMenuRequested, confusion_, [this](const QPoint& at) {
        QMenu menu;
        menu.addAction(tr("Export plot..."), [this] { choosePlotFileAndSave(*confusion_, this, QStringLiteral("agreement.png")); });
        menu.exec(confusion_->mapToGlobal(at));
    });
    table_ = new QTableWidget(0, 5, this);
    table_->setHorizontalHeaderLabels({tr("Video"), tr("Subject"), tr("Frames"), tr("First says"), tr("Second says")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setToolTip(tr("Double-click or Enter: show the stretch with both layers side by side"));
    connect(table_, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (index.row() >= 0 && index.row() < int(disagreements_.size())) Q_EMIT disagreementChosen(disagreements_[size_t(index.row())]);
    });
    connect(compareButton_, &QPushButton::clicked, this, [this] { compare(); });

    auto* form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Compare"), this));
    form->addWidget(first_, 1);
    form->addWidget(new QLabel(tr("with"), this));
    form->addWidget(second_, 1);
    form->addWidget(new QLabel(tr("on"), this));
    form->addWidget(task_);
    form->addWidget(compareButton_);
    form->addWidget(progress_);
    form->addWidget(cancel_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(confusion_);
    split->addWidget(table_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(summary_);
    layout->addWidget(split, 1);
    connect(&document_, &ProjectDocument::opened, this, &AgreementView::reload);
    reload();
}

void AgreementView::reload() {
    const QString a = first_->currentText(), b = second_->currentText(), t = task_->currentText();
    first_->clear();
    second_->clear();
    task_->clear();
    if (!document_.isOpen()) return;
    std::set<QString> annotators;
    if (auto videos = document_.store().videos())
        for (const annotation::Video& v : *videos)
            if (auto segments = document_.store().segmentsOfVideo(v.id))
                for (const annotation::Segment& s : *segments)
                    if (!annotation::isModelPrediction(s)) annotators.insert(QString::fromStdString(s.annotator));
    for (const QString& name : annotators) {
        first_->addItem(name.isEmpty() ? tr("(no annotator)") : name, name);
        second_->addItem(name.isEmpty() ? tr("(no annotator)") : name, name);
    }
    for (const annotation::TaskDefinition& task : document_.taxonomy().tasks)
        if (task.scope == annotation::TaskScope::Segment) task_->addItem(QString::fromStdString(task.name));
    if (const int i = first_->findData(a); i >= 0) first_->setCurrentIndex(i);
    if (const int i = second_->findData(b); i >= 0)
        second_->setCurrentIndex(i);
    else if (second_->count() > 1)
        second_->setCurrentIndex(first_->currentIndex() == 0 ? 1 : 0);
    // Nothing chosen yet: the first two annotators the current video is assigned to, where both coded.
    if (a.isEmpty() && b.isEmpty())
        if (const annotation::Video* video = document_.video(document_.currentVideoId())) {
            std::vector<int> assigned;
            for (const std::string& name : video->annotators)
                if (const int i = first_->findData(QString::fromStdString(name)); i >= 0) assigned.push_back(i);
            if (assigned.size() >= 2) {
                first_->setCurrentIndex(assigned[0]);
                second_->setCurrentIndex(assigned[1]);
            }
        }
    const annotation::TaskDefinition* action = document_.taxonomy().actionTask();
    const int task = task_->findText(!t.isEmpty() ? t : action ? QString::fromStdString(action->name) : QString());
    if (task >= 0) task_->setCurrentIndex(task);
    if (annotators.size() < 2)
        summary_->setText(tr("Only %n annotator(s) in this project: import a colleague's coding as their layer "
                             "(File > Import..., Annotator layer) to compare.", nullptr, int(annotators.size())));
}

void AgreementView::setRunning(bool running) {
    compareButton_->setEnabled(!running);
    cancel_->setVisible(running);
    progress_->setVisible(running);
    progress_->setRange(0, 0);
}

QString AgreementView::compare() {
    if (job_ && job_->isRunning()) return tr("A comparison is still running.");
    table_->setRowCount(0);
    disagreements_.clear();
    confusion_->clearPlottables();
    confusion_->clearItems();
    confusion_->replot();
    auto refuse = [this](const QString& message) {
        summary_->setText(tr("Not compared: %1").arg(message));
        return message;
    };
    if (!document_.isOpen()) return refuse(tr("no project is open"));
    if (first_->count() == 0 || second_->count() == 0) return refuse(tr("the project has no annotators to compare"));
    const std::string a = first_->currentData().toString().toStdString();
    const std::string b = second_->currentData().toString().toStdString();
    if (a == b) return refuse(tr("choose two different annotators"));
    agreement::AgreementOptions options;
    options.task = task_->currentText().toStdString();
    options.annotators = {a, b};

    // The work reads the project through a connection of its own (the window keeps its store).
    struct Outcome {
        QString error;
        agreement::AgreementReport report;
        std::vector<agreement::Disagreement> disagreements;
    };
    const std::string path = document_.path().toStdString();
    delete job_;
    job_ = new Job(
        tr("Comparing annotators"),
        [this, path, options, a, b](JobContext& context) mutable {
            auto outcome = std::make_shared<Outcome>();
            options.progress = [&context](std::int64_t done, std::int64_t total) { context.setProgress(done, total); };
            options.cancelled = [&context] { return context.isCancelled(); };
            auto store = annotation::ProjectStore::openReadOnly(path);
            if (!store) {
                outcome->error = QString::fromStdString(store.error());
            } else if (auto report = agreement::computeAgreement(*store.value(), options); !report) {
                outcome->error = QString::fromStdString(report.error());
            } else if (auto found = agreement::findDisagreements(*store.value(), a, b, options.task); !found) {
                outcome->error = QString::fromStdString(found.error());
            } else {
                outcome->report = std::move(report).value();
                outcome->disagreements = std::move(found).value();
            }
            if (context.isCancelled()) return;
            context.deliver([this, outcome] {
                if (!outcome->error.isEmpty()) {
                    summary_->setText(tr("Not compared: %1").arg(outcome->error));
                    Q_EMIT compared(outcome->error);
                    return;
                }
                showReport(outcome->report, std::move(outcome->disagreements));
            });
        },
        this);
    connect(job_, &Job::progressChanged, this, [this](qint64 done, qint64 total) {
        progress_->setRange(0, total > 0 ? int(total) : 0);
        progress_->setValue(int(done));
    });
    connect(job_, &Job::finished, this, [this](bool cancelled) {
        setRunning(false);
        if (cancelled) {  // what the work delivered before it saw the cancel goes too
            table_->setRowCount(0);
            disagreements_.clear();
            confusion_->clearPlottables();
            confusion_->clearItems();
            confusion_->replot();
            summary_->setText(tr("Not compared: cancelled"));
            Q_EMIT compared(tr("cancelled"));
        }
    });
    if (const QString busy = document_.jobs().start(job_, StoreUse::None); !busy.isEmpty()) return refuse(busy);
    setRunning(true);
    summary_->setText(tr("Comparing %1 with %2...").arg(first_->currentText(), second_->currentText()));
    return {};
}

void AgreementView::showReport(const agreement::AgreementReport& report, std::vector<agreement::Disagreement> disagreements) {
    disagreements_ = std::move(disagreements);
    if (report.overall.pairs.empty()) {
        disagreements_.clear();
        const QString message = tr("the two never coded the same video");
        summary_->setText(tr("Not compared: %1").arg(message));
        Q_EMIT compared(message);
        return;
    }
    const agreement::PairAgreement& pair = report.overall.pairs.front();
    QStringList f1;
    for (const agreement::SegmentF1& s : pair.segments) f1 << QStringLiteral("%1 at IoU %2").arg(figure(s.f1())).arg(s.threshold);
    summary_->setText(tr("%1 frames in %2 video(s): agreement %3, Cohen's kappa %4, Krippendorff's alpha %5. Segment F1 %6; "
                         "matched boundaries %7 / %8 frames apart (start / end). %9 stretches of disagreement.")
                          .arg(pair.units)
                          .arg(report.videos.size())
                          .arg(figure(pair.percent), figure(pair.cohenKappa), figure(report.overall.krippendorffAlpha),
                               f1.join(QStringLiteral(", ")))
                          .arg(pair.boundaries.meanStart, 0, 'f', 1)
                          .arg(pair.boundaries.meanEnd, 0, 'f', 1)
                          .arg(disagreements_.size()));
    table_->setRowCount(int(disagreements_.size()));
    for (int row = 0; row < int(disagreements_.size()); ++row) {
        const agreement::Disagreement& d = disagreements_[size_t(row)];
        const annotation::Video* video = document_.video(d.videoId);
        const QString name = !video                ? tr("video %1").arg(d.videoId)
                             : video->name.empty() ? QFileInfo(QString::fromStdString(video->path)).fileName()
                                                   : QString::fromStdString(video->name);
        table_->setItem(row, 0, new QTableWidgetItem(name));
        table_->setItem(row, 1, new QTableWidgetItem(document_.subjectName(d.subjectId)));
        table_->setItem(row, 2, new QTableWidgetItem(QStringLiteral("%1-%2").arg(d.firstFrame).arg(d.lastFrame)));
        table_->setItem(row, 3, new QTableWidgetItem(QString::fromStdString(d.labelA)));
        table_->setItem(row, 4, new QTableWidgetItem(QString::fromStdString(d.labelB)));
    }
    table_->resizeColumnsToContents();
    drawConfusion(report);
    Q_EMIT compared(QString());
}

void AgreementView::drawConfusion(const agreement::AgreementReport& report) {
    const auto& matrix = report.overall.pairs.front().confusion;
    const int n = int(report.categories.size());
    QSharedPointer<QCPAxisTickerText> names(new QCPAxisTickerText);
    for (int c = 0; c < n; ++c) names->addTick(c, QString::fromStdString(report.categories[size_t(c)]));
    auto* map = new QCPColorMap(confusion_->xAxis, confusion_->yAxis);
    map->data()->setSize(n, n);
    map->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    int largest = 1;
    for (const auto& row : matrix)
        for (int v : row) largest = std::max(largest, v);
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b) {
            const int count = matrix[size_t(a)][size_t(b)];
            map->data()->setCell(b, a, count);
            if (count > 0 && n <= 25) {
                auto* label = new QCPItemText(confusion_);
                label->position->setCoords(b, a);
                label->setText(QString::number(count));
                label->setColor(count > largest / 2 ? Qt::white : Qt::black);
            }
        }
    map->setGradient(QCPColorGradient(QCPColorGradient::gpThermal).inverted());
    map->setInterpolate(false);
    map->rescaleDataRange(true);
    confusion_->xAxis->setTicker(names);
    confusion_->yAxis->setTicker(names);
    confusion_->xAxis->setTickLabelRotation(60);
    confusion_->xAxis->setLabel(QString::fromStdString(report.annotators.at(1)));
    confusion_->yAxis->setLabel(QString::fromStdString(report.annotators.at(0)));
    confusion_->xAxis->setRange(-0.5, n - 0.5);
    confusion_->yAxis->setRange(-0.5, n - 0.5);
    confusion_->yAxis->setRangeReversed(true);
    confusion_->replot();
}

}  // namespace actionlens::ui
