// MainWindow's Edit > Preferences...: the dialog's hotkey choices are stored in QSettings and the
// window codes with them at once (keyboard coding, the inspector's action list).

#include "ui/dialogs/preferences_dialog.h"
#include "ui/editing/segment_editor.h"
#include "ui/editing/segment_inspector.h"
#include "ui/player/annotation_overlays.h"
#include "ui/timeline/timeline_widget.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

struct PreferencesWindowFixture : ::testing::Test {
    void SetUp() override {
        QSettings().remove(QStringLiteral("hotkeys"));
        window = std::make_unique<MainWindow>();
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        ASSERT_EQ(window->openProject(uitest::copyOfProject(dir)), QString());
        ASSERT_TRUE(uitest::waitUntil([&] { return window->player().isOpen() && window->view().frame(); }));
        video = window->document().currentVideoId();
        subject = window->timeline().activeSubject();
        ASSERT_NE(subject, 0);
        std::vector<std::int64_t> ids;
        for (const auto& s : window->document().segments())
            if (s.subjectId == subject) ids.push_back(s.id);
        ASSERT_EQ(window->editor().remove(ids), QString());
    }
    void TearDown() override {
        window.reset();
        QSettings().remove(QStringLiteral("hotkeys"));
    }
    std::vector<annotation::Segment> laneInStore() {
        std::vector<annotation::Segment> lane;
        for (const auto& s : window->document().store().segmentsOfVideo(video).value())
            if (s.subjectId == subject) lane.push_back(s);
        return lane;
    }
    QAction* preferencesAction() {
        for (QAction* action : window->findChildren<QAction*>())
            if (action->text() == QStringLiteral("&Preferences...")) return action;
        return nullptr;
    }
    // Opens Edit > Preferences..., lets `work` use the dialog, then closes it.
    void withPreferences(const std::function<void(PreferencesDialog&)>& work) {
        bool ran = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<PreferencesDialog*>(QApplication::activeModalWidget());
            if (dialog) {
                work(*dialog);
                ran = true;
                dialog->reject();
            }
        });
        preferencesAction()->trigger();
        ASSERT_TRUE(ran);
    }

    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
    std::int64_t video = 0;
    std::int64_t subject = 0;
};

}  // namespace

TEST_F(PreferencesWindowFixture, EditPreferencesHasCtrlComma) {
    QAction* action = preferencesAction();
    ASSERT_NE(action, nullptr);
    EXPECT_TRUE(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)) ||
                action->shortcuts().contains(QKeySequence(QKeySequence::Preferences)));
}

TEST_F(PreferencesWindowFixture, AKeyChosenInTheDialogIsStoredAndCodesAtOnce) {
    withPreferences([&](PreferencesDialog& dialog) {
        EXPECT_EQ(dialog.setUserKey(QStringLiteral("golf_swing"), QStringLiteral("g")), QString());
        // The window's own keys are refused: F fits the video to the window.
        EXPECT_NE(dialog.setUserKey(QStringLiteral("bowl"), QStringLiteral("f")), QString());
    });
    EXPECT_EQ(QSettings().value(QStringLiteral("hotkeys/golf_swing")).toString(), QStringLiteral("g"));
    EXPECT_FALSE(QSettings().contains(QStringLiteral("hotkeys/bowl")));

    // The inspector lists the key in use.
    bool listed = false;
    QListWidget* list = window->segmentInspector().actionList();
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == QStringLiteral("golf_swing")) listed = list->item(i)->text().endsWith(QStringLiteral("[g]"));
    EXPECT_TRUE(listed);

    // Marks, then the user's key: a golf_swing segment. The project's key no longer codes it.
    window->setMarkIn(20);
    window->setMarkOut(35);
    QTest::keyClick(&window->view(), Qt::Key_6);
    EXPECT_TRUE(laneInStore().empty());
    QTest::keyClick(&window->view(), Qt::Key_G);
    auto lane = laneInStore();
    ASSERT_EQ(lane.size(), 1u);
    EXPECT_EQ(lane[0].firstFrame, 20);
    EXPECT_EQ(lane[0].lastFrame, 35);
    EXPECT_EQ(lane[0].labels.at("action"), "golf_swing");
}

