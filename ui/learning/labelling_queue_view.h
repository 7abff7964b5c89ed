#pragma once

// LabellingQueueView: the Labelling queue dock (Model > Labelling queue). It asks a training
// run's model (the newest by default) which unlabelled clips it is least sure of — entropy or
// margin, of one task or all, one clip per video first — and lists them, most useful first:
// video, subject, frames, the uncertainty as a bar, the model's guess. Choosing a clip (double
// click, Enter, or the window's Next/Previous clip to label) shows it with the marks set around
// it, so an action's hotkey labels it at once. The queue recomputes when a training run ends
// (MainWindow connects it) and on Refresh.

#include "core/predict/labelling_queue.h"

#include <QWidget>

#include <cstdint>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace actionlens::ui {

class LabellingQueueSession;
class ProjectDocument;

class LabellingQueueView : public QWidget {
    Q_OBJECT
public:
    LabellingQueueView(ProjectDocument& document, LabellingQueueSession& session, QWidget* parent = nullptr);

    // Recomputes with the form's run and options; an empty message when it started.
    QString refresh();
    // The runs with a model file, newest first, keeping the chosen one where it still exists.
    void reloadRuns();
    // Selects the run (after a training run ends, the new one) without computing.
    void chooseRun(std::int64_t runId);
    // Moves the selection to the next (+1) or previous (-1) clip and emits clipChosen; false at an end.
    bool step(int direction);
    int currentRow() const;

    QTableWidget* table() const { return table_; }
    QComboBox* runBox() const { return run_; }
    QComboBox* measureBox() const { return measure_; }
    QComboBox* taskBox() const { return task_; }
    QCheckBox* diversityBox() const { return diversity_; }
    QLabel* summaryLabel() const { return summary_; }

Q_SIGNALS:
    void clipChosen(const actionlens::predict::QueueClip& clip);

private:
    void fillTasks();
    void showQueue(const QString& message);
    predict::QueueOptions options() const;

    ProjectDocument& document_;
    LabellingQueueSession& session_;
    QComboBox* run_ = nullptr;
    QComboBox* measure_ = nullptr;
    QComboBox* task_ = nullptr;
    QCheckBox* diversity_ = nullptr;
    QPushButton* refresh_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QLabel* summary_ = nullptr;
    QTableWidget* table_ = nullptr;
};

}  // namespace actionlens::ui
