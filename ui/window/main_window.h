#pragma once

// MainWindow of the `actionlens` GUI: the start page when no project is open; otherwise the
// video view with the project's docks (dataset browser, ...). It wires the document, the player
// and the widgets together; each widget lives in its own file in ui/.

#include "ui/document/project_document.h"
#include "ui/editing/segment_change.h"
#include "ui/jobs/demo_project_builder.h"
#include "ui/player/player_controller.h"
#include "ui/player/video_view.h"

#include <QLabel>
#include <QMainWindow>
#include <QPointer>
#include <QSettings>

#include <memory>
#include <optional>

class QDialog;
class QDockWidget;
class QStackedWidget;
class QMenu;
class QSplitter;

namespace actionlens::predict {
struct QueueClip;
}

namespace actionlens::ui {

class ActionHotkeyCoder;
class AnnotationOverlays;
class SegmentEditor;
class SegmentInspector;
class SkeletonEditor;
class SubjectInspector;
class DatasetBrowser;
class StartPage;
class VideoProber;
class TimelineWidget;
class AblationSession;
class PredictionSession;
class LabellingQueueSession;
class PresentationView;
class PrivacyFilter;
class AgreementView;
class LabellingQueueView;
class AblationView;
class EvaluationSession;
class ExplanationOverlay;
class ExplanationSession;
class ExplanationView;
struct ExplanationRequest;
class EvaluationView;
class RunsView;
class TrainingDashboard;
class TrainingSession;
class TransportBar;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a project and its first video; an empty string on success, else the message.
    QString openProject(const QString& path);
    QString createProject(const QString& path);
    void closeProject();
    // Opens a video of the open project (indexing in the background) and shows `frame` when
    // it is ready.
    void openProjectVideo(std::int64_t videoId, int frame = 0);
    // Plays a video file without a project; indexing runs in the background.
    void openVideoFile(const QString& path, int frame = 0);
    // Shows `frame` of the current video, now or as soon as the opening video is ready.
    void showFrame(int frame);
    void openDemoProject();
    // Opens the demo (rendering it first if needed) and trains the default model on it, live.
    void trainDemoModel();
    // Reads the files in the background and adds them as one undoable step; an empty message
    // when the reading started, else why not (no project, other work in the way).
    QString addVideos(const QStringList& paths);

    PlayerController& player() { return player_; }
    VideoView& view() { return *view_; }
    ProjectDocument& document() { return document_; }
    StartPage& startPage() { return *startPage_; }
    DatasetBrowser& datasetBrowser() { return *browser_; }
    DemoProjectBuilder& demoBuilder() { return demoBuilder_; }
    AnnotationOverlays& overlays() { return *overlays_; }
    // View > Privacy view: faces blurred live in the player and the presentation view.
    PrivacyFilter& privacyFilter() { return *privacy_; }
    void setPrivacyView(bool on);
    TimelineWidget& timeline() { return *timeline_; }
    TransportBar& transport() { return *transport_; }
    SegmentEditor& editor() { return *editor_; }
    SegmentInspector& segmentInspector() { return *segmentInspector_; }
    SubjectInspector& subjectInspector() { return *subjectInspector_; }
    SkeletonEditor& skeletonEditor() { return *skeletonEditor_; }

