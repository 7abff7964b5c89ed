// TaxonomyEditorDialog: renames reach the existing segments, deleting a class in use relabels
// or clears its segments (after asking), hotkey conflicts are refused, malformed imports say
// what and where, and undo restores the store exactly. Also the group-only labels it enables
// in the inspector, and the Edit menu entry.

#include "core/annotation/group_only_label.h"
#include "core/annotation/taxonomy_json.h"
#include "ui/dialogs/taxonomy_editor_dialog.h"
#include "ui/document/project_document.h"
#include "ui/editing/label_check.h"
#include "ui/editing/segment_editor.h"
#include "ui/editing/segment_inspector.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;
using Ref = TaxonomyEditorDialog::ItemRef;
using Kind = TaxonomyEditorDialog::ItemKind;

namespace {

// Everything a taxonomy edit may touch, read back from the file.
struct StoreState {
    annotation::Taxonomy taxonomy;
    std::vector<annotation::Segment> segments;
    std::vector<annotation::Subject> subjects;
    bool operator==(const StoreState& o) const { return taxonomy == o.taxonomy && segments == o.segments && subjects == o.subjects; }
};

struct TaxonomyDialogFixture : ::testing::Test {
    void SetUp() override {
        ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
        document.setCurrentVideo(document.videos().front().id);
        ASSERT_FALSE(document.segments().empty());
        dialog = std::make_unique<TaxonomyEditorDialog>(document, std::map<std::string, std::string>{{"j", "Playback: Shuttle backward"}});
    }
    StoreState state() {
        StoreState s{document.store().taxonomy(), {}, document.store().subjects().value()};
        for (const auto& video : document.store().videos().value()) {
            auto segments = document.store().segmentsOfVideo(video.id).value();
            s.segments.insert(s.segments.end(), segments.begin(), segments.end());
        }
        return s;
    }
    size_t valueIndex(const std::string& task, const std::string& name) const {
        const auto& tasks = dialog->draft().taxonomy().tasks;
        for (size_t t = 0; t < tasks.size(); ++t)
            if (tasks[t].name == task)
                for (size_t v = 0; v < tasks[t].values.size(); ++v)
                    if (tasks[t].values[v].name == name) return v;
        ADD_FAILURE() << "no " << task << " value " << name;
        return 0;
    }
    // Segments of the whole project labelled `action`.
    std::int64_t segmentsLabelled(const std::string& action) {
        std::int64_t n = 0;
        for (const auto& s : state().segments) n += s.labels.count("action") && s.labels.at("action") == action;
        return n;
    }
    void rename(const Ref& ref, const QString& name) {
        dialog->select(ref);
        dialog->nameEdit()->setText(name);
        Q_EMIT dialog->nameEdit()->editingFinished();
    }
    QTemporaryDir dir;
    ProjectDocument document;
    std::unique_ptr<TaxonomyEditorDialog> dialog;
};

}  // namespace

TEST_F(TaxonomyDialogFixture, TheTreeListsTasksGroupsClassesAndTheirUse) {
    const annotation::Taxonomy& t = document.taxonomy();
    ASSERT_EQ(dialog->tree()->topLevelItemCount(), int(t.tasks.size()));
    QTreeWidgetItem* actionItem = dialog->tree()->topLevelItem(0);
    EXPECT_EQ(actionItem->childCount(), int(t.actionTask()->groups.size()));
    const std::string used = document.segments().front().labels.at("action");
    const std::int64_t count = segmentsLabelled(used);
    dialog->select({Kind::Value, 0, valueIndex("action", used)});
    ASSERT_NE(dialog->tree()->currentItem(), nullptr);
    EXPECT_EQ(dialog->tree()->currentItem()->text(0).toStdString(), used);
    EXPECT_EQ(dialog->tree()->currentItem()->text(2), QStringLiteral("%1 segment%2").arg(count).arg(count == 1 ? "" : "s"));
    EXPECT_EQ(dialog->nameEdit()->text().toStdString(), used);
    EXPECT_FALSE(dialog->applyButton()->isEnabled()) << "nothing changed yet";
}

