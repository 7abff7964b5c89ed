// ImportCommand: File > Import through the dialog's own path (FormatTransferDialog +
// FormatTransferWorker) is one undoable step that restores the whole project exactly.

#include "ui/commands/import_command.h"

#include "native_import_fixture.h"
#include "tests/core/annotation/project_rows.h"
#include "ui/commands/add_subject_command.h"
#include "ui/commands/add_videos_command.h"
#include "ui/commands/import_snapshots.h"
#include "ui/dialogs/format_transfer_dialog.h"
#include "ui/document/project_document.h"
#include "ui/window/main_window.h"
#include "ui_test_wait.h"

#include <QAction>
#include <QComboBox>
#include <QUndoView>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;
using actionlens::testing::checkProjectFile;
using actionlens::testing::ProjectRows;
using actionlens::testing::readProjectRows;

namespace {

// Imports `file` as native JSON through the dialog; the result it reported.
FormatTransferResult importThroughDialog(ProjectDocument& document, const QString& file, QString* report = nullptr) {
    FormatTransferDialog dialog(document, TransferDirection::Import);
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("native")));
    dialog.pathEdit()->setText(file);
    EXPECT_TRUE(dialog.start(false));
    EXPECT_TRUE(uitest::waitUntil([&] { return !dialog.isRunning(); }));
    if (report) *report = dialog.findChild<QPlainTextEdit*>()->toPlainText();
    return dialog.lastResult();
}

// The temporary folders holding the copies of project `name` (ImportSnapshots).
QStringList undoFolders(const QString& name) {
    return QDir(QDir::tempPath()).entryList({QStringLiteral("actionlens-undo-%1-*").arg(name)}, QDir::Dirs);
}

std::vector<std::string> videoNames(const ProjectDocument& document) {
    std::vector<std::string> names;
    for (const auto& v : document.videos()) names.push_back(v.name);
    return names;
}

// A project with an edit history before the import: a video and two subjects, three commands.
struct EditedProject {
    QTemporaryDir dir;
    ProjectDocument document;
    ProjectRows untouched;  // right after creation, before any command

    explicit EditedProject(const QString& name) {
        EXPECT_EQ(document.create(dir.filePath(name + QStringLiteral(".alproj"))), QString());
        EXPECT_TRUE(document.store().setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
        untouched = readProjectRows(document.store().path());
        EXPECT_EQ(AddVideosCommand::run(document, {annotation::Video{0, "", 0, 25.0, 50, 0, 0, "", "old-clip", {}}}), QString());
        QString error;
        EXPECT_NE(AddSubjectCommand::run(document, annotation::Subject{0, "carol", {}}, &error), 0) << error.toStdString();
        EXPECT_NE(AddSubjectCommand::run(document, annotation::Subject{0, "dave", {}}, &error), 0) << error.toStdString();
    }
    std::string path() { return document.store().path(); }
};

}  // namespace

TEST(ImportCommand, UndoAndRedoRestoreTheWholeProjectExactly) {
    EditedProject project(QStringLiteral("import-undo"));
    ProjectDocument& document = project.document;
    ASSERT_EQ(document.undoStack().count(), 3);
    const ProjectRows beforeImport = readProjectRows(project.path());
    const QString json = uitest::writeNativeImportFile(project.dir);

    const FormatTransferResult result = importThroughDialog(document, json);
    ASSERT_TRUE(result.ok) << result.message.toStdString();
    ASSERT_EQ(document.undoStack().count(), 4);
    EXPECT_EQ(document.undoStack().text(3), QStringLiteral("Import native from source.json (1 video)"));
    const ProjectRows afterImport = readProjectRows(project.path());
    ASSERT_NE(afterImport, beforeImport);
    EXPECT_EQ(videoNames(document), (std::vector<std::string>{"old-clip", "walk-0001"}));
    document.setCurrentVideo(document.videos().back().id);  // the imported video is shown
    ASSERT_EQ(document.segments().size(), 3u);

    document.undoStack().undo();
    EXPECT_EQ(readProjectRows(project.path()), beforeImport);
    EXPECT_EQ(checkProjectFile(project.path()), "ok");
    EXPECT_EQ(document.lastWriteFailure(), QString());
    EXPECT_EQ(videoNames(document), std::vector<std::string>{"old-clip"});
    EXPECT_EQ(document.subjects().size(), 2u);  // carol and dave
    EXPECT_EQ(document.segments().size(), 0u) << "the imported video's segments are no longer shown";

    document.undoStack().redo();
    EXPECT_EQ(readProjectRows(project.path()), afterImport);
    EXPECT_EQ(checkProjectFile(project.path()), "ok");
    EXPECT_EQ(videoNames(document), (std::vector<std::string>{"old-clip", "walk-0001"}));
    EXPECT_EQ(document.subjects().size(), 4u);

    // The edits before the import stay undoable, down to the empty project, and come back.
    document.undoStack().undo();
    document.undoStack().undo();
    document.undoStack().undo();
    document.undoStack().undo();
    EXPECT_EQ(document.lastWriteFailure(), QString());
    EXPECT_EQ(readProjectRows(project.path()), project.untouched);
    EXPECT_TRUE(document.videos().empty());
    for (int i = 0; i < 4; ++i) document.undoStack().redo();
    EXPECT_EQ(document.lastWriteFailure(), QString());
    EXPECT_EQ(readProjectRows(project.path()), afterImport);
}