    // Editing at the playhead and marks (the Edit menu's actions; public for tests and scripts).
    void setMarkIn(int frame);
    void setMarkOut(int frame);
    void clearMarks();
    std::optional<int> markIn() const { return markIn_; }
    std::optional<int> markOut() const { return markOut_; }
    QString createSegmentFromMarks(const segment_edits::Labels& labels = {});
    QString splitAtPlayhead();
    QString mergeSelected();
    QString deleteSelected();
    // A model's predictions (main_window_predictions.cpp): the selected ones, else the active
    // lane's prediction under the playhead, accepted as the user's segments or rejected; all at
    // or above a confidence; those of the active subject inside the marks; walking them.
    QString acceptPredictions();
    QString rejectPredictions();
    QString acceptPredictionsAbove(double minConfidence);
    QString acceptPredictionsInMarks();
    // Selects the next (+1) or previous (-1) prediction from the playhead (or from frame
    // `from`) and shows its first frame; false when there is none that way.
    bool goToPrediction(int direction, std::optional<std::int64_t> from = {});
    // Tools > Agreement (main_window_agreement.cpp): the Agreement dock, comparing two annotators;
    // null where the build has no plots (learning engine).
    AgreementView* showAgreement();
    // View > Annotator layers side by side: the timeline's rows per annotator, and edits that
    // keep each annotator's segments apart (main_window_editing.cpp).
    void showAnnotatorLayers(bool sideBySide);
    // Edit > Copy an annotator's layer as mine: `from`'s segments of the video copied into the
    // user's layer (one undo step), with the layers then side by side; an empty message or why not.
    QString copyLayer(const QString& from);
    // A new subject ("person N") with its own lane in the current video, made the active lane.
    std::int64_t addSubject();
    bool showsStartPage() const;
    // Edit > Preferences...: the user's own hotkeys and overlay settings (modal).
    void openPreferences();
    // Model > Train... (main_window_learning.cpp): the form, then a run in the background,
    // followed live in the Training dock. Null where the build has no learning engine.
    void openTrainDialog();
    // The Training dock on a recorded run's curves (0: the latest training run); an empty
    // message, or why not (no such run, a damaged history, a build without learning).
    QString showTrainingRun(std::int64_t runId);
    TrainingSession* trainingSession() const { return training_; }
    TrainingDashboard* trainingDashboard() const { return dashboard_; }
    RunsView* runsView() const { return runsView_; }
    EvaluationSession* evaluationSession() const { return evaluation_; }
    EvaluationView* evaluationView() const { return evaluationView_; }
    // Evaluates training run `runId` (0: the latest) on `split` (empty: "test" where the project
    // has it, else "all") in the background; the Evaluation dock shows it when done. A stored
    // evaluation run is shown as it was recorded. An empty message, or why not.
    QString evaluateRun(std::int64_t runId, const QString& split = {});
    // Any run in its view: a training run's curves, an evaluation's metrics, an ablation's table.
    QString showRun(std::int64_t runId);
    // Model > Single-task vs multi-task ablation...: the dialog, then the ablation in the background.
    void openAblationDialog();
    // The Ablation dock on a recorded ablation (0: the latest); an empty message or why not.
    QString showAblationRun(std::int64_t runId);
    AblationSession* ablationSession() const { return ablation_; }
    // Segments the video shown with run `runId`'s model, in the background (one undo step).
    QString predictWithRun(std::int64_t runId);
    PredictionSession* predictionSession() const { return prediction_; }
    AblationView* ablationView() const { return ablationView_; }
    // The Training dock on run `runId`'s curves with `otherRunId`'s overlaid (dashed).
    QString compareTrainingRuns(std::int64_t runId, std::int64_t otherRunId);
    // The Explanations dock on training run `runId`'s model (0: the latest), explaining the
    // segment under the playhead (main_window_explain.cpp); an empty message or why not.
    QString showExplanation(std::int64_t runId);
    ExplanationSession* explanationSession() const { return explanation_; }
    ExplanationView* explanationView() const { return explanationView_; }
    ExplanationOverlay* explanationOverlay() const { return explanationOverlay_.get(); }
    // The Labelling queue dock (main_window_queue.cpp; null without learning) and showing one
    // of its clips: its video at its first frame, its subject's lane active, the marks around it.
    LabellingQueueSession* labellingQueue() const { return queue_; }
    // The dock on run `runId`'s queue (0: the newest model), computing it; an empty message or why not.
    QString showLabellingQueue(std::int64_t runId);
    LabellingQueueView* labellingQueueView() const { return queueView_; }
    void showQueueClip(const predict::QueueClip& clip);
    // Model > Active-learning reports...: the curves of active-learning-sim reports in a dialog;
    // files that are not reports are named in `error` (a message box when null).
    QDialog* openActiveLearningReports(const QStringList& files, QString* error = nullptr);
    // View > Presentation (F11; main_window_present.cpp): the presentation view over this
    // window's player, fullscreen unless asked (screenshots); null without a project or learning.
    PresentationView* openPresentation(bool fullScreen = true);
    PresentationView* presentation() const;
    void closePresentation();
    // The presentation's playlist: the next video with a file (round and round), playing.
    void playNextVideo();

Q_SIGNALS:
    // The player failed to open a video or to decode the frame asked for.
    void videoFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createPlaybackActions(QMenu* menu);
    void createOverlayActions(QMenu* menu);
    void createEditing();
    void createInspector();
    void createEditActions(QMenu* menu);
    void createSkeletonActions(QMenu* menu);  // main_window_skeletons.cpp
    void createPredictionActions(QMenu* menu);  // main_window_predictions.cpp
    std::vector<std::int64_t> predictionsToReview() const;
    void createPreferencesAction(QMenu* menu);  // main_window_preferences.cpp
    void createLearning();                      // main_window_learning.cpp
    void createModelMenu();
    void createExplanations();  // main_window_explain.cpp
    void createLabellingQueue();  // main_window_queue.cpp
    void createLabellingQueueActions(QMenu* menu);
    void createPresentationAction(QMenu* menu);  // main_window_present.cpp
    void createAgreementAction(QMenu* menu);     // main_window_agreement.cpp
    void requestExplanationAtPlayhead();
    // Closing the window or the project while a model trains: asks, then stops the run (its
    // model file keeps the last finished epoch). False: the user keeps it running.
    bool confirmStopTraining(const QString& what);
    void applyChosenValue(const QString& task, const QString& value);
    void selectAdded();
    std::vector<std::int64_t> selectedSegments() const;
    void chooseProject();
    void chooseNewProject();
    void chooseVideo();
    void chooseVideosToAdd();
    void updateLoop();
    void updateTitle();
    void showWorkspace(bool workspace);
    void rememberProject(const QString& path);
    // The docks as the user left them in the workspace (main_window_layout.cpp).
    void rememberWorkspaceLayout();
    void restoreWorkspaceLayout();

