#include "ui/window/main_window.h"

#include "ui/commands/add_videos_command.h"
#include "ui/dataset/dataset_browser.h"
#include "ui/editing/skeleton_editor.h"
#include "ui/jobs/video_prober.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/privacy_filter.h"
#include "ui/player/transport_bar.h"
#include "ui/timeline/timeline_widget.h"
#include "ui/window/recent_projects.h"
#include "ui/window/start_page.h"

#ifdef ACTIONLENS_WITH_LEARNING
#include "ui/learning/training_dashboard.h"
#include "ui/learning/training_session.h"
#endif

#include <QDockWidget>
#include <QCloseEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QCheckBox>
#include <QVBoxLayout>

#include <cmath>

namespace actionlens::ui {

namespace {
// Names the object that waits for the demo's rendering to start the demo model's training.
constexpr char kDemoTrainingPending[] = "demoTrainingPending";
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setDockNestingEnabled(true);
    pages_ = new QStackedWidget(this);
    startPage_ = new StartPage(pages_);
    auto* workspace = new QSplitter(Qt::Vertical, pages_);
    auto* player = new QWidget(workspace);
    view_ = new VideoView(player);
    transport_ = new TransportBar(player_, player);
    auto* playerLayout = new QVBoxLayout(player);
    playerLayout->setContentsMargins(0, 0, 0, 0);
    playerLayout->setSpacing(0);
    playerLayout->addWidget(view_, 1);
    playerLayout->addWidget(transport_);
    timeline_ = new TimelineWidget(document_, workspace);
    workspace->addWidget(player);
    workspace->addWidget(timeline_);
    workspace->setStretchFactor(0, 1);
    workspace->setStretchFactor(1, 0);
    workspace->setChildrenCollapsible(false);
    workspace_ = workspace;
    pages_->addWidget(startPage_);
    pages_->addWidget(workspace_);
    setCentralWidget(pages_);

    browser_ = new DatasetBrowser(document_, this);
    browserDock_ = new QDockWidget(tr("Dataset"), this);
    browserDock_->setObjectName(QStringLiteral("datasetDock"));
    browserDock_->setWidget(browser_);
    addDockWidget(Qt::LeftDockWidgetArea, browserDock_);
    resizeDocks({browserDock_}, {500}, Qt::Horizontal);  // every column of the dataset table in view


