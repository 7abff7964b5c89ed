#pragma once

// ActiveLearningPlot: Model > Active-learning reports... The curves of `actionlens-cli
// active-learning-sim` reports (one per seed): held-out accuracy of one task against labelled
// clips, labelling by the model's uncertainty against labelling at random, the mean over the
// reports as a line and their range as a band (QCustomPlot); right-click exports it (PNG, SVG,
// PDF). A file that is not such a report is refused naming the file and the member.

#include <QString>
#include <QStringList>
#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;

namespace actionlens::ui {

class ActiveLearningPlot : public QWidget {
    Q_OBJECT
public:
    explicit ActiveLearningPlot(QWidget* parent = nullptr);

    // Reads a report and adds it (same budgets as those already read); an empty message, or why not.
    QString addReport(const QString& path);
    void clear();
    // The task plotted (its name); false when no report has it.
    bool showTask(const QString& task);

    QCustomPlot& plot() { return *plot_; }
    QComboBox* taskBox() const { return task_; }
    int reportCount() const { return int(reports_.size()); }
    // Per strategy ("uncertainty", "random"): the mean accuracy of the task at each budget, as plotted.
    std::vector<double> meanCurve(const std::string& strategy) const;
    std::vector<int> budgets() const;

private:
    struct Report {
        QString file;
        QString measure;
        // strategy -> per point: labelled clips and accuracy per task
        std::map<std::string, std::vector<std::pair<int, std::map<std::string, double>>>> curves;
    };
    void redraw();

    std::vector<Report> reports_;
    QComboBox* task_ = nullptr;
    QLabel* title_ = nullptr;
    QCustomPlot* plot_ = nullptr;
};

}  // namespace actionlens::ui
