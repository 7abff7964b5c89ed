#include "ui/learning/active_learning_plot.h"

#include "ui/learning/plot_export.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <set>

namespace actionlens::ui {

namespace {
const char* const kStrategies[] = {"uncertainty", "random"};
const QColor kColours[] = {QColor(0xd9, 0x5f, 0x02), QColor(0x1b, 0x9e, 0x77)};
}  // namespace

ActiveLearningPlot::ActiveLearningPlot(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(tr("Open the reports of actionlens-cli active-learning-sim (one per seed)."), this);
    title_->setWordWrap(true);
    task_ = new QComboBox(this);
    plot_ = new QCustomPlot(this);
    plot_->setMinimumSize(480, 320);
    plot_->xAxis->setLabel(tr("labelled clips"));
    plot_->yAxis->setLabel(tr("held-out accuracy"));
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, plot_, [this](const QPoint& at) {
        QMenu menu;
        menu.addAction(tr("Export plot..."), [this] { choosePlotFileAndSave(*plot_, this, QStringLiteral("active_learning.png")); });
        menu.exec(plot_->mapToGlobal(at));
    });
    connect(task_, &QComboBox::currentTextChanged, this, [this] { redraw(); });
    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    top->addWidget(new QLabel(tr("Task:"), this));
    top->addWidget(task_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(plot_, 1);
}

void ActiveLearningPlot::clear() {
    reports_.clear();
    task_->clear();
    redraw();
}

QString ActiveLearningPlot::addReport(const QString& path) {
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return tr("%1: cannot read it (%2)").arg(name, file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return tr("%1: not JSON (at byte %2: %3)").arg(name).arg(parseError.offset).arg(parseError.errorString());
    const QJsonObject root = document.object();
    const QJsonObject curves = root.value(QStringLiteral("curves")).toObject();
    Report report;
    report.file = name;
    report.measure = root.value(QStringLiteral("measure")).toString();
    for (const char* strategy : kStrategies) {
        const QJsonValue value = curves.value(QLatin1String(strategy));
        if (!value.isArray()) return tr("%1: curves.%2 is missing: not an active-learning report").arg(name, QLatin1String(strategy));
        const QJsonArray points = value.toArray();
        for (int i = 0; i < points.size(); ++i) {
            const QJsonObject point = points[i].toObject();
            const QString where = QStringLiteral("%1: curves.%2[%3]").arg(name, QLatin1String(strategy)).arg(i);
            if (!point.value(QStringLiteral("labelled_clips")).isDouble()) return tr("%1.labelled_clips: expected a number").arg(where);
            if (!point.value(QStringLiteral("accuracy")).isObject()) return tr("%1.accuracy: expected an object of task accuracies").arg(where);
            std::map<std::string, double> accuracy;
            const QJsonObject tasks = point.value(QStringLiteral("accuracy")).toObject();
            for (auto it = tasks.begin(); it != tasks.end(); ++it) {
                if (!it.value().isDouble()) return tr("%1.accuracy.%2: expected a number").arg(where, it.key());
                accuracy[it.key().toStdString()] = it.value().toDouble();
            }
            report.curves[strategy].push_back({point.value(QStringLiteral("labelled_clips")).toInt(), std::move(accuracy)});
        }
        if (report.curves[strategy].empty()) return tr("%1: curves.%2 has no points").arg(name, QLatin1String(strategy));
    }
    // Budgets must match those already read, so the mean is over like points.
    if (!reports_.empty()) {
        auto budgetsOf = [](const Report& r) {
            std::vector<int> b;
            for (const auto& p : r.curves.at("uncertainty")) b.push_back(p.first);
            return b;
        };
        if (budgetsOf(report) != budgetsOf(reports_.front()))
            return tr("%1: its labelled-clip budgets differ from %2's; plot reports of one setting together").arg(name, reports_.front().file);
    }
    reports_.push_back(std::move(report));
    std::set<QString> tasks;
    for (const auto& p : reports_.back().curves.at("uncertainty"))
        for (const auto& [task, value] : p.second) tasks.insert(QString::fromStdString(task));
    const QString current = task_->currentText();
    {
        const QSignalBlocker block(task_);
        for (const QString& t : tasks)
            if (task_->findText(t) < 0) task_->addItem(t);
        const int action = task_->findText(current.isEmpty() ? QStringLiteral("action") : current);
        task_->setCurrentIndex(action >= 0 ? action : 0);
    }
    redraw();
    return {};
}

bool ActiveLearningPlot::showTask(const QString& task) {
    const int index = task_->findText(task);
    if (index < 0) return false;
    task_->setCurrentIndex(index);
    redraw();
    return true;
}

std::vector<int> ActiveLearningPlot::budgets() const {
    std::vector<int> b;
    if (!reports_.empty())
        for (const auto& p : reports_.front().curves.at("uncertainty")) b.push_back(p.first);
    return b;
}

std::vector<double> ActiveLearningPlot::meanCurve(const std::string& strategy) const {
    const std::string task = task_->currentText().toStdString();
    std::vector<double> mean;
    const size_t points = budgets().size();
    for (size_t i = 0; i < points; ++i) {
        double sum = 0;
        int n = 0;
        for (const Report& r : reports_) {
            const auto& point = r.curves.at(strategy)[i].second;
            if (auto it = point.find(task); it != point.end() && std::isfinite(it->second)) {
                sum += it->second;
                ++n;
            }
        }
        mean.push_back(n ? sum / n : std::nan(""));
    }
    return mean;
}

void ActiveLearningPlot::redraw() {
    plot_->clearGraphs();
    if (reports_.empty()) {
        plot_->replot();
        return;
    }
    const std::string task = task_->currentText().toStdString();
    const std::vector<int> x = budgets();
    QVector<double> keys(x.begin(), x.end());
    for (size_t s = 0; s < 2; ++s) {
        const std::string strategy = kStrategies[s];
        QVector<double> low, high, mean;
        const std::vector<double> means = meanCurve(strategy);
        for (size_t i = 0; i < x.size(); ++i) {
            double lo = 1, hi = 0;
            for (const Report& r : reports_) {
                const auto& point = r.curves.at(strategy)[i].second;
                if (auto it = point.find(task); it != point.end()) {
                    lo = std::min(lo, it->second);
                    hi = std::max(hi, it->second);
                }
            }
            low << lo;
            high << hi;
            mean << means[i];
        }
        QColor band = kColours[s];
        band.setAlpha(50);
        QCPGraph* lower = plot_->addGraph();
        lower->setData(keys, low);
        lower->setPen(Qt::NoPen);
        lower->removeFromLegend();
        QCPGraph* upper = plot_->addGraph();
        upper->setData(keys, high);
        upper->setPen(Qt::NoPen);
        upper->setBrush(band);
        upper->setChannelFillGraph(lower);
        upper->removeFromLegend();
        QCPGraph* line = plot_->addGraph();
        line->setData(keys, mean);
        line->setPen(QPen(kColours[s], 2.5));
        line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
        line->setName(s == 0 ? tr("by the model's uncertainty (%1)").arg(reports_.front().measure) : tr("at random"));
    }
    title_->setText(reportCount() == 1 ? tr("One report (%1)").arg(reports_.front().file)
                                       : tr("Mean of %1 reports (seeds); the band is their range").arg(reportCount()));
    plot_->xAxis->setRange(x.front() - 10, x.back() + 10);
    plot_->yAxis->setRange(0, 1);
    plot_->yAxis->setLabel(tr("held-out accuracy: %1").arg(task_->currentText()));
    plot_->replot();
}

}  // namespace actionlens::ui
