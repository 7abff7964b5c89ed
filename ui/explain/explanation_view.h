#pragma once

// ExplanationView (the Explanations dock): what a run's model bases its decisions on, for the
// stretch under the playhead. Pickers for the run, the method, the head (and a second head to
// compare with), the scaling; the overlay's colour scale, opacity and threshold. Below, for the
// skeleton trunk a joint x time heat strip of each head, and each head's temporal importance
// curve (QCustomPlot), along the stretch's source frames with the playhead as a line; with a
// second head, its strip and the difference of the two, and the frame shown explained for both
// side by side. A busy bar while the model
// computes. Exports: the plot (PNG, SVG, PDF), the maps (CSV), the overlaid clip (MP4).

#include "core/annotation/training_run.h"
#include "core/media/video_frame.h"
#include "ui/explain/explanation_overlay.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;

namespace actionlens::ui {

class ExplanationView : public QWidget {
    Q_OBJECT
public:
    explicit ExplanationView(QWidget* parent = nullptr);

    // Training runs with a model file (others are left out); keeps the chosen one where it can.
    void setRuns(const std::vector<annotation::TrainingRun>& runs);
    const annotation::TrainingRun* currentRun() const;
    void chooseRun(std::int64_t runId);
    explain::ExplanationMethod method() const;
    explain::MapNormalisation normalisation() const;
    void chooseMethod(explain::ExplanationMethod method);
    int head() const;         // the model's task index; 0 before a result
    int compareHead() const;  // -1: none
    void chooseHeads(int head, int compareHead = -1);
    ExplanationStyle style() const;
    bool showsOnVideo() const;

    void setResult(std::shared_ptr<const ExplanationResult> result);
    const std::shared_ptr<const ExplanationResult>& result() const { return result_; }
    void setPlayhead(std::int64_t frame);
    // The picture shown, for the side-by-side comparison.
    void setPicture(media::FramePtr picture);
    void setBusy(bool busy);
    void setMessage(const QString& message);
    QString message() const;

    // The maps of the shown heads at every source frame, as CSV (one file: head, stream,
    // frame, then one column per joint, or the temporal importance of a video map); an empty
    // message when written.
    QString exportMaps(const QString& path) const;

    QCustomPlot* plot() const { return plot_; }
    QComboBox* runBox() const { return run_; }
    QComboBox* headBox() const { return head_; }
    QComboBox* compareBox() const { return compare_; }
    QComboBox* methodBox() const { return method_; }
    QLabel* leftPreview() const { return leftPreview_; }
    QLabel* rightPreview() const { return rightPreview_; }
    QProgressBar* busyBar() const { return busy_; }

Q_SIGNALS:
    // The run, method or scaling changed: the explanation must be computed again.
    void requestChanged();
    // Head, comparison or look changed: repaint only.
    void styleChanged();
    void exportClipRequested(const QString& path);

private:
    void fillHeads();
    void drawPlot();
    void drawPreviews();

    std::vector<annotation::TrainingRun> runs_;
    std::shared_ptr<const ExplanationResult> result_;
    std::int64_t playhead_ = 0;
    media::FramePtr picture_;
    QComboBox* run_ = nullptr;
    QComboBox* method_ = nullptr;
    QComboBox* normalise_ = nullptr;
    QComboBox* head_ = nullptr;
    QComboBox* compare_ = nullptr;
    QComboBox* colours_ = nullptr;
    QSlider* opacity_ = nullptr;
    QSlider* threshold_ = nullptr;
    QCheckBox* onVideo_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* leftPreview_ = nullptr;
    QLabel* rightPreview_ = nullptr;
    QWidget* previews_ = nullptr;
    QCustomPlot* plot_ = nullptr;
};

}  // namespace actionlens::ui