TEST(ImportCommand, LaterEditsAreUndoneFirstThenTheImport) {
    EditedProject project(QStringLiteral("import-later-edits"));
    ProjectDocument& document = project.document;
    const ProjectRows beforeImport = readProjectRows(project.path());
    ASSERT_TRUE(importThroughDialog(document, uitest::writeNativeImportFile(project.dir)).ok);
    QString error;
    ASSERT_NE(AddSubjectCommand::run(document, annotation::Subject{0, "erin", {}}, &error), 0) << error.toStdString();
    const ProjectRows afterErin = readProjectRows(project.path());

    document.undoStack().undo();  // erin
    document.undoStack().undo();  // the import
    EXPECT_EQ(readProjectRows(project.path()), beforeImport);
    document.undoStack().redo();
    document.undoStack().redo();
    EXPECT_EQ(readProjectRows(project.path()), afterErin);
    EXPECT_EQ(document.subjects().back().name, "erin");
    EXPECT_EQ(document.lastWriteFailure(), QString());
}

TEST(ImportCommand, TheCopiesLiveAsLongAsTheCommand) {
    EditedProject project(QStringLiteral("import-copies-folder"));
    ProjectDocument& document = project.document;
    ASSERT_TRUE(undoFolders(QStringLiteral("import-copies-folder")).isEmpty());
    ASSERT_TRUE(importThroughDialog(document, uitest::writeNativeImportFile(project.dir)).ok);
    const QStringList folders = undoFolders(QStringLiteral("import-copies-folder"));
    ASSERT_EQ(folders.size(), 1);
    const QDir folder(QDir(QDir::tempPath()).filePath(folders.front()));
    EXPECT_EQ(folder.entryList({QStringLiteral("*.alproj")}, QDir::Files).size(), 2) << "before and after";
    EXPECT_TRUE(folder.exists(ImportSnapshots::ownerLockName())) << "the owner's lock";
    document.close();  // clears the history
    EXPECT_TRUE(undoFolders(QStringLiteral("import-copies-folder")).isEmpty());
}

TEST(ImportCommand, AFailedUndoIsReportedAndChangesNothing) {
    EditedProject project(QStringLiteral("import-damaged-copy"));
    ProjectDocument& document = project.document;
    ASSERT_TRUE(importThroughDialog(document, uitest::writeNativeImportFile(project.dir)).ok);
    const ProjectRows afterImport = readProjectRows(project.path());
    const QStringList folders = undoFolders(QStringLiteral("import-damaged-copy"));
    ASSERT_EQ(folders.size(), 1);
    QFile copy(QDir(QDir(QDir::tempPath()).filePath(folders.front())).filePath(QStringLiteral("before.alproj")));
    ASSERT_TRUE(copy.open(QIODevice::WriteOnly | QIODevice::Truncate));
    copy.write(QByteArray(8192, 'x'));
    copy.close();

    document.undoStack().undo();
    EXPECT_TRUE(document.lastWriteFailure().startsWith(QStringLiteral("undo of 'Import native from source.json (1 video)' failed: ")))
        << document.lastWriteFailure().toStdString();
    EXPECT_TRUE(document.lastWriteFailure().contains(QStringLiteral("before.alproj"))) << "names the copy";
    EXPECT_EQ(readProjectRows(project.path()), afterImport);
    EXPECT_EQ(document.videos().size(), 2u) << "the document shows what the store holds";
}

TEST(ImportCommand, WithoutACopyTheImportStillRunsAndTheHistoryIsCleared) {
    EditedProject project(QStringLiteral("import-no-copy"));
    ProjectDocument& document = project.document;
    const QString json = uitest::writeNativeImportFile(project.dir);
    // A temporary "folder" that is a file: no copy can be made.
    const QByteArray savedTmp = qgetenv("TMPDIR");
    const QString notAFolder = project.dir.filePath(QStringLiteral("not-a-folder"));
    QFile(notAFolder).open(QIODevice::WriteOnly);
    qputenv("TMPDIR", notAFolder.toLocal8Bit());
    QString report;
    const FormatTransferResult result = importThroughDialog(document, json, &report);
    if (savedTmp.isNull())
        qunsetenv("TMPDIR");
    else
        qputenv("TMPDIR", savedTmp);

    ASSERT_TRUE(result.ok) << result.message.toStdString();
    EXPECT_FALSE(result.undoProblem.isEmpty());
    EXPECT_EQ(document.store().counts().value().videos, 2);
    EXPECT_EQ(document.undoStack().count(), 0) << "the old history no longer fits the project";
    EXPECT_TRUE(report.contains(QStringLiteral("cannot be undone"))) << report.toStdString();
    EXPECT_TRUE(report.contains(QStringLiteral("temporary folder"))) << report.toStdString();
}

