// HotkeyEdit: Tab/Shift+Tab move the focus and Esc reaches the dialog; other keys are recorded.

#include "ui/dialogs/hotkey_edit.h"

#include <QDialog>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <gtest/gtest.h>

using actionlens::ui::HotkeyEdit;

TEST(HotkeyEdit, TabMovesOnEscClosesTheDialogOtherKeysAreRecorded) {
    QDialog dialog;
    auto* first = new HotkeyEdit(&dialog);
    auto* second = new HotkeyEdit(&dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(first);
    layout->addWidget(second);
    dialog.show();
    dialog.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&dialog));

    first->setFocus();
    ASSERT_TRUE(first->hasFocus());
    QTest::keyClick(first, Qt::Key_Tab);
    EXPECT_TRUE(second->hasFocus());
    EXPECT_TRUE(first->keySequence().isEmpty()) << "Tab was recorded as a key";
    QTest::keyClick(second, Qt::Key_Backtab, Qt::ShiftModifier);
    EXPECT_TRUE(first->hasFocus());
    EXPECT_TRUE(second->keySequence().isEmpty());

    QTest::keyClick(first, Qt::Key_G);
    EXPECT_EQ(first->keySequence(), QKeySequence(Qt::Key_G));

    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClick(second, Qt::Key_Escape);
    EXPECT_EQ(rejected.count(), 1) << "Esc did not reach the dialog";
    EXPECT_TRUE(second->keySequence().isEmpty()) << "Esc was recorded as a key";
}
