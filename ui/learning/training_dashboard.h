#pragma once

// TrainingDashboard (the Training dock): a run's curves with QCustomPlot, live while the window
// trains and for any stored run. Loss per epoch (training, per task and total; validation),
// validation accuracy per task with the best epoch marked, the steps of the epoch in progress,
// the task weights over the epochs (uncertainty / DWA / GradNorm) and the learning rate. A
// smoothing slider (exponential moving average of the step losses and the per-epoch curves) and
// a log scale for the losses; a line with the stage, progress, ETA and clips per second; Pause,
// Stop (after this epoch, keeping the checkpoint) and Cancel. Plots are redrawn on a timer when
// something changed (queued replots), never per step, so a fast run costs the window nothing.
// A second run can be overlaid (dashed) for comparison.

#include "ui/learning/training_history.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <vector>

class QCheckBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;

namespace actionlens::ui {

class TrainingSession;

class TrainingDashboard : public QWidget {
    Q_OBJECT
public:
    explicit TrainingDashboard(QWidget* parent = nullptr);

    // Follows `session` live (its curves, stage and buttons); nullptr stops following.
    void follow(TrainingSession* session);
    // Shows a stored run (not live): its name and history.
    void showHistory(const QString& title, const TrainingHistory& history);
    // Overlays another run's curves (dashed); an empty title removes the overlay.
    void setComparison(const QString& title, const TrainingHistory& history);

    const TrainingHistory& history() const { return history_; }
    int replotCount() const { return replots_; }  // how often the plots were redrawn (tests)
    QCustomPlot* lossPlot() const { return plots_[kLoss]; }
    QCustomPlot* accuracyPlot() const { return plots_[kAccuracy]; }
    QCustomPlot* stepPlot() const { return plots_[kSteps]; }
    QCustomPlot* weightPlot() const { return plots_[kWeights]; }
    QCustomPlot* learningRatePlot() const { return plots_[kLearningRate]; }
    QLabel* statusLabel() const { return status_; }
    QLabel* notesLabel() const { return notes_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* cancelButton() const { return cancel_; }
    QSlider* smoothingSlider() const { return smoothing_; }
    QCheckBox* logScaleBox() const { return logScale_; }

    // Redraws now if something changed since the last redraw (the timer calls it).
    void replotIfChanged();

private:
    enum Plot { kLoss, kAccuracy, kSteps, kWeights, kLearningRate, kPlotCount };
    QCustomPlot* makePlot(const QString& title, const QString& yLabel);
    void rebuild();
    void updateStatus();
    void updateButtons();
    void changed() { dirty_ = true; }

    std::vector<QCustomPlot*> plots_;
    QLabel* title_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* notes_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QPushButton* pause_ = nullptr;
    QPushButton* stop_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QSlider* smoothing_ = nullptr;
    QCheckBox* logScale_ = nullptr;
    QTimer replotTimer_;
    QPointer<TrainingSession> session_;
    TrainingHistory history_;
    TrainingHistory comparison_;
    QString comparisonTitle_;
    QString stage_;
    QElapsedTimer trainingClock_;  // since the first step, for the ETA
    qint64 stepsDone_ = 0;
    qint64 stepsTotal_ = 0;
    bool dirty_ = false;
    int replots_ = 0;
};

}  // namespace actionlens::ui