    QSettings settings_;
    ProjectDocument document_;
    PlayerController player_;
    DemoProjectBuilder demoBuilder_;
    VideoProber* prober_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    StartPage* startPage_ = nullptr;
    QWidget* workspace_ = nullptr;
    VideoView* view_ = nullptr;
    TimelineWidget* timeline_ = nullptr;
    AnnotationOverlays* overlays_ = nullptr;
    PrivacyFilter* privacy_ = nullptr;
    DatasetBrowser* browser_ = nullptr;
    QDockWidget* browserDock_ = nullptr;
    TransportBar* transport_ = nullptr;
    SegmentEditor* editor_ = nullptr;
    ActionHotkeyCoder* coder_ = nullptr;
    QDockWidget* historyDock_ = nullptr;
    QDockWidget* inspectorDock_ = nullptr;
    SegmentInspector* segmentInspector_ = nullptr;
    SubjectInspector* subjectInspector_ = nullptr;
    SkeletonEditor* skeletonEditor_ = nullptr;
    TrainingSession* training_ = nullptr;
    TrainingDashboard* dashboard_ = nullptr;
    QDockWidget* trainingDock_ = nullptr;
    RunsView* runsView_ = nullptr;
    EvaluationSession* evaluation_ = nullptr;
    AblationSession* ablation_ = nullptr;
    PredictionSession* prediction_ = nullptr;
    AblationView* ablationView_ = nullptr;
    QDockWidget* ablationDock_ = nullptr;
    EvaluationView* evaluationView_ = nullptr;
    QDockWidget* evaluationDock_ = nullptr;
    QDockWidget* runsDock_ = nullptr;
    ExplanationSession* explanation_ = nullptr;
    ExplanationView* explanationView_ = nullptr;
    QDockWidget* explanationDock_ = nullptr;
    LabellingQueueSession* queue_ = nullptr;
    LabellingQueueView* queueView_ = nullptr;
    QDockWidget* queueDock_ = nullptr;
    AgreementView* agreementView_ = nullptr;
    QDockWidget* agreementDock_ = nullptr;
    QAction* layersAction_ = nullptr;  // View > Annotator layers side by side
    QAction* privacyAction_ = nullptr;  // View > Privacy view
    QPointer<PresentationView> presentation_;
    std::shared_ptr<ExplanationOverlay> explanationOverlay_;  // shared: complete only in main_window_explain.cpp
    std::shared_ptr<ExplanationRequest> wantedExplanation_;  // the stretch the window waits for
    std::optional<int> markIn_;
    std::optional<int> markOut_;
    int pendingFrame_ = -1;  // shown once the opening video is ready
    bool playWhenOpened_ = false;  // the opening video plays once ready (the presentation's playlist)
    bool workspaceLayoutShown_ = false;  // the project's docks are on screen as the user arranged them
    QString videoLabel_;     // the current video's name, for the title bar
};

}  // namespace actionlens::ui