    overlays_ = new AnnotationOverlays(document_, *view_, this);
    privacy_ = new PrivacyFilter(document_, this);
    connect(&player_, &PlayerController::frameShown, view_, [this](int frame, media::FramePtr picture) {
        overlays_->showFrame(frame);
        view_->setFrame(privacy_->filter(frame, std::move(picture)));
    });
    connect(privacy_, &PrivacyFilter::enabledChanged, this, [this](bool on) {
        if (view_->frame()) view_->setFrame(privacy_->current());
        if (privacyAction_) privacyAction_->setChecked(on);
        if (on && !privacy_->detectorProblem().isEmpty())
            statusBar()->showMessage(tr("Privacy view: heads of people with skeletons only; %1").arg(privacy_->detectorProblem()));
    });
    connect(&player_, &PlayerController::positionChanged, timeline_, [this](int frame) { timeline_->setPlayhead(frame); });
    connect(timeline_, &TimelineWidget::seekRequested, this, [this](int frame) {
        player_.pause();
        player_.seek(frame);
    });
    connect(&player_, &PlayerController::frameFailed, this, [this](int frame, const QString& message) {
        const QString text = tr("Frame %1 could not be decoded: %2").arg(frame).arg(message);
        statusBar()->showMessage(text);
        Q_EMIT videoFailed(text);
    });
    connect(&player_, &PlayerController::opened, this, [this] {
        view_->setMessage({});
        view_->fitToWindow();
        timeline_->setFrameCount(player_.frameCount());
        timeline_->setTimeSource([this](int frame) { return player_.secondsOf(frame); });
        const int frame = std::clamp(pendingFrame_, 0, player_.frameCount() - 1);
        pendingFrame_ = -1;
        player_.seek(frame);
        if (playWhenOpened_) {
            playWhenOpened_ = false;
            player_.play();
        }
        // Start with the segment in view selected, so the inspector shows what is on screen.
        if (timeline_->selection().empty()) {
            for (const auto& s : document_.segments())
                if (s.subjectId == timeline_->activeSubject() && s.firstFrame <= frame && frame <= s.lastFrame)
                    timeline_->setSelection({s.id});
        }
    });
    connect(&player_, &PlayerController::openFailed, this, [this](const QString& path, const QString& message) {
        pendingFrame_ = -1;
        view_->setMessage(tr("Cannot open %1\n%2").arg(QFileInfo(path).fileName(), message));
        statusBar()->showMessage(message);
        Q_EMIT videoFailed(message);
    });
    connect(transport_, &TransportBar::loopToggled, this, &MainWindow::updateLoop);
    connect(timeline_, &TimelineWidget::selectionChanged, this, &MainWindow::updateLoop);
    connect(&document_, &ProjectDocument::segmentsChanged, this, &MainWindow::updateLoop);
    prober_ = new VideoProber(this);
    connect(prober_, &VideoProber::progress, this, [this](int done, int total) {
        statusBar()->showMessage(tr("Reading videos: %1 of %2").arg(done).arg(total));
    });
    connect(prober_, &VideoProber::finished, this, [this](const std::vector<annotation::Video>& videos, const QStringList& errors) {
        QString message = videos.empty() ? QString() : AddVideosCommand::run(document_, videos);
        if (message.isEmpty() && !videos.empty()) message = tr("Added %1 videos.").arg(videos.size());
        if (!errors.isEmpty()) message += tr("  Not added: %1").arg(errors.join(QStringLiteral("; ")));
        statusBar()->showMessage(message.trimmed(), 15000);
        if (document_.currentVideoId() == 0 && !document_.videos().empty()) openProjectVideo(document_.videos().front().id);
    });
    connect(&document_, &ProjectDocument::videosChanged, this, [this] {
        // The current video was removed (undo of adding it): nothing is shown any more.
        if (document_.isOpen() && document_.currentVideoId() != 0 && !document_.video(document_.currentVideoId())) {
            player_.close();
            view_->setFrame({});
            view_->setMessage(tr("Choose a video in the Dataset list."));
            document_.setCurrentVideo(0);
        }
    });
    connect(browser_, &DatasetBrowser::addVideosRequested, this, &MainWindow::chooseVideosToAdd);
    connect(browser_, &DatasetBrowser::videoChosen, this, [this](std::int64_t id) { openProjectVideo(id); });
    connect(browser_, &DatasetBrowser::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(&document_, &ProjectDocument::writeFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Not saved: %1").arg(message));
        updateTitle();
    });

    connect(startPage_, &StartPage::openProjectRequested, this, &MainWindow::chooseProject);
    connect(startPage_, &StartPage::newProjectRequested, this, &MainWindow::chooseNewProject);
    connect(startPage_, &StartPage::openVideoRequested, this, &MainWindow::chooseVideo);
    connect(startPage_, &StartPage::demoRequested, this, &MainWindow::openDemoProject);
    connect(startPage_, &StartPage::trainDemoRequested, this, &MainWindow::trainDemoModel);
    connect(startPage_, &StartPage::recentProjectActivated, this, [this](const QString& path) {
        const QString error = openProject(path);
        if (!error.isEmpty()) startPage_->showMessage(error);
    });
    connect(&demoBuilder_, &DemoProjectBuilder::progress, startPage_, &StartPage::setDemoProgress);
    connect(&demoBuilder_, &DemoProjectBuilder::finished, this, [this](const QString& path, const QString& error) {
        startPage_->setDemoBusy(false);
        if (!error.isEmpty()) {
            startPage_->showMessage(tr("The demo project could not be made: %1").arg(error));
            return;
        }
        const QString openError = openProject(path);
        if (!openError.isEmpty()) startPage_->showMessage(openError);
    });