TEST_F(PreferencesWindowFixture, HoldingTheUsersKeyWhilePlayingCodesASegment) {
    withPreferences([&](PreferencesDialog& dialog) { EXPECT_EQ(dialog.setUserKey(QStringLiteral("squat"), QStringLiteral("s")), QString()); });
    window->player().seek(5);
    ASSERT_TRUE(uitest::waitUntil([&] { return window->view().frame() && window->view().frame()->index == 5; }));
    window->player().play();
    ASSERT_TRUE(uitest::waitUntil([&] { return window->player().currentFrame() >= 8; }));
    QTest::keyPress(&window->view(), Qt::Key_S, Qt::NoModifier);
    const int pressed = window->player().currentFrame();
    ASSERT_TRUE(uitest::waitUntil([&] { return window->player().currentFrame() >= pressed + 6; }));
    QTest::keyRelease(&window->view(), Qt::Key_S, Qt::NoModifier);
    const int released = window->player().currentFrame();
    window->player().pause();

    const auto lane = laneInStore();
    ASSERT_EQ(lane.size(), 1u);
    EXPECT_EQ(lane[0].firstFrame, pressed);
    EXPECT_EQ(lane[0].lastFrame, released);
    EXPECT_EQ(lane[0].labels.at("action"), "squat");
}

TEST_F(PreferencesWindowFixture, ResetInTheDialogGivesTheProjectsKeyBack) {
    withPreferences([&](PreferencesDialog& dialog) { EXPECT_EQ(dialog.setUserKey(QStringLiteral("golf_swing"), QStringLiteral("g")), QString()); });
    withPreferences([&](PreferencesDialog& dialog) {
        ASSERT_NE(dialog.resetButtonOf(QStringLiteral("golf_swing")), nullptr);
        dialog.resetButtonOf(QStringLiteral("golf_swing"))->click();
    });
    EXPECT_FALSE(QSettings().contains(QStringLiteral("hotkeys/golf_swing")));
    window->setMarkIn(20);
    window->setMarkOut(35);
    QTest::keyClick(&window->view(), Qt::Key_G);
    EXPECT_TRUE(laneInStore().empty());
    QTest::keyClick(&window->view(), Qt::Key_6);
    ASSERT_EQ(laneInStore().size(), 1u);
    EXPECT_EQ(laneInStore()[0].labels.at("action"), "golf_swing");
}

TEST_F(PreferencesWindowFixture, ShiftWithTheLetterOfAUsersKeyStillSwitchesTheOverlay) {
    // S codes squat now; Shift+S stays the View menu's Skeletons switch.
    withPreferences([&](PreferencesDialog& dialog) { EXPECT_EQ(dialog.setUserKey(QStringLiteral("squat"), QStringLiteral("s")), QString()); });
    QAction* skeletons = nullptr;
    for (QAction* action : window->findChildren<QAction*>())
        if (action->text() == QStringLiteral("&Skeletons")) skeletons = action;
    ASSERT_NE(skeletons, nullptr);
    const bool before = skeletons->isChecked();
    window->setMarkIn(20);
    window->setMarkOut(35);
    window->activateWindow();  // window shortcuts need the active window (the dialog had it)
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    window->view().setFocus();
    QTest::keyClick(&window->view(), Qt::Key_S, Qt::ShiftModifier);
    EXPECT_NE(skeletons->isChecked(), before);
    EXPECT_TRUE(laneInStore().empty());
    QTest::keyClick(&window->view(), Qt::Key_S);
    ASSERT_EQ(laneInStore().size(), 1u);
    EXPECT_EQ(laneInStore()[0].labels.at("action"), "squat");
    skeletons->setChecked(before);
}

TEST_F(PreferencesWindowFixture, TheOverlaysPageSwitchesTheViewMenusOverlaysAndTheThreshold) {
    QAction* boxes = nullptr;
    for (QAction* action : window->findChildren<QAction*>())
        if (action->text() == QStringLiteral("&Boxes and names")) boxes = action;
    ASSERT_NE(boxes, nullptr);
    const bool before = boxes->isChecked();
    withPreferences([&](PreferencesDialog& dialog) {
        ASSERT_EQ(dialog.overlayBoxes().size(), 3);  // skeletons, boxes and names, segment labels
        QCheckBox* box = dialog.overlayBoxes()[1];
        EXPECT_TRUE(box->text().startsWith(QStringLiteral("Boxes and names")));
        EXPECT_EQ(box->isChecked(), before);
        box->click();
        EXPECT_EQ(window->overlays().skeletons().showsBoxes(), !before);
        dialog.thresholdBox()->setValue(0.35);
        EXPECT_FLOAT_EQ(window->overlays().skeletons().confidenceThreshold(), 0.35f);
        if (const QByteArray out = qgetenv("ACTIONLENS_SCREENSHOT_DIR"); !out.isEmpty()) {
            dialog.showPage(1);
            EXPECT_TRUE(dialog.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/preferences_window_overlays.png")));
        }
    });
    EXPECT_EQ(boxes->isChecked(), !before);
    EXPECT_EQ(QSettings().value(QStringLiteral("overlays/boxes")).toBool(), !before);
    // The next window starts with the saved threshold.
    window.reset();
    MainWindow next;
    EXPECT_FLOAT_EQ(next.overlays().skeletons().confidenceThreshold(), 0.35f);
    QSettings().remove(QStringLiteral("overlays"));
}