TEST_F(TaxonomyDialogFixture, ARenameShowsUpOnExistingSegmentsAndUndoRestoresTheStoreExactly) {
    const StoreState before = state();
    const annotation::Segment segment = document.segments().front();
    const std::string old = segment.labels.at("action");
    const std::int64_t count = segmentsLabelled(old);
    SegmentEditor editor(document);
    SegmentInspector inspector(document, editor);
    inspector.setSelection({segment.id});

    rename({Kind::Value, 0, valueIndex("action", old)}, QStringLiteral("renamed class"));
    EXPECT_TRUE(dialog->applyButton()->isEnabled());
    EXPECT_EQ(segmentsLabelled(old), count) << "nothing is written before Apply";
    dialog->applyButton()->click();
    EXPECT_EQ(dialog->messageLabel()->text(), QStringLiteral("Applied. Edit > Undo takes it back."));

    EXPECT_EQ(segmentsLabelled(old), 0);
    EXPECT_EQ(segmentsLabelled("renamed class"), count);
    EXPECT_EQ(document.segment(segment.id)->labels.at("action"), "renamed class") << "the document's cache was reloaded";
    ASSERT_NE(inspector.actionList()->currentItem(), nullptr);
    EXPECT_EQ(inspector.actionList()->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("renamed class"));
    EXPECT_TRUE(segmentLabelIssues(document.taxonomy(), *document.segment(segment.id)).empty());
    EXPECT_EQ(document.undoStack().count(), 1);
    EXPECT_EQ(document.undoStack().text(0).toStdString(), "Taxonomy: rename action '" + old + "' to 'renamed class'");

    const StoreState after = state();
    document.undoStack().undo();
    EXPECT_EQ(state(), before);
    EXPECT_EQ(inspector.actionList()->currentItem()->data(Qt::UserRole).toString().toStdString(), old);
    document.undoStack().redo();
    EXPECT_EQ(state(), after);
}

TEST_F(TaxonomyDialogFixture, DeletingAClassInUseAsksAndRelabelsItsSegments) {
    const StoreState before = state();
    const std::string doomed = document.segments().front().labels.at("action");
    const std::int64_t count = segmentsLabelled(doomed);
    const size_t index = valueIndex("action", doomed);
    // Relabel to the first other class.
    const std::string target = dialog->draft().taxonomy().tasks[0].values[index == 0 ? 1 : 0].name;
    const std::int64_t targetCount = segmentsLabelled(target);
    LabelRemovalQuestion asked;
    dialog->setRemovalPrompt([&](const LabelRemovalQuestion& question) {
        asked = question;
        return std::optional<LabelRemovalChoice>(LabelRemovalChoice{0});
    });
    dialog->select({Kind::Value, 0, index});
    dialog->removeSelected();
    EXPECT_TRUE(asked.message.startsWith(QStringLiteral("%1 segment").arg(count))) << asked.message.toStdString();
    ASSERT_FALSE(asked.relabelTargets.isEmpty());
    EXPECT_EQ(asked.relabelTargets.front().toStdString(), target);
    EXPECT_FALSE(asked.relabelTargets.contains(QString::fromStdString(doomed)));
    EXPECT_EQ(dialog->applyChanges(), QString());

    EXPECT_EQ(document.taxonomy().actionTask()->findValue(doomed), nullptr);
    EXPECT_EQ(segmentsLabelled(doomed), 0);
    EXPECT_EQ(segmentsLabelled(target), targetCount + count);
    document.undoStack().undo();
    EXPECT_EQ(state(), before);
}

TEST_F(TaxonomyDialogFixture, DeletingAClassInUseCanClearTheLabelsOrBeCancelled) {
    const StoreState before = state();
    const std::string doomed = document.segments().front().labels.at("action");
    const std::int64_t count = segmentsLabelled(doomed);
    dialog->setRemovalPrompt([](const LabelRemovalQuestion&) { return std::optional<LabelRemovalChoice>(); });
    dialog->select({Kind::Value, 0, valueIndex("action", doomed)});
    dialog->removeSelected();
    EXPECT_NE(dialog->draft().taxonomy().actionTask()->findValue(doomed), nullptr) << "cancelled";
    EXPECT_FALSE(dialog->applyButton()->isEnabled());

    dialog->setRemovalPrompt([](const LabelRemovalQuestion&) { return std::optional<LabelRemovalChoice>(LabelRemovalChoice{-1}); });
    dialog->removeSelected();
    ASSERT_EQ(dialog->applyChanges(), QString());
    EXPECT_EQ(segmentsLabelled(doomed), 0);
    std::int64_t unlabelled = 0;
    for (const auto& s : state().segments) unlabelled += !s.labels.count("action");
    EXPECT_EQ(unlabelled, count);
    document.undoStack().undo();
    EXPECT_EQ(state(), before);
}

