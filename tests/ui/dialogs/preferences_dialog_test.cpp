// PreferencesDialog: the open project's actions with the project's and the user's keys, keys
// typed into a row stored in QSettings (conflicts refused with what the key does), Reset, the
// filter, and the overlay settings applied as they change.

#include "ui/dialogs/preferences_dialog.h"
#include "ui/document/project_document.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/video_view.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

struct PreferencesFixture : ::testing::Test {
    void SetUp() override {
        QSettings().remove(QStringLiteral("hotkeys"));
        QSettings().remove(QStringLiteral("overlays"));
        document.hotkeys().reload();
        ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
        skeletons.setCheckable(true);
        skeletons.setChecked(true);
        QObject::connect(&skeletons, &QAction::toggled, [this](bool on) { overlays.setSkeletonsVisible(on); });
        dialog = std::make_unique<PreferencesDialog>(document, std::map<std::string, std::string>{{"j", "Shuttle backward (J)"}},
                                                     QList<QAction*>{&skeletons}, overlays);
        dialog->show();
        dialog->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(dialog.get()));
    }
    void TearDown() override {
        QSettings().remove(QStringLiteral("hotkeys"));
        QSettings().remove(QStringLiteral("overlays"));
    }
    // Types one key into the action's "Your key" field as a user would; the field finishes
    // when the focus leaves it.
    void typeKey(const QString& action, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QKeySequenceEdit* edit = dialog->keyEditOf(action);
        ASSERT_NE(edit, nullptr);
        QSignalSpy finished(edit, &QKeySequenceEdit::editingFinished);
        edit->setFocus();
        QTest::keyClick(edit, key, modifiers);
        dialog->filterEdit()->setFocus();
        // Focus leaving the field finishes it; else its own timer does, a second later.
        ASSERT_TRUE(uitest::waitUntil([&] { return finished.count() > 0; }, 5000));
    }
    QString storedKey(const QString& action) { return QSettings().value(QStringLiteral("hotkeys/") + action).toString(); }

    QTemporaryDir dir;
    ProjectDocument document;
    VideoView view;
    AnnotationOverlays overlays{document, view};
    QAction skeletons{QStringLiteral("&Skeletons")};
    std::unique_ptr<PreferencesDialog> dialog;
};

}  // namespace

TEST_F(PreferencesFixture, ListsTheProjectsActionsWithGroupAndKey) {
    const annotation::TaskDefinition* task = document.taxonomy().actionTask();
    QTableWidget* table = dialog->hotkeyTable();
    ASSERT_EQ(table->rowCount(), int(task->values.size()));
    const int row = dialog->rowOf(QStringLiteral("golf_swing"));
    ASSERT_GE(row, 0);
    EXPECT_EQ(table->item(row, PreferencesDialog::GroupColumn)->text(), QStringLiteral("swing / throw"));
    EXPECT_EQ(table->item(row, PreferencesDialog::ProjectKeyColumn)->text(), QStringLiteral("6"));
    EXPECT_FALSE(table->item(row, PreferencesDialog::ActionColumn)->icon().isNull());  // colour swatch
    EXPECT_TRUE(dialog->keyEditOf(QStringLiteral("golf_swing"))->keySequence().isEmpty());
    EXPECT_FALSE(dialog->resetButtonOf(QStringLiteral("golf_swing"))->isEnabled());
}

