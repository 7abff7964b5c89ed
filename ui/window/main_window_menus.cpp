// MainWindow: menus, keyboard shortcuts and the file dialogs behind them.

#include "ui/window/main_window.h"

#include "ui/dataset/dataset_actions.h"
#include "ui/dataset/dataset_browser.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/transport_bar.h"
#include "ui/style/action_icons.h"
#include "ui/timeline/timeline_widget.h"
#include "ui/window/main_tool_bar.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QSpinBox>

#ifdef ACTIONLENS_WITH_POSE_ESTIMATION
#include "ui/dialogs/pose_estimation_dialog.h"
#include <QTableView>
#endif
#ifdef ACTIONLENS_WITH_PRE_ANNOTATION
#include "ui/dialogs/pre_annotate_dialog.h"
#endif

namespace actionlens::ui {

namespace {
const QString kProjectFilter = QStringLiteral("ActionLens projects (*.alproj)");
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    auto add = [this](QMenu* menu, const QString& text, const QKeySequence& key, auto slot) {
        QAction* action = menu->addAction(text, this, slot);
        if (!key.isEmpty()) action->setShortcut(key);
        return action;
    };
    add(file, tr("&Open project..."), QKeySequence::Open, [this] { chooseProject(); });
    add(file, tr("&New project..."), QKeySequence::New, [this] { chooseNewProject(); });
    add(file, tr("Open the &demo project"), {}, [this] { openDemoProject(); });
    add(file, tr("Open a &video..."), {}, [this] { chooseVideo(); });
    add(file, tr("&Add videos to the project..."), {}, [this] { chooseVideosToAdd(); });
    installDataActions(*this, file);  // add a folder, relink, import, export (ui/dataset_actions)
    file->addSeparator();
    add(file, tr("&Close project"), QKeySequence::Close, [this] {
        if (confirmStopTraining(tr("close the project"))) closeProject();
    });
    file->addSeparator();
    add(file, tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    createEditActions(edit);
    createSkeletonActions(edit->addMenu(tr("S&keleton")));
    createPreferencesAction(edit);

    // The transport keys live in a menu so that they are discoverable and work wherever the
    // focus is inside the window.
    createPlaybackActions(menuBar()->addMenu(tr("&Playback")));

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    add(viewMenu, tr("&Fit to window"), QKeySequence(Qt::Key_F), [this] { view_->fitToWindow(); });
    add(viewMenu, tr("Zoom timeline &in"), QKeySequence::ZoomIn, [this] { timeline_->zoomIn(); });
    add(viewMenu, tr("Zoom timeline &out"), QKeySequence::ZoomOut, [this] { timeline_->zoomOut(); });
    add(viewMenu, tr("Whole video in the &timeline"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { timeline_->zoomToFit(); });
    QAction* layers = layersAction_ = viewMenu->addAction(tr("Annotator &layers side by side"));
    layers->setCheckable(true);
    layers->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    layers->setStatusTip(tr("Each subject's segments in one row per annotator, to compare two codings; edits then keep each "
                            "annotator's segments apart"));
    connect(layers, &QAction::toggled, this, [this](bool on) { showAnnotatorLayers(on); });
    add(viewMenu, tr("Show one annotator's segments..."), {}, [this] {
        QStringList names{tr("Everyone")};
        for (const annotation::Segment& s : document_.segments())
            if (!annotation::isModelPrediction(s) && !names.contains(QString::fromStdString(s.annotator)))
                names << QString::fromStdString(s.annotator);
        bool chosen = false;
        const QString who = QInputDialog::getItem(this, tr("Show one annotator"), tr("Show the segments of:"), names, 0, false, &chosen);
        if (!chosen) return;
        timeline_->setShownAnnotator(who == names.front() ? std::nullopt : std::optional<std::string>(who.toStdString()));
    });
    QAction* privacy = privacyAction_ = viewMenu->addAction(tr("P&rivacy view"));
    privacy->setCheckable(true);
    privacy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    privacy->setShortcutContext(Qt::WindowShortcut);
    privacy->setStatusTip(tr("Blur faces live in the player and the presentation view: heads from the skeletons' face joints, "
                             "other faces found by OpenCV's face detector (as actionlens-cli anonymise writes them)"));
    connect(privacy, &QAction::toggled, this, [this](bool on) { setPrivacyView(on); });
    createPresentationAction(viewMenu);
    viewMenu->addSeparator();
    createOverlayActions(viewMenu);
    viewMenu->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>()) viewMenu->addAction(dock->toggleViewAction());
    createModelMenu();
    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    createAgreementAction(tools);
#ifdef ACTIONLENS_WITH_POSE_ESTIMATION
    QAction* estimatePoses = add(tools, tr("Estimate &poses..."), {}, [this] { openPoseEstimationDialog(*this); });
    browser_->table()->addAction(estimatePoses);  // also on the dataset browser's right-click menu
    browser_->table()->setContextMenuPolicy(Qt::ActionsContextMenu);
#ifdef ACTIONLENS_WITH_PRE_ANNOTATION
    QAction* preAnnotate = add(tools, tr("Pre-&annotate..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { openPreAnnotateDialog(*this); });
    preAnnotate->setStatusTip(tr("Poses where missing, then a trained model's proposals for the ticked videos"));
    browser_->table()->addAction(preAnnotate);
#endif
#endif
    applyActionIcons(*this);
    installMainToolBar(*this);
}

void MainWindow::createPlaybackActions(QMenu* menu) {
    auto add = [this, menu](const QString& text, const QKeySequence& key, auto slot) {
        QAction* action = menu->addAction(text, this, slot);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        return action;
    };
    add(tr("Play / pause"), QKeySequence(Qt::Key_Space), [this] { player_.togglePlay(); });
    add(tr("Next frame"), QKeySequence(Qt::Key_Right), [this] { player_.step(1); });
    add(tr("Previous frame"), QKeySequence(Qt::Key_Left), [this] { player_.step(-1); });
    add(tr("10 frames forward"), QKeySequence(Qt::SHIFT | Qt::Key_Right), [this] { player_.step(10); });
    add(tr("10 frames back"), QKeySequence(Qt::SHIFT | Qt::Key_Left), [this] { player_.step(-10); });
    add(tr("Shuttle backward (J)"), QKeySequence(Qt::Key_J), [this] { player_.shuttle(-1); });
    add(tr("Stop shuttle (K)"), QKeySequence(Qt::Key_K), [this] { player_.pause(); });
    add(tr("Shuttle forward (L)"), QKeySequence(Qt::Key_L), [this] { player_.shuttle(+1); });
    add(tr("Go to frame..."), QKeySequence(Qt::CTRL | Qt::Key_G), [this] {
        transport_->frameBox()->setFocus();
        transport_->frameBox()->selectAll();
    });
    add(tr("First frame"), QKeySequence(Qt::Key_Home), [this] {
        player_.pause();
        player_.seek(0);
    });
    add(tr("Last frame"), QKeySequence(Qt::Key_End), [this] {
        player_.pause();
        player_.seek(player_.frameCount() - 1);
    });
}

void MainWindow::createOverlayActions(QMenu* menu) {
    // Checkable, remembered between sessions (QSettings "overlays/...").
    auto toggle = [this, menu](const QString& text, const QKeySequence& key, const QString& setting, auto apply) {
        QAction* action = menu->addAction(text);
        action->setCheckable(true);
        action->setShortcut(key);
        const bool on = settings_.value(QStringLiteral("overlays/") + setting, true).toBool();
        action->setChecked(on);
        apply(on);
        connect(action, &QAction::toggled, this, [this, setting, apply](bool checked) {
            settings_.setValue(QStringLiteral("overlays/") + setting, checked);
            apply(checked);
        });
    };
    toggle(tr("&Skeletons"), QKeySequence(Qt::SHIFT | Qt::Key_S), QStringLiteral("skeletons"),
           [this](bool on) { overlays_->setSkeletonsVisible(on); });
    toggle(tr("&Boxes and names"), QKeySequence(Qt::SHIFT | Qt::Key_B), QStringLiteral("boxes"),
           [this](bool on) { overlays_->setBoxesVisible(on); });
    toggle(tr("Segment &labels"), QKeySequence(Qt::SHIFT | Qt::Key_L), QStringLiteral("labels"),
           [this](bool on) { overlays_->setLabelsVisible(on); });
}

void MainWindow::chooseProject() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(), kProjectFilter);
    if (path.isEmpty() || !confirmStopTraining(tr("open another project"))) return;
    const QString error = openProject(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot open project"), error);
}

void MainWindow::chooseNewProject() {
    QString path = QFileDialog::getSaveFileName(this, tr("New project"), QString(), kProjectFilter);
    if (path.isEmpty() || !confirmStopTraining(tr("create another project"))) return;
    if (!path.endsWith(QStringLiteral(".alproj"))) path += QStringLiteral(".alproj");
    const QString error = createProject(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot create project"), error);
}

void MainWindow::chooseVideosToAdd() {
    if (!document_.isOpen()) {
        QMessageBox::information(this, tr("Add videos"), tr("Open or create a project first."));
        return;
    }
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add videos"), QString(), tr("Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg *.mpeg);;All files (*)"));
    if (paths.isEmpty()) return;
    if (const QString refused = addVideos(paths); !refused.isEmpty()) statusBar()->showMessage(refused, 8000);
}

void MainWindow::chooseVideo() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open video"), QString(), tr("Videos (*.mp4 *.mkv *.mov *.avi *.webm *.m4v *.mpg *.mpeg);;All files (*)"));
    if (path.isEmpty() || !confirmStopTraining(tr("close the project"))) return;
    if (document_.isOpen()) closeProject();
    openVideoFile(path);
}

}  // namespace actionlens::ui