TEST_F(TaxonomyDialogFixture, HotkeyConflictsAreRefusedWithAMessage) {
    const auto& values = dialog->draft().taxonomy().tasks[0].values;
    ASSERT_GE(values.size(), 2u);
    ASSERT_FALSE(values[1].hotkey.empty());
    const std::string before = values[0].hotkey;
    dialog->select({Kind::Value, 0, 0});
    dialog->hotkeyEdit()->setText(QString::fromStdString(values[1].hotkey));
    Q_EMIT dialog->hotkeyEdit()->textEdited(dialog->hotkeyEdit()->text());
    EXPECT_TRUE(dialog->messageLabel()->text().contains(QStringLiteral("is already the hotkey of '%1'").arg(QString::fromStdString(values[1].name))))
        << dialog->messageLabel()->text().toStdString();
    EXPECT_EQ(dialog->draft().taxonomy().tasks[0].values[0].hotkey, before);
    EXPECT_EQ(dialog->hotkeyEdit()->text().toStdString(), before) << "the field shows the key kept";
    dialog->hotkeyEdit()->setText(QStringLiteral("J"));
    Q_EMIT dialog->hotkeyEdit()->textEdited(QStringLiteral("J"));
    EXPECT_TRUE(dialog->messageLabel()->text().contains(QStringLiteral("program's own key for Playback: Shuttle backward")));
    dialog->hotkeyEdit()->setText(QStringLiteral("%"));
    Q_EMIT dialog->hotkeyEdit()->textEdited(QStringLiteral("%"));
    EXPECT_EQ(dialog->draft().taxonomy().tasks[0].values[0].hotkey, "%");
    ASSERT_EQ(dialog->applyChanges(), QString());
    EXPECT_EQ(document.taxonomy().tasks[0].values[0].hotkey, "%");
}

TEST_F(TaxonomyDialogFixture, AMalformedImportSaysWhatAndWhereAndChangesNothing) {
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    {
        QFile f(broken);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("{\n  \"name\": \"x\",\n  \"tasks\": [ {\"name\": \"action\",, } ]\n}\n");
    }
    const QString error = dialog->importFile(broken);
    EXPECT_TRUE(error.contains(QStringLiteral("broken.json"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("line 3"))) << error.toStdString();
    EXPECT_EQ(dialog->messageLabel()->text(), error);
    EXPECT_EQ(dialog->draft().taxonomy(), document.taxonomy());

    const QString wrongField = dir.filePath(QStringLiteral("wrong.json"));
    {
        QFile f(wrongField);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "x", "tasks": [{"name": "action", "kind": "action", "groups": [{"name": "g"}],
                   "classes": [{"name": "a", "group": "h"}]}]})");
    }
    const QString fieldError = dialog->importFile(wrongField);
    EXPECT_TRUE(fieldError.contains(QStringLiteral("tasks[0].classes[0].group: 'h' is not one of the task's groups"))) << fieldError.toStdString();
    EXPECT_FALSE(dialog->applyButton()->isEnabled());
}

TEST_F(TaxonomyDialogFixture, ExportThenImportRoundTripsAndImportClearsOnlyWhatItLacks) {
    rename({Kind::Task, 1, 0}, QStringLiteral("camera"));
    const QString path = dir.filePath(QStringLiteral("out.json"));
    ASSERT_EQ(dialog->exportFile(path), QString());
    auto read = annotation::loadTaxonomyFile(path.toStdString());
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_EQ(read.value(), dialog->draft().taxonomy());

    // A fresh dialog imports it: the viewpoint labels are cleared (asked), the actions kept.
    TaxonomyEditorDialog fresh(document, {});
    int asked = 0;
    fresh.setRemovalPrompt([&](const LabelRemovalQuestion&) {
        ++asked;
        return std::optional<LabelRemovalChoice>(LabelRemovalChoice{-1});
    });
    ASSERT_EQ(fresh.importFile(path), QString());
    EXPECT_EQ(asked, 1);
    ASSERT_EQ(fresh.applyChanges(), QString());
    for (const auto& s : state().segments) {
        EXPECT_FALSE(s.labels.count("viewpoint"));
        EXPECT_FALSE(s.labels.count("camera"));
    }
    EXPECT_EQ(document.taxonomy(), read.value());
}

