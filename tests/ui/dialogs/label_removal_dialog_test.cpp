// LabelRemovalDialog: relabel to the chosen target, clear, or (with no target) clear only.

#include "ui/dialogs/label_removal_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QRadioButton>

#include <gtest/gtest.h>

using namespace actionlens::ui;

namespace {
LabelRemovalQuestion question(QStringList targets) {
    return {QStringLiteral("Remove class 'squat'"), QStringLiteral("12 segments labelled 'squat' (action). What should they say instead?"),
            std::move(targets), QStringLiteral("Clear their 'action' label")};
}
}  // namespace

TEST(LabelRemovalDialog, RelabelsToTheChosenTargetByDefaultOrClears) {
    LabelRemovalDialog dialog(question({QStringLiteral("situp"), QStringLiteral("pushup")}));
    EXPECT_TRUE(dialog.relabelButton()->isChecked());
    EXPECT_EQ(dialog.choice().relabelTo, 0);
    dialog.targetBox()->setCurrentIndex(1);
    EXPECT_EQ(dialog.choice().relabelTo, 1);
    dialog.clearButton()->setChecked(true);
    EXPECT_EQ(dialog.choice().relabelTo, -1);
    EXPECT_FALSE(dialog.targetBox()->isEnabled());
    // Picking a target (as a user's click does: current index, then activated) selects relabelling again.
    dialog.targetBox()->setCurrentIndex(0);
    Q_EMIT dialog.targetBox()->activated(0);
    EXPECT_TRUE(dialog.relabelButton()->isChecked());
    EXPECT_EQ(dialog.choice().relabelTo, 0);
    dialog.show();
    QApplication::processEvents();
    if (const QByteArray out = qgetenv("ACTIONLENS_SCREENSHOT_DIR"); !out.isEmpty())
        EXPECT_TRUE(dialog.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/label_removal.png")));
}

TEST(LabelRemovalDialog, WithoutTargetsOnlyClearingIsOffered) {
    LabelRemovalDialog dialog(question({}));
    EXPECT_FALSE(dialog.relabelButton()->isEnabled());
    EXPECT_TRUE(dialog.clearButton()->isChecked());
    EXPECT_EQ(dialog.choice().relabelTo, -1);
}
