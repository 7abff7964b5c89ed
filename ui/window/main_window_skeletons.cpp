// MainWindow: skeleton editing: the Edit > Skeleton menu, its shortcuts, the view's right-click
// menu and the status bar hints. The work is SkeletonEditor's (one undoable command per edit).

#include "ui/window/main_window.h"

#include "ui/editing/skeleton_editor.h"
#include "ui/player/annotation_overlays.h"
#include "ui/timeline/timeline_widget.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>

#include <tuple>

namespace actionlens::ui {

void MainWindow::createSkeletonActions(QMenu* menu) {
    skeletonEditor_ = new SkeletonEditor(document_, *view_, *overlays_, this);
    connect(skeletonEditor_, &SkeletonEditor::refused, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Not done: %1").arg(message), 10000); });
    connect(skeletonEditor_, &SkeletonEditor::hint, this, [this](const QString& message) { statusBar()->showMessage(message, 6000); });
    connect(skeletonEditor_, &SkeletonEditor::editStarting, &player_, &PlayerController::pause);
    // The editor works on the timeline's active lane; picking a joint makes its subject active.
    auto followLane = [this] { skeletonEditor_->setActiveSubject(timeline_->activeSubject()); };
    connect(timeline_, &TimelineWidget::activeSubjectChanged, this, followLane);
    connect(&document_, &ProjectDocument::currentVideoChanged, this, followLane);
    connect(&document_, &ProjectDocument::segmentsChanged, this, followLane);
    connect(&document_, &ProjectDocument::skeletonsChanged, this, followLane);
    connect(skeletonEditor_, &SkeletonEditor::subjectPicked, timeline_, &TimelineWidget::setActiveSubject);
    connect(skeletonEditor_, &SkeletonEditor::seekRequested, this, [this](int frame) { player_.seek(frame); });

    // Ctrl-chords: plain letters are the taxonomy's action hotkeys.
    QList<QAction*> actions;
    auto add = [this, menu, &actions](const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        QAction* action = menu->addAction(text, this, slot);
        if (!key.isEmpty()) action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setStatusTip(tip);
        actions.push_back(action);
        return action;
    };
    add(tr("&Show / hide joint"), QKeySequence(Qt::CTRL | Qt::Key_H),
        tr("Toggles whether the selected joint is visible (hidden joints of the active subject show as rings)"),
        [this] { skeletonEditor_->toggleSelectedJointVisibility(); });
    add(tr("&Add skeleton from template"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
        tr("Adds the active subject's skeleton on this frame in the layout's default pose, to drag into place"),
        [this] { skeletonEditor_->addFromTemplate(); });
    add(tr("&Copy skeleton from previous frame"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
        tr("Copies the active subject's skeleton from the nearest earlier frame that has one"),
        [this] { skeletonEditor_->copyFromPrevious(); });
    QMenu* nudge = menu->addMenu(tr("N&udge joint"));
    nudge->setStatusTip(tr("Moves the selected joint by one image pixel (Shift: ten); repeated nudges are one undo step"));
    for (const auto& [text, key, dx, dy] : {std::tuple{tr("Left"), Qt::Key_Left, -1, 0}, std::tuple{tr("Right"), Qt::Key_Right, 1, 0},
                                            std::tuple{tr("Up"), Qt::Key_Up, 0, -1}, std::tuple{tr("Down"), Qt::Key_Down, 0, 1}}) {
        for (const int step : {1, 10}) {
            const QKeySequence shortcut(step == 10 ? QKeyCombination(Qt::AltModifier | Qt::ShiftModifier, key)
                                                   : QKeyCombination(Qt::AltModifier, key));
            QAction* action = nudge->addAction(step == 1 ? text : tr("%1 by 10").arg(text), this,
                                               [this, dx = dx, dy = dy, step] { skeletonEditor_->nudgeSelectedJoint(float(dx * step), float(dy * step)); });
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WindowShortcut);
        }
    }
    menu->addSeparator();
    add(tr("Mark as &keyframe"), QKeySequence(Qt::CTRL | Qt::Key_K),
        tr("Makes this frame's skeleton of the active subject a keyframe (an edit does so too)"),
        [this] { skeletonEditor_->markKeyframe(); });
    add(tr("&Interpolate between keyframes"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
        tr("Fills the frames between the active subject's keyframes around the playhead, joint by joint"),
        [this] { skeletonEditor_->interpolateAround(); });
    add(tr("Interpolate &all keyframe gaps"), {}, tr("Fills every gap between the active subject's keyframes in this video"),
        [this] { skeletonEditor_->interpolateAll(); });
    add(tr("&Next keyframe"), QKeySequence(Qt::CTRL | Qt::Key_Right), tr("Shows the active subject's next keyframe"),
        [this] { skeletonEditor_->goToKeyframe(+1); });
    add(tr("&Previous keyframe"), QKeySequence(Qt::CTRL | Qt::Key_Left), tr("Shows the active subject's previous keyframe"),
        [this] { skeletonEditor_->goToKeyframe(-1); });
    menu->addSeparator();
    add(tr("&Delete skeleton on this frame"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
        tr("Removes the active subject's skeleton from this frame"), [this] { skeletonEditor_->deleteSkeleton(); });
    skeletonEditor_->setContextActions(actions);
}

}  // namespace actionlens::ui