TEST_F(TaxonomyDialogFixture, GroupOnlyLabelsAllowedInTheDialogAreEditableInTheInspector) {
    SegmentEditor editor(document);
    SegmentInspector inspector(document, editor);
    inspector.show();
    EXPECT_FALSE(inspector.groupOnlyBox()->isVisible()) << "no group allows group-only labels yet";
    const annotation::TaskDefinition& action = *document.taxonomy().actionTask();
    const std::string group = action.groups.front().name;
    dialog->select({Kind::Group, 0, 0});
    dialog->groupOnlyBox()->click();
    EXPECT_TRUE(dialog->draft().taxonomy().actionTask()->groups.front().allowsGroupOnly);
    ASSERT_EQ(dialog->applyChanges(), QString());

    const annotation::Segment segment = document.segments().front();
    inspector.setSelection({segment.id});
    ASSERT_TRUE(inspector.groupOnlyBox()->isVisible());
    ASSERT_EQ(inspector.groupOnlyBox()->count(), 2) << "'(no)' and the one group that allows it";
    inspector.groupOnlyBox()->setCurrentIndex(1);
    Q_EMIT inspector.groupOnlyBox()->activated(1);
    const annotation::Segment stored = document.store().segment(segment.id).value();
    EXPECT_EQ(stored.labels.count("action"), 0u);
    EXPECT_EQ(stored.labels.at(annotation::kGroupOnlyLabelKey), group);
    EXPECT_TRUE(segmentLabelIssues(document.taxonomy(), stored).empty());
    EXPECT_EQ(inspector.groupLabel()->text(), QStringLiteral("Group: %1 (action unclear)").arg(QString::fromStdString(group)));
    // Choosing an action again replaces the group-only label.
    ASSERT_EQ(editor.setLabel({segment.id}, "action", segment.labels.at("action")), QString());
    EXPECT_EQ(document.store().segment(segment.id)->labels, segment.labels);

    // The permission cannot be taken back silently while a segment uses it: the dialog asks.
    ASSERT_EQ(editor.setClassGroup({segment.id}, group), QString());
    TaxonomyEditorDialog again(document, {});
    int asked = 0;
    again.setRemovalPrompt([&](const LabelRemovalQuestion&) {
        ++asked;
        return std::optional<LabelRemovalChoice>();
    });
    again.select({Kind::Group, 0, 0});
    again.groupOnlyBox()->click();
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(again.draft().taxonomy().actionTask()->groups.front().allowsGroupOnly) << "cancelled";
}

TEST(TaxonomyEditorMenu, EditTaxonomyHasAShortcutAndTheWindowKeysAreReserved) {
    MainWindow window;
    QAction* found = nullptr;
    for (QAction* action : window.menuBar()->findChildren<QAction*>())
        if (action->text() == QStringLiteral("&Taxonomy...")) found = action;
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    EXPECT_FALSE(found->isEnabled()) << "no project open";
    const auto keys = TaxonomyEditorDialog::reservedKeysOf(window);
    for (const char* key : {"i", "o", "j", "k", "l", "f"}) EXPECT_TRUE(keys.count(key)) << key;
    EXPECT_FALSE(keys.count("b")) << "Ctrl+B is not the plain key";
}