TEST(ImportCommand, DescribesWhatTheImportAdded) {
    const annotation::ProjectCounts before{2, 1, 5, 100};
    EXPECT_EQ(ImportCommand::describe(QStringLiteral("penn-action"), QStringLiteral("/data/penn_action/train"), before, {1260, 1259, 1263, 87643}),
              QStringLiteral("Import penn-action from train (%1 videos)").arg(QLocale().toString(1258)));
    EXPECT_EQ(ImportCommand::describe(QStringLiteral("coco"), QStringLiteral("/x/a.json"), before, {2, 2, 5, 101}),
              QStringLiteral("Import coco from a.json (1 skeleton frame)"));
    EXPECT_EQ(ImportCommand::describe(QStringLiteral("segments"), QStringLiteral("b.csv"), before, {2, 1, 9, 100}),
              QStringLiteral("Import segments from b.csv (4 segments)"));
    EXPECT_EQ(ImportCommand::describe(QStringLiteral("coco"), QStringLiteral("a.json"), before, before), QStringLiteral("Import coco from a.json"));
}

namespace {

QAction* actionWithShortcut(MainWindow& window, QKeySequence::StandardKey key) {
    for (QAction* action : window.findChildren<QAction*>())
        if (action->shortcut() == QKeySequence(key)) return action;
    return nullptr;
}

}  // namespace

TEST(ImportCommand, TheWindowsUndoAndRedoTakeTheImportBackAndForth) {
    QTemporaryDir dir;
    MainWindow window;
    ASSERT_EQ(window.createProject(dir.filePath(QStringLiteral("window.alproj"))), QString());
    ASSERT_TRUE(window.document().store().setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
    const QString json = uitest::writeNativeImportFile(dir);
    const ProjectRows beforeImport = readProjectRows(window.document().store().path());

    FormatTransferDialog* dialog = openFormatTransferDialog(window, TransferDirection::Import);
    ASSERT_NE(dialog, nullptr);
    dialog->formatBox()->setCurrentIndex(dialog->formatBox()->findData(QStringLiteral("native")));
    dialog->pathEdit()->setText(json);
    ASSERT_TRUE(dialog->start(false));
    ASSERT_TRUE(uitest::waitUntil([&] { return !dialog->isRunning(); }));
    ASSERT_TRUE(dialog->lastResult().ok) << dialog->lastResult().message.toStdString();
    dialog->close();
    ProjectDocument& document = window.document();
    ASSERT_EQ(document.videos().size(), 1u);
    EXPECT_EQ(document.currentVideoId(), document.videos().front().id) << "the imported video is opened";
    const ProjectRows afterImport = readProjectRows(document.store().path());

    // The History dock lists the import.
    auto* history = window.findChild<QUndoView*>();
    ASSERT_NE(history, nullptr);
    ASSERT_EQ(history->model()->rowCount(), 2);  // "<opened>" and the import
    EXPECT_EQ(history->model()->index(1, 0).data().toString(),
              QStringLiteral("Import native from source.json (1 video)"));

    QAction* undo = actionWithShortcut(window, QKeySequence::Undo);
    QAction* redo = actionWithShortcut(window, QKeySequence::Redo);
    ASSERT_NE(undo, nullptr);
    ASSERT_NE(redo, nullptr);
    ASSERT_TRUE(undo->isEnabled());
    undo->trigger();
    EXPECT_EQ(readProjectRows(document.store().path()), beforeImport);
    EXPECT_TRUE(document.videos().empty());
    EXPECT_EQ(document.currentVideoId(), 0) << "the removed video is no longer shown";
    EXPECT_TRUE(document.subjects().empty());
    EXPECT_FALSE(window.windowTitle().contains(QStringLiteral("failed"), Qt::CaseInsensitive)) << window.windowTitle().toStdString();

    ASSERT_TRUE(redo->isEnabled());
    redo->trigger();
    EXPECT_EQ(readProjectRows(document.store().path()), afterImport);
    EXPECT_EQ(document.videos().size(), 1u);
    EXPECT_EQ(document.subjects().size(), 2u);
    EXPECT_EQ(document.lastWriteFailure(), QString());
}