TEST_F(PreferencesFixture, AKeyTypedIntoARowIsStoredAndResetRemovesIt) {
    typeKey(QStringLiteral("golf_swing"), Qt::Key_G);
    EXPECT_EQ(storedKey(QStringLiteral("golf_swing")), QStringLiteral("g"));
    EXPECT_EQ(document.hotkeys().hotkeyOf(document.taxonomy(), "action", "golf_swing"), "g");
    EXPECT_EQ(dialog->keyEditOf(QStringLiteral("golf_swing"))->keySequence(), QKeySequence(Qt::Key_G));
    ASSERT_TRUE(dialog->resetButtonOf(QStringLiteral("golf_swing"))->isEnabled());
    // The project's key is no longer the one in use: struck through.
    EXPECT_TRUE(dialog->hotkeyTable()->item(dialog->rowOf(QStringLiteral("golf_swing")), PreferencesDialog::ProjectKeyColumn)->font().strikeOut());

    QTest::mouseClick(dialog->resetButtonOf(QStringLiteral("golf_swing")), Qt::LeftButton);
    EXPECT_FALSE(QSettings().contains(QStringLiteral("hotkeys/golf_swing")));
    EXPECT_EQ(document.hotkeys().hotkeyOf(document.taxonomy(), "action", "golf_swing"), "6");
    EXPECT_TRUE(dialog->keyEditOf(QStringLiteral("golf_swing"))->keySequence().isEmpty());

    EXPECT_EQ(dialog->setUserKey(QStringLiteral("squat"), QStringLiteral("s")), QString());
    EXPECT_EQ(dialog->setUserKey(QStringLiteral("bowl"), QStringLiteral("b")), QString());
    QTest::mouseClick(dialog->resetAllButton(), Qt::LeftButton);
    EXPECT_TRUE(QSettings().allKeys().filter(QStringLiteral("hotkeys/")).isEmpty());
}

TEST_F(PreferencesFixture, AKeyInUseIsRefusedSayingWhatItDoes) {
    typeKey(QStringLiteral("golf_swing"), Qt::Key_3);  // bench_press's key
    EXPECT_FALSE(QSettings().contains(QStringLiteral("hotkeys/golf_swing")));
    EXPECT_TRUE(dialog->messageLabel()->text().contains(QStringLiteral("bench_press"))) << dialog->messageLabel()->text().toStdString();
    EXPECT_TRUE(dialog->keyEditOf(QStringLiteral("golf_swing"))->keySequence().isEmpty());  // back to "none of yours"

    typeKey(QStringLiteral("golf_swing"), Qt::Key_Z);  // the front viewpoint's
    EXPECT_TRUE(dialog->messageLabel()->text().contains(QStringLiteral("front")));
    typeKey(QStringLiteral("golf_swing"), Qt::Key_J);  // the window's shuttle key
    EXPECT_TRUE(dialog->messageLabel()->text().contains(QStringLiteral("Shuttle backward")));
    EXPECT_FALSE(QSettings().contains(QStringLiteral("hotkeys/golf_swing")));

    // Chords are the window's.
    typeKey(QStringLiteral("golf_swing"), Qt::Key_G, Qt::ControlModifier);
    EXPECT_TRUE(dialog->messageLabel()->text().contains(QStringLiteral("without Ctrl")));
    EXPECT_FALSE(QSettings().contains(QStringLiteral("hotkeys/golf_swing")));
}

TEST_F(PreferencesFixture, SignKeysShowAsThemselves) {
    typeKey(QStringLiteral("bowl"), Qt::Key_Comma);
    EXPECT_EQ(storedKey(QStringLiteral("bowl")), QStringLiteral(","));
    EXPECT_EQ(dialog->keyEditOf(QStringLiteral("bowl"))->keySequence(), QKeySequence(Qt::Key_Comma));
    EXPECT_EQ(dialog->setUserKey(QStringLiteral("squat"), QStringLiteral("+")), QString());
    EXPECT_EQ(dialog->keyEditOf(QStringLiteral("squat"))->keySequence(), QKeySequence(Qt::Key_Plus));
    EXPECT_EQ(document.hotkeys().hotkeyOf(document.taxonomy(), "action", "squat"), "+");
}

TEST_F(PreferencesFixture, TheFilterShowsMatchingActionsAndGroups) {
    QTest::keyClicks(dialog->filterEdit(), QStringLiteral("golf"));
    QTableWidget* table = dialog->hotkeyTable();
    int shown = 0;
    for (int row = 0; row < table->rowCount(); ++row) shown += table->isRowHidden(row) ? 0 : 1;
    EXPECT_EQ(shown, 1);
    EXPECT_FALSE(table->isRowHidden(dialog->rowOf(QStringLiteral("golf_swing"))));
    dialog->filterEdit()->setText(QStringLiteral("GYM EX"));
    EXPECT_FALSE(table->isRowHidden(dialog->rowOf(QStringLiteral("squat"))));
    EXPECT_TRUE(table->isRowHidden(dialog->rowOf(QStringLiteral("golf_swing"))));
}

