#pragma once

// PreAnnotateDialog: Tools > Pre-annotate... The form ticks the videos (the current one, or
// every video without a person's segment), picks a training run's model (the newest first) and
// whether to estimate poses first where a video has none (detector and people per frame, as in
// Estimate poses); Start runs a PreAnnotationRun in the background with a progress bar, a line
// per video, and Cancel. The proposals land in each subject's prediction lane for review.

#include <QDialog>

#include <cstdint>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace actionlens::ui {

class PersonDetectorChoice;

class MainWindow;
class PreAnnotationRun;
class ProjectDocument;
struct PreAnnotationRequest;

class PreAnnotateDialog : public QDialog {
    Q_OBJECT
public:
    PreAnnotateDialog(ProjectDocument& document, const std::vector<std::int64_t>& chosen, QWidget* parent = nullptr);

    std::vector<std::int64_t> chosenVideos() const;
    // Ticks exactly the videos without a person's segment.
    void tickUnlabelled();
    // Starts; false (the reason shown) when nothing is chosen, there is no model or the pose
    // models are missing for videos that need poses.
    bool startPreAnnotation();
    // Cancel/Escape/close: while running it cancels (the dialog stays for the report).
    void reject() override;

    PreAnnotationRun& run() { return *run_; }
    QListWidget* videoList() const { return videos_; }
    QComboBox* modelBox() const { return model_; }
    QCheckBox* estimatePosesBox() const { return estimatePoses_; }
    QLabel* statusLabel() const { return status_; }
    QProgressBar* progressBar() const { return progressBar_; }
    QPlainTextEdit* report() const { return report_; }

private:
    PreAnnotationRequest request() const;
    void setRunning(bool running);
    void updatePoseHint();

    ProjectDocument& document_;
    PreAnnotationRun* run_ = nullptr;
    QListWidget* videos_ = nullptr;
    QComboBox* model_ = nullptr;
    QCheckBox* estimatePoses_ = nullptr;
    PersonDetectorChoice* detector_ = nullptr;
    QSpinBox* people_ = nullptr;
    QLabel* poseHint_ = nullptr;
    QLabel* status_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QPlainTextEdit* report_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    QPushButton* startButton_ = nullptr;
};

// The "Pre-annotate..." action of `window`: one dialog at a time (raised if open), not modal,
// the current video ticked; it closes with the project. Says so when no project is open.
PreAnnotateDialog* openPreAnnotateDialog(MainWindow& window);

}  // namespace actionlens::ui
