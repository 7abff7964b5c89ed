// MainWindow: reviewing a model's predictions (Edit > Predictions): accept, reject, accept all
// above a confidence or inside the marks, walk them. Each is one undoable step (SegmentEditor).

#include "ui/editing/segment_editor.h"
#include "ui/timeline/timeline_widget.h"
#include "ui/window/main_window.h"

#include <QInputDialog>
#include <QMenu>
#include <QStatusBar>

#include <algorithm>

namespace actionlens::ui {

namespace {
const QString kAcceptAboveKey = QStringLiteral("predictions/acceptAbove");
constexpr double kDefaultAcceptAbove = 0.8;

// Where the reviewed segments start, the latest of them: the walk goes on after it.
std::int64_t lastFirstFrame(const ProjectDocument& document, const std::vector<std::int64_t>& ids) {
    std::int64_t last = -1;
    for (std::int64_t id : ids)
        if (const annotation::Segment* s = document.segment(id)) last = std::max(last, s->firstFrame);
    return last;
}
}  // namespace

void MainWindow::createPredictionActions(QMenu* menu) {
    menu->setStatusTip(tr("A model's proposals (Model > Runs > Predict, Tools > Pre-annotate) in the lane under each subject"));
    auto add = [this, menu](const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        QAction* action = menu->addAction(text, this, slot);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setStatusTip(tip);
        return action;
    };
    auto report = [this](const QString& error) {
        if (!error.isEmpty()) statusBar()->showMessage(tr("Not done: %1").arg(error), 10000);
    };
    add(tr("&Accept prediction"), QKeySequence(Qt::CTRL | Qt::Key_Return),
        tr("The selected predictions (else the active subject's under the playhead) become your segments"),
        [this, report] { report(acceptPredictions()); });
    add(tr("&Reject prediction"), QKeySequence(Qt::SHIFT | Qt::Key_Delete), tr("Removes the selected predictions"),
        [this, report] { report(rejectPredictions()); });
    add(tr("Accept predictions in the &marks"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
        tr("The active subject's predictions between the in and out marks, cut to them"),
        [this, report] { report(acceptPredictionsInMarks()); });
    add(tr("Accept all &above a confidence..."), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Return),
        tr("Every prediction of the video at or above a confidence that fits its subject's lane"), [this, report] {
            bool ok = false;
            const double chosen = QInputDialog::getDouble(
                this, tr("Accept predictions"), tr("Accept every prediction of this video with a confidence of at least:"),
                settings_.value(kAcceptAboveKey, kDefaultAcceptAbove).toDouble(), 0.0, 1.0, 2, &ok);
            if (!ok) return;
            settings_.setValue(kAcceptAboveKey, chosen);
            report(acceptPredictionsAbove(chosen));
        });
    menu->addSeparator();
    add(tr("&Next prediction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right), tr("Selects and shows the next prediction"),
        [this] {
            if (!goToPrediction(+1)) statusBar()->showMessage(tr("No prediction after the playhead."), 5000);
        });
    add(tr("&Previous prediction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Left),
        tr("Selects and shows the previous prediction"), [this] {
            if (!goToPrediction(-1)) statusBar()->showMessage(tr("No prediction before the playhead."), 5000);
        });
}

std::vector<std::int64_t> MainWindow::predictionsToReview() const {
    // The selection as it is: a person's segment in it is refused by name, never skipped.
    std::vector<std::int64_t> ids(timeline_->selection().begin(), timeline_->selection().end());
    if (!ids.empty()) return ids;
    const int frame = player_.currentFrame();
    for (const annotation::Segment& s : document_.segments())
        if (annotation::isModelPrediction(s) && s.subjectId == timeline_->activeSubject() && s.firstFrame <= frame && s.lastFrame >= frame)
            ids.push_back(s.id);
    return ids;
}

QString MainWindow::acceptPredictions() {
    const std::vector<std::int64_t> ids = predictionsToReview();
    if (ids.empty()) return tr("select a prediction, or put the playhead on one in the active subject's prediction lane");
    const std::int64_t last = lastFirstFrame(document_, ids);
    const QString error = editor_->accept(ids);
    if (error.isEmpty()) {
        selectAdded();
        goToPrediction(+1, last);  // on to the next proposal, as a reviewer works down the list
    }
    return error;
}

QString MainWindow::rejectPredictions() {
    const std::vector<std::int64_t> ids = predictionsToReview();
    if (ids.empty()) return tr("select a prediction, or put the playhead on one in the active subject's prediction lane");
    const std::int64_t last = lastFirstFrame(document_, ids);
    const QString error = editor_->reject(ids);
    if (error.isEmpty()) goToPrediction(+1, last);
    return error;
}

QString MainWindow::acceptPredictionsAbove(double minConfidence) {
    int skipped = 0;
    const QString error = editor_->acceptAbove(minConfidence, &skipped);
    if (!error.isEmpty()) return error;
    selectAdded();
    const int accepted = int(editor_->lastAddedIds().size());
    statusBar()->showMessage(skipped == 0 ? tr("Accepted %n prediction(s) (Ctrl+Z takes them back)", nullptr, accepted)
                                          : tr("Accepted %1 prediction(s); %2 overlap your segments and stay proposals")
                                                .arg(accepted)
                                                .arg(skipped),
                             10000);
    return {};
}

QString MainWindow::acceptPredictionsInMarks() {
    if (!markIn_ || !markOut_) return tr("set both marks first: I at the first frame, O at the last");
    const QString error = editor_->acceptRange(timeline_->activeSubject(), *markIn_, *markOut_);
    if (error.isEmpty()) {
        clearMarks();
        selectAdded();
    }
    return error;
}

bool MainWindow::goToPrediction(int direction, std::optional<std::int64_t> from) {
    const std::int64_t frame = from.value_or(player_.currentFrame());
    const annotation::Segment* best = nullptr;
    for (const annotation::Segment& s : document_.segments()) {
        if (!annotation::isModelPrediction(s)) continue;
        const bool ahead = direction > 0 ? s.firstFrame > frame : s.firstFrame < frame;
        if (!ahead) continue;
        if (!best || (direction > 0 ? s.firstFrame < best->firstFrame : s.firstFrame > best->firstFrame)) best = &s;
    }
    if (!best) return false;
    timeline_->setSelection({best->id});
    timeline_->setActiveSubject(best->subjectId);
    showFrame(int(best->firstFrame));
    return true;
}

}  // namespace actionlens::ui