TEST_F(PreferencesFixture, OverlaySettingsApplyAsTheyChange) {
    ASSERT_EQ(dialog->overlayBoxes().size(), 1);
    QCheckBox* box = dialog->overlayBoxes().front();
    EXPECT_TRUE(box->text().startsWith(QStringLiteral("Skeletons")));
    EXPECT_TRUE(box->isChecked());
    box->click();
    EXPECT_FALSE(skeletons.isChecked());
    EXPECT_FALSE(overlays.skeletons().showsSkeletons());
    skeletons.setChecked(true);  // from the View menu
    EXPECT_TRUE(box->isChecked());

    dialog->thresholdBox()->setValue(0.55);
    EXPECT_FLOAT_EQ(overlays.skeletons().confidenceThreshold(), 0.55f);
    EXPECT_DOUBLE_EQ(QSettings().value(QStringLiteral("overlays/confidenceThreshold")).toDouble(), 0.55);
    EXPECT_FLOAT_EQ(savedConfidenceThreshold(), 0.55f);
}

TEST_F(PreferencesFixture, ItsPartsAreAllOnScreenWithoutOverlapping) {
    ASSERT_EQ(dialog->setUserKey(QStringLiteral("golf_swing"), QStringLiteral("g")), QString());
    QApplication::processEvents();
    const QRect inside = dialog->rect();
    auto rectOf = [&](QWidget* w) { return QRect(w->mapTo(dialog.get(), QPoint(0, 0)), w->size()); };
    for (QWidget* w : std::vector<QWidget*>{dialog->filterEdit(), dialog->hotkeyTable(), dialog->messageLabel(), dialog->resetAllButton()}) {
        EXPECT_TRUE(w->isVisible()) << w->metaObject()->className();
        EXPECT_TRUE(inside.contains(rectOf(w))) << w->metaObject()->className();
    }
    EXPECT_FALSE(rectOf(dialog->messageLabel()).intersects(rectOf(dialog->resetAllButton())));
    // The key fields and Reset buttons fit their cells: the whole row is readable.
    QTableWidget* table = dialog->hotkeyTable();
    const int row = dialog->rowOf(QStringLiteral("golf_swing"));
    EXPECT_GE(table->columnWidth(PreferencesDialog::UserKeyColumn), dialog->keyEditOf(QStringLiteral("golf_swing"))->minimumSizeHint().width());
    EXPECT_GE(table->columnWidth(PreferencesDialog::ResetColumn), dialog->resetButtonOf(QStringLiteral("golf_swing"))->sizeHint().width());
    EXPECT_GE(table->rowHeight(row), dialog->keyEditOf(QStringLiteral("golf_swing"))->minimumSizeHint().height());
    // For looking at it: ACTIONLENS_SCREENSHOT_DIR=/tmp xvfb-run ... ui_tests --gtest_filter='Preferences*OnScreen*'
    if (const QByteArray out = qgetenv("ACTIONLENS_SCREENSHOT_DIR"); !out.isEmpty()) {
        EXPECT_TRUE(dialog->grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/preferences_hotkeys.png")));
        dialog->showPage(1);
        EXPECT_TRUE(dialog->grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/preferences_overlays.png")));
    }
}

TEST(PreferencesDialog, WithoutAProjectSaysWhereTheActionsComeFrom) {
    ProjectDocument document;
    VideoView view;
    AnnotationOverlays overlays(document, view);
    PreferencesDialog dialog(document, {}, {}, overlays);
    EXPECT_EQ(dialog.hotkeyTable()->rowCount(), 0);
    EXPECT_TRUE(dialog.messageLabel()->text().contains(QStringLiteral("Open a project")));
    EXPECT_FALSE(dialog.resetAllButton()->isEnabled());
}
