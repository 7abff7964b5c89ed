// MainWindow: segment editing: marks, the Edit menu, keyboard coding, the history dock.
// Every edit goes through SegmentEditor (one undoable command, one store transaction).

#include "ui/window/main_window.h"

#include "ui/commands/add_subject_command.h"
#include "ui/dialogs/taxonomy_editor_dialog.h"
#include "ui/editing/action_hotkey_coder.h"
#include "ui/editing/annotator_name.h"
#include "ui/editing/segment_editor.h"
#include "ui/editing/segment_inspector.h"
#include "ui/editing/subject_inspector.h"
#include "ui/timeline/timeline_widget.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QInputDialog>
#include <QStatusBar>
#include <QFrame>
#include <QScrollArea>
#include <QUndoView>
#include <QVBoxLayout>

namespace actionlens::ui {

void MainWindow::createEditing() {
    editor_ = new SegmentEditor(document_, this);
    connect(editor_, &SegmentEditor::refused, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Not done: %1").arg(message), 10000);
    });
    connect(timeline_, &TimelineWidget::segmentBoundsEdited, this, [this](std::int64_t id, std::int64_t first, std::int64_t last) {
        editor_->setBounds(id, first, last);
    });

    coder_ = new ActionHotkeyCoder(
        document_, [this] { return player_.currentFrame(); }, [this] { return player_.isPlaying(); }, this);
    qApp->installEventFilter(coder_);
    connect(coder_, &ActionHotkeyCoder::segmentCoded, this, [this](const QString& action, int first, int last) {
        const annotation::TaskDefinition* task = document_.taxonomy().actionTask();
        if (!task) return;
        if (editor_->create(timeline_->activeSubject(), first, last, {{task->name, action.toStdString()}}).isEmpty()) selectAdded();
    });
    connect(coder_, &ActionHotkeyCoder::valueChosen, this, &MainWindow::applyChosenValue);

    auto* history = new QUndoView(&document_.undoStack(), this);
    history->setEmptyLabel(tr("<opened>"));
    historyDock_ = new QDockWidget(tr("History"), this);
    historyDock_->setObjectName(QStringLiteral("historyDock"));
    historyDock_->setWidget(history);
    addDockWidget(Qt::LeftDockWidgetArea, historyDock_);
    tabifyDockWidget(browserDock_, historyDock_);
    browserDock_->raise();
    connect(&document_, &ProjectDocument::currentVideoChanged, this, [this] { clearMarks(); });
}

void MainWindow::createInspector() {
    auto* panel = new QWidget(this);
    segmentInspector_ = new SegmentInspector(document_, *editor_, panel);
    subjectInspector_ = new SubjectInspector(document_, panel);
    auto* line = new QFrame(panel);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(segmentInspector_, 1);
    layout->addWidget(line);
    layout->addWidget(subjectInspector_);
    inspectorDock_ = new QDockWidget(tr("Inspector"), this);
    inspectorDock_->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock_->setWidget(panel);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock_);
    resizeDocks({inspectorDock_}, {320}, Qt::Horizontal);

    connect(timeline_, &TimelineWidget::selectionChanged, this, [this] { segmentInspector_->setSelection(selectedSegments()); });
    auto followLane = [this] { subjectInspector_->setSubject(timeline_->activeSubject()); };
    connect(timeline_, &TimelineWidget::activeSubjectChanged, this, followLane);
    connect(&document_, &ProjectDocument::currentVideoChanged, this, followLane);
    connect(&document_, &ProjectDocument::segmentsChanged, this, followLane);
    connect(subjectInspector_, &SubjectInspector::refused, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Not done: %1").arg(message), 10000);
    });
}

void MainWindow::createEditActions(QMenu* menu) {
    QAction* undo = document_.undoStack().createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = document_.undoStack().createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    menu->addAction(undo);
    menu->addAction(redo);
    menu->addSeparator();
    QAction* taxonomy = menu->addAction(tr("&Taxonomy..."), this, [this] { openTaxonomyEditor(*this, document_); });
    taxonomy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    taxonomy->setEnabled(document_.isOpen());
    connect(&document_, &ProjectDocument::opened, taxonomy, [taxonomy] { taxonomy->setEnabled(true); });
    connect(&document_, &ProjectDocument::closed, taxonomy, [taxonomy] { taxonomy->setEnabled(false); });
    menu->addSeparator();
    auto add = [this, menu](const QString& text, const QKeySequence& key, auto slot) {
        QAction* action = menu->addAction(text, this, slot);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        return action;
    };
    add(tr("Mark &in"), QKeySequence(Qt::Key_I), [this] { setMarkIn(player_.currentFrame()); });
    add(tr("Mark &out"), QKeySequence(Qt::Key_O), [this] { setMarkOut(player_.currentFrame()); });
    add(tr("Clear marks"), QKeySequence(Qt::Key_Escape), [this] { clearMarks(); });
    QAction* create = add(tr("&Create segment from marks"), QKeySequence(Qt::Key_Return), [this] { createSegmentFromMarks(); });
    // Return belongs to text fields (search boxes, the frame box) when they have the focus: this
    // one works only while the focus is in the video view, transport or timeline.
    create->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    workspace_->addAction(create);
    menu->addSeparator();
    add(tr("New &subject lane"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this] { addSubject(); });
    add(tr("&Split segment at playhead"), QKeySequence(Qt::CTRL | Qt::Key_B), [this] { splitAtPlayhead(); });
    add(tr("&Merge selected segments"), QKeySequence(Qt::CTRL | Qt::Key_M), [this] { mergeSelected(); });
    add(tr("&Delete selected segments"), QKeySequence(Qt::Key_Delete), [this] { deleteSelected(); });
    createPredictionActions(menu->addMenu(tr("&Predictions")));
    menu->addAction(tr("Copy an annotator's &layer as mine..."), this, [this] {
        QStringList others;
        for (const annotation::Segment& s : document_.segments())
            if (!annotation::isModelPrediction(s) && s.annotator != annotatorName().toStdString() &&
                !others.contains(QString::fromStdString(s.annotator)))
                others << QString::fromStdString(s.annotator);
        if (others.isEmpty()) {
            statusBar()->showMessage(tr("No one else has segments in this video."), 8000);
            return;
        }
        bool chosen = false;
        const QString from = QInputDialog::getItem(this, tr("Copy a layer"),
                                                   tr("Copy whose segments of this video into your layer (%1)?").arg(annotatorName()),
                                                   others, 0, false, &chosen);
        if (!chosen) return;
        if (const QString error = copyLayer(from); !error.isEmpty()) statusBar()->showMessage(tr("Not done: %1").arg(error), 10000);
    });
}