TEST_F(TaxonomyDialogFixture, ItsPartsAreAllOnScreenWithoutOverlapping) {
    dialog->show();
    dialog->select({Kind::Value, 0, 0});
    QApplication::processEvents();
    const QRect inside = dialog->rect();
    auto rectOf = [&](QWidget* w) { return QRect(w->mapTo(dialog.get(), QPoint(0, 0)), w->size()); };
    const std::vector<QWidget*> parts{dialog->tree(), dialog->nameEdit(), dialog->hotkeyEdit(), dialog->groupBox(),
                                      dialog->messageLabel(), dialog->applyButton()};
    for (QWidget* w : parts) {
        EXPECT_TRUE(w->isVisible()) << w->metaObject()->className();
        EXPECT_TRUE(inside.contains(rectOf(w))) << w->metaObject()->className();
    }
    for (QWidget* field : {static_cast<QWidget*>(dialog->nameEdit()), static_cast<QWidget*>(dialog->groupBox())})
        EXPECT_FALSE(rectOf(dialog->tree()).intersects(rectOf(field)));
    EXPECT_FALSE(rectOf(dialog->messageLabel()).intersects(rectOf(dialog->applyButton())));
    EXPECT_GE(dialog->nameEdit()->width(), 150) << "room for a class name";
    // For looking at it: ACTIONLENS_SCREENSHOT_DIR=/tmp xvfb-run ... ui_tests --gtest_filter='*OnScreen*'
    if (const QByteArray out = qgetenv("ACTIONLENS_SCREENSHOT_DIR"); !out.isEmpty()) {
        EXPECT_TRUE(dialog->grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/taxonomy_editor.png")));
    }
}

TEST_F(TaxonomyDialogFixture, TheTreeShowsTheProjectsKeyAndNotesTheUsersOwn) {
    QSettings().remove(QStringLiteral("hotkeys"));
    document.hotkeys().reload();
    ASSERT_TRUE(document.hotkeys().setUserKey(document.taxonomy(), {}, QStringLiteral("golf_swing"), QStringLiteral("g")).ok());
    TaxonomyEditorDialog withUserKey(document, {});
    withUserKey.select({Kind::Value, 0, valueIndex("action", "golf_swing")});
    ASSERT_NE(withUserKey.tree()->currentItem(), nullptr);
    EXPECT_EQ(withUserKey.tree()->currentItem()->text(1), QStringLiteral("6 (yours: G)"));
    EXPECT_EQ(withUserKey.hotkeyEdit()->text(), QStringLiteral("6"));  // the project's key is what is edited
    withUserKey.select({Kind::Value, 0, valueIndex("action", "squat")});
    EXPECT_EQ(withUserKey.tree()->currentItem()->text(1), QStringLiteral("W"));
    // Giving another class the user's key is the project's business, but the user hears that
    // their own key wins on this computer.
    withUserKey.hotkeyEdit()->setText(QStringLiteral("g"));
    Q_EMIT withUserKey.hotkeyEdit()->textEdited(QStringLiteral("g"));
    EXPECT_EQ(withUserKey.draft().taxonomy().actionTask()->findValue("squat")->hotkey, "g");
    EXPECT_TRUE(withUserKey.messageLabel()->text().contains(QStringLiteral("your own key for golf_swing")))
        << withUserKey.messageLabel()->text().toStdString();
    document.hotkeys().resetAll(document.taxonomy());
}

TEST_F(TaxonomyDialogFixture, MirroringIsShownAndEditedAndUndoRestoresIt) {
    const StoreState before = state();
    const auto& tasks = dialog->draft().taxonomy().tasks;
    size_t handedness = 0, build = 0;
    for (size_t t = 0; t < tasks.size(); ++t) {
        if (tasks[t].name == "handedness") handedness = t;
        if (tasks[t].name == "build") build = t;
    }
    ASSERT_GT(handedness, 0u);
    QTreeWidgetItem* handednessItem = dialog->tree()->topLevelItem(int(handedness));
    EXPECT_EQ(handednessItem->text(3), QStringLiteral("pairs"));
    EXPECT_EQ(dialog->tree()->topLevelItem(int(build))->text(3), QStringLiteral("no side"));

    // "left"'s mirror image is "right": shown in the tree and the panel.
    const size_t left = valueIndex("handedness", "left");
    dialog->select({Kind::Value, handedness, left});
    EXPECT_EQ(dialog->tree()->currentItem()->text(3), QStringLiteral("<-> right"));
    EXPECT_TRUE(dialog->mirrorBox()->isVisibleTo(dialog.get()));
    EXPECT_EQ(dialog->mirrorBox()->currentText(), QStringLiteral("right"));

    // Making "left" its own image leaves the task undeclared, which the panel explains.
    dialog->mirrorBox()->setCurrentIndex(0);
    Q_EMIT dialog->mirrorBox()->activated(0);
    EXPECT_TRUE(dialog->tree()->currentItem()->text(3).isEmpty());
    EXPECT_EQ(dialog->draft().taxonomy().tasks[handedness].mirrorOf("right"), "right") << "the pair is undone both ways";
    EXPECT_EQ(dialog->tree()->topLevelItem(int(handedness))->text(3), QStringLiteral("not declared"));
    dialog->select({Kind::Task, handedness, 0});
    EXPECT_TRUE(dialog->sideFreeBox()->isVisibleTo(dialog.get()));
    EXPECT_FALSE(dialog->sideFreeBox()->isChecked());

    // Ticking "No side" declares it; Apply writes it as one undoable step.
    dialog->sideFreeBox()->click();
    EXPECT_EQ(dialog->tree()->topLevelItem(int(handedness))->text(3), QStringLiteral("no side"));
    dialog->applyButton()->click();
    EXPECT_TRUE(document.store().taxonomy().findTask("handedness")->sideFree);
    EXPECT_TRUE(document.taxonomy().findTask("handedness")->mirrorDeclared());
    document.undoStack().undo();
    EXPECT_EQ(state(), before);
    EXPECT_EQ(document.store().taxonomy().findTask("handedness")->mirrorOf("left"), "right");
}