    createEditing();
    createInspector();
    createLearning();
    createExplanations();
    createLabellingQueue();
    startPage_->trainDemoButton()->setVisible(training_ != nullptr);
    createMenus();
    startPage_->setRecentProjects(RecentProjects(settings_).paths());
    showWorkspace(false);
    resize(1600, 1000);
    // The dock layout and window size the user left last time.
    restoreGeometry(settings_.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings_.value(QStringLiteral("window/state")).toByteArray());
    showWorkspace(false);
    updateTitle();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmStopTraining(tr("close the window"))) {
        event->ignore();
        return;
    }
    if (workspaceLayoutShown_) rememberWorkspaceLayout();
    settings_.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings_.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

MainWindow::~MainWindow() {
    // The presentation view reads the document and the player, which go before Qt deletes children.
    closePresentation();
    // The overlays and the skeleton editor unregister from the view, which Qt would otherwise
    // destroy first.
    delete skeletonEditor_;
    skeletonEditor_ = nullptr;
    delete overlays_;
    overlays_ = nullptr;
    player_.close();
    document_.close();
}

bool MainWindow::showsStartPage() const { return pages_->currentWidget() == startPage_; }

void MainWindow::showWorkspace(bool workspace) {
    if (workspaceLayoutShown_ && !(workspace && document_.isOpen())) rememberWorkspaceLayout();
    pages_->setCurrentWidget(workspace ? workspace_ : startPage_);
    browserDock_->setVisible(workspace && document_.isOpen());
    historyDock_->setVisible(workspace && document_.isOpen());
    inspectorDock_->setVisible(workspace && document_.isOpen());
    statusBar()->setVisible(workspace);
    if (workspace && document_.isOpen() && !workspaceLayoutShown_) restoreWorkspaceLayout();
    workspaceLayoutShown_ = workspace && document_.isOpen();
    // A restored layout may have been saved while the tool bar was hidden (it is hidden whenever
    // no project is open): it follows the project, not the saved layout.
    if (auto* bar = findChild<QToolBar*>(QStringLiteral("mainToolBar"))) bar->setVisible(workspace && document_.isOpen());
}

QString MainWindow::openProject(const QString& path) {
    player_.close();
    const QString error = document_.open(path);
    if (!error.isEmpty()) {
        showWorkspace(false);
        updateTitle();
        return error;
    }
    rememberProject(path);
    browser_->refresh();
    showWorkspace(true);
    if (!document_.videos().empty()) {
        openProjectVideo(document_.videos().front().id);
    } else {
        view_->setFrame({});
        view_->setMessage(tr("This project has no videos yet."));
    }
    updateTitle();
    return {};
}

QString MainWindow::createProject(const QString& path) {
    player_.close();
    const QString error = document_.create(path);
    if (!error.isEmpty()) return error;
    rememberProject(path);
    browser_->refresh();
    view_->setFrame({});
    view_->setMessage(tr("This project has no videos yet."));
    showWorkspace(true);
    updateTitle();
    return {};
}

void MainWindow::closeProject() {
    player_.close();
    document_.close();
    view_->setFrame({});
    browser_->refresh();
    startPage_->setRecentProjects(RecentProjects(settings_).paths());
    showWorkspace(false);
    updateTitle();
}

void MainWindow::rememberProject(const QString& path) {
    RecentProjects recent(settings_);
    recent.add(path);
    startPage_->setRecentProjects(recent.paths());
}

void MainWindow::openProjectVideo(std::int64_t videoId, int frame) {
    const annotation::Video* video = document_.video(videoId);
    if (!video) return;
    document_.setCurrentVideo(videoId);
    browser_->selectVideo(videoId);
    videoLabel_ = DatasetTableModel::videoDisplayName(*video);
    updateTitle();
    if (video->path.empty()) {
        player_.close();
        view_->setFrame({});
        view_->setMessage(tr("%1 has skeletons only (no video file)").arg(videoLabel_));
        return;
    }
    openVideoFile(QString::fromStdString(video->path), frame);
}

void MainWindow::openVideoFile(const QString& path, int frame) {
    pendingFrame_ = frame;
    view_->setFrame({});
    view_->setMessage(tr("Opening %1...").arg(QFileInfo(path).fileName()));
    if (!document_.isOpen()) {
        videoLabel_ = QFileInfo(path).fileName();
        showWorkspace(true);
        updateTitle();
    }
    player_.openAsync(path);
}

void MainWindow::showFrame(int frame) {
    if (player_.isOpening()) {
        pendingFrame_ = frame;
        return;
    }
    player_.seek(frame);
}

QString MainWindow::addVideos(const QStringList& paths) {
    if (!document_.isOpen()) return tr("Open or create a project first.");
    if (paths.isEmpty()) return tr("No videos to add.");
    QString refused;
    if (prober_->isRunning())
        refused = tr("Still reading the previous videos; try again when done.");
    else
        refused = document_.jobs().conflictFor(StoreUse::Writes);
    if (refused.isEmpty()) {
        prober_->start(paths);
        document_.jobs().start(prober_->job(), StoreUse::Writes);
    }
    return refused;
}

void MainWindow::openDemoProject() {
    const QString path = DemoProjectBuilder::defaultPath();
    startPage_->showMessage({});
    if (DemoProjectBuilder::isCurrent(path, demoBuilder_.recipe())) {
        const QString error = openProject(path);
        if (!error.isEmpty()) startPage_->showMessage(error);
        return;
    }
    // Missing, or rendered by an older version with another recipe: rendered anew.
    if (document_.isOpen() && document_.path() == QFileInfo(path).absoluteFilePath()) closeProject();
    if (demoBuilder_.start(path)) startPage_->setDemoBusy(true);
}

void MainWindow::trainDemoModel() {
#ifdef ACTIONLENS_WITH_LEARNING
    if (training_->isRunning()) {
        trainingDock_->show();
        trainingDock_->raise();
        QMessageBox::information(this, tr("Train a demo model"), tr("A model is training already; its curves are in the Training dock."));
        return;
    }
    const QString path = QFileInfo(DemoProjectBuilder::defaultPath()).absoluteFilePath();
    auto train = [this, path] {
        if (!document_.isOpen() || document_.path() != path) return;  // the demo could not be opened: the start page says why
        TrainingSettings settings;  // the default config on the "train" split, as Model > Train... starts
        if (const QString refused = trainingSession()->start(settings); !refused.isEmpty()) {
            QMessageBox::warning(this, tr("Train a demo model"), refused);
            return;
        }
        trainingDashboard()->follow(trainingSession());
        if (auto* dock = qobject_cast<QDockWidget*>(trainingDashboard()->parentWidget())) {
            dock->show();
            dock->raise();
        }
    };
    const bool demoOpen = document_.isOpen() && document_.path() == path;
    if (!(demoOpen && DemoProjectBuilder::isCurrent(path, demoBuilder_.recipe())) && !demoBuilder_.isRunning()) openDemoProject();
    if (!demoBuilder_.isRunning()) {
        train();
        return;
    }
    // Rendering: the training starts once the window has opened the new demo (the constructor's
    // handler of finished() runs first).
    if (findChild<QObject*>(QLatin1String(kDemoTrainingPending), Qt::FindDirectChildrenOnly)) return;
    auto* pending = new QObject(this);
    pending->setObjectName(QLatin1String(kDemoTrainingPending));
    connect(&demoBuilder_, &DemoProjectBuilder::finished, pending, [pending, train](const QString&, const QString& error) {
        pending->deleteLater();
        if (error.isEmpty()) train();
    });
#endif
}

void MainWindow::updateTitle() {
    QStringList parts;
    if (!videoLabel_.isEmpty() && (document_.isOpen() || player_.isOpen() || player_.isOpening())) parts << videoLabel_;
    if (document_.isOpen()) parts << document_.displayName();
    parts << QStringLiteral("ActionLens");
    QString title = parts.join(QStringLiteral(" - "));
    if (document_.isOpen() && !document_.lastWriteFailure().isEmpty()) title += tr("  [a write failed: see the status bar]");
    setWindowTitle(title);
}

void MainWindow::updateLoop() {
    // The loop follows the selected segment, also while its edges are edited.
    const annotation::Segment* segment = document_.segment(timeline_->currentSegment());
    transport_->setLoopAvailable(segment != nullptr);
    if (segment && transport_->loopBox()->isChecked()) {
        player_.setLoop(std::make_pair(int(segment->firstFrame), int(segment->lastFrame)));
    } else {
        player_.setLoop(std::nullopt);
    }
}

}  // namespace actionlens::ui
