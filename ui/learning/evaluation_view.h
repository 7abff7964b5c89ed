#pragma once

// EvaluationView (the Evaluation dock): a model evaluated on a split. A per-task table (accuracy,
// top-k, macro precision, recall, F1, ROC-AUC, clips labelled) with the hierarchy's
// inconsistency rate; for the task chosen, the confusion matrix as a heat map with its counts,
// raw or row-normalised (clicking a cell lists those segments; double-clicking one opens it in
// the player), the one-vs-rest ROC curve of each class and the per-class F1 as bars. Every plot
// exports as PNG, SVG or PDF (right-click), the table as CSV.

#include "ui/learning/evaluation_result.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QListWidget;
class QTableWidget;

namespace actionlens::ui {

class EvaluationView : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationView(QWidget* parent = nullptr);

    void setResult(const EvaluationResult& result);
    const EvaluationResult& result() const { return result_; }
    void setMessage(const QString& message);  // "Evaluating run 3 on test..." or an error

    void chooseTask(int task);
    // A confusion cell (truth row, predicted column) of the chosen task: lists its segments.
    void chooseCell(int truth, int predicted);
    // The per-task table as CSV (RFC 4180); an empty message when written.
    QString exportTable(const QString& path) const;

    QTableWidget* table() const { return table_; }
    QComboBox* taskBox() const { return task_; }
    QCheckBox* normaliseBox() const { return normalise_; }
    QListWidget* cellClips() const { return cellClips_; }
    QCustomPlot* confusionPlot() const { return confusion_; }
    QCustomPlot* rocPlot() const { return roc_; }
    QCustomPlot* f1Plot() const { return f1_; }

Q_SIGNALS:
    void segmentChosen(std::int64_t videoId, std::int64_t segmentId, std::int64_t firstFrame);

private:
    void fillTable();
    void drawTask();
    QCustomPlot* makePlot(const QString& title);

    EvaluationResult result_;
    int taskIndex_ = 0;
    QLabel* title_ = nullptr;
    QTableWidget* table_ = nullptr;
    QComboBox* task_ = nullptr;
    QCheckBox* normalise_ = nullptr;
    QCustomPlot* confusion_ = nullptr;
    QCustomPlot* roc_ = nullptr;
    QCustomPlot* f1_ = nullptr;
    QListWidget* cellClips_ = nullptr;
};

}  // namespace actionlens::ui