QString MainWindow::copyLayer(const QString& from) {
    const QString error = editor_->copyLayer(from.toStdString());
    if (!error.isEmpty()) return error;
    // Two codings of the same subject: shown apart, edited apart.
    if (layersAction_ && !layersAction_->isChecked()) layersAction_->setChecked(true);
    selectAdded();
    return {};
}

void MainWindow::setMarkIn(int frame) {
    markIn_ = frame;
    if (markOut_ && *markOut_ < frame) markOut_.reset();
    timeline_->setMarks(markIn_, markOut_);
}

void MainWindow::setMarkOut(int frame) {
    markOut_ = frame;
    if (markIn_ && *markIn_ > frame) markIn_.reset();
    timeline_->setMarks(markIn_, markOut_);
}

void MainWindow::clearMarks() {
    markIn_.reset();
    markOut_.reset();
    timeline_->setMarks(markIn_, markOut_);
}

std::vector<std::int64_t> MainWindow::selectedSegments() const {
    return {timeline_->selection().begin(), timeline_->selection().end()};
}

void MainWindow::selectAdded() {
    const auto& added = editor_->lastAddedIds();
    timeline_->setSelection({added.begin(), added.end()});
}

QString MainWindow::createSegmentFromMarks(const segment_edits::Labels& labels) {
    if (!markIn_ || !markOut_) {
        const QString message = tr("Set both marks first: I at the first frame, O at the last.");
        statusBar()->showMessage(message, 8000);
        return message;
    }
    const QString error = editor_->create(timeline_->activeSubject(), *markIn_, *markOut_, labels);
    if (error.isEmpty()) {
        clearMarks();
        selectAdded();
    }
    return error;
}

QString MainWindow::splitAtPlayhead() {
    const int frame = player_.currentFrame();
    // The selected segment under the playhead, else the active lane's segment there.
    std::int64_t target = 0;
    for (const auto& s : document_.segments()) {
        if (s.firstFrame > frame || s.lastFrame < frame) continue;
        if (timeline_->selection().count(s.id)) {
            target = s.id;
            break;
        }
        if (!target && s.subjectId == timeline_->activeSubject()) target = s.id;
    }
    if (!target) {
        const QString message = tr("No segment of the active lane under the playhead to split.");
        statusBar()->showMessage(message, 8000);
        return message;
    }
    const QString error = editor_->split(target, frame);
    if (error.isEmpty()) selectAdded();
    return error;
}

QString MainWindow::mergeSelected() {
    const QString error = editor_->merge(selectedSegments());
    if (error.isEmpty()) selectAdded();
    return error;
}

QString MainWindow::deleteSelected() { return editor_->remove(selectedSegments()); }

void MainWindow::showAnnotatorLayers(bool sideBySide) {
    timeline_->setAnnotatorLayers(sideBySide);
    editor_->setLaneRule(sideBySide ? segment_edits::LaneRule::PerAnnotator : segment_edits::LaneRule::PeopleTogether);
}

std::int64_t MainWindow::addSubject() {
    if (!document_.isOpen()) return 0;
    // The first free "person N".
    int n = 1;
    auto taken = [this](const std::string& name) {
        for (const auto& s : document_.subjects())
            if (s.name == name) return true;
        return false;
    };
    while (taken("person " + std::to_string(n))) ++n;
    QString error;
    const std::int64_t id = AddSubjectCommand::run(document_, annotation::Subject{0, "person " + std::to_string(n), {}}, &error);
    if (id == 0) {
        statusBar()->showMessage(tr("Not done: %1").arg(error), 10000);
        return 0;
    }
    document_.showSubjectLane(id);
    timeline_->setActiveSubject(id);
    return id;
}

void MainWindow::applyChosenValue(const QString& task, const QString& value) {
    const annotation::TaskDefinition* actionTask = document_.taxonomy().actionTask();
    const bool isAction = actionTask && actionTask->name == task.toStdString();
    if (isAction && markIn_ && markOut_) {
        createSegmentFromMarks({{task.toStdString(), value.toStdString()}});
        return;
    }
    if (!timeline_->selection().empty()) {
        editor_->setLabel(selectedSegments(), task.toStdString(), value.toStdString());
        return;
    }
    statusBar()->showMessage(tr("%1 = %2: select segments, or mark a range with I and O, or hold the key while playing.")
                                 .arg(task, value),
                             8000);
}

}  // namespace actionlens::ui
