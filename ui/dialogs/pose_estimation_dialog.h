#pragma once

// PoseEstimationDialog: "Estimate poses" for chosen videos of the open project. The form picks
// the videos (the current one ticked), the BlazePose model, the lowest detector score and the
// skeleton layout to store (default: the layout the project already uses for those videos'
// skeletons, else COCO-17); Start runs a PoseEstimationRun in the background with a progress
// bar and Cancel, and the end lists what each video got (frames stored, or its error). Missing
// models are said up front, naming packaging/install-pose-models.sh.

#include "ui/jobs/pose_estimation_run.h"

#include <QDialog>

#include <cstdint>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace actionlens::ui {

class PersonDetectorChoice;

class MainWindow;
class ProjectDocument;

class PoseEstimationDialog : public QDialog {
    Q_OBJECT
public:
    // `chosen`: the videos ticked at first (the current video, the browser's selection).
    PoseEstimationDialog(ProjectDocument& document, const std::vector<std::int64_t>& chosen, QWidget* parent = nullptr);

    std::vector<std::int64_t> chosenVideos() const;
    PoseEstimationRequest request() const;  // from the form
    // Starts the run; false (and the reason shown) when the models are missing or nothing is chosen.
    bool startEstimation();
    // Cancel/Escape/close: while running it cancels the run (the dialog stays to show the
    // report); otherwise it closes.
    void reject() override;

    PoseEstimationRun& run() { return run_; }
    QComboBox* modelBox() const { return model_; }
    QComboBox* detectorBox() const;
    QSpinBox* tilesBox() const;
    QComboBox* layoutBox() const { return layout_; }
    QComboBox* deviceBox() const { return device_; }
    QSpinBox* peopleBox() const { return people_; }
    QDoubleSpinBox* minScoreBox() const { return minScore_; }
    QListWidget* videoList() const { return videos_; }
    QProgressBar* progressBar() const { return progressBar_; }
    QLabel* statusLabel() const { return status_; }
    QPlainTextEdit* report() const { return report_; }

Q_SIGNALS:
    // A video's skeletons are in the project (the dataset browser's progress changed).
    void posesStored(std::int64_t videoId);

private:
    void showProgress(const PoseEstimationProgress& progress);
    void showOutcome(const PoseVideoOutcome& outcome);
    void showFinished(bool cancelled);
    void setRunning(bool running);
    void updateDefaultLayout();
    QString videoName(std::int64_t videoId) const;

    ProjectDocument& document_;
    PoseEstimationRun run_;
    QListWidget* videos_ = nullptr;
    QComboBox* model_ = nullptr;
    PersonDetectorChoice* detector_ = nullptr;
    QDoubleSpinBox* minScore_ = nullptr;
    QComboBox* layout_ = nullptr;
    QComboBox* device_ = nullptr;
    QSpinBox* people_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QPlainTextEdit* report_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    QPushButton* startButton_ = nullptr;
    bool layoutChosenByUser_ = false;
};

// The "Estimate poses..." action of `window`: one dialog at a time (raised if open), not modal
// (work goes on in the window while it runs), the current video ticked; stored results
// refresh the dataset browser. Says so when no project is open.
PoseEstimationDialog* openPoseEstimationDialog(MainWindow& window);

}  // namespace actionlens::ui
