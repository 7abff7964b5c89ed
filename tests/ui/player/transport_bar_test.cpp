// TransportBar: the go-to-frame box, rate and timecode follow and drive the player.

#include "ui/player/player_controller.h"
#include "ui/player/transport_bar.h"

#include "tests/support/test_videos.h"
#include "ui_test_wait.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(FormatTimecode, HoursMinutesSecondsMilliseconds) {
    EXPECT_EQ(formatTimecode(0), QStringLiteral("00:00:00.000"));
    EXPECT_EQ(formatTimecode(62.48), QStringLiteral("00:01:02.480"));
    EXPECT_EQ(formatTimecode(3725.0005), QStringLiteral("01:02:05.001"));
    EXPECT_EQ(formatTimecode(-1), QStringLiteral("00:00:00.000"));
}

TEST(TransportBar, FrameBoxSeeksAndFollowsThePlayer) {
    PlayerController player;
    ASSERT_EQ(player.open(QString::fromStdString(fixtures::sharedLongGopVideo())), QString());
    TransportBar bar(player);
    bar.show();
    EXPECT_EQ(bar.frameBox()->maximum(), 599);
    // Typed and confirmed with Return: a seek to that 0-based frame.
    bar.frameBox()->setFocus();
    bar.frameBox()->selectAll();
    QTest::keyClicks(bar.frameBox(), QStringLiteral("250"));
    EXPECT_EQ(player.currentFrame(), 0) << "no seek while typing";
    QTest::keyClick(bar.frameBox(), Qt::Key_Return);
    EXPECT_EQ(player.currentFrame(), 250);
    EXPECT_TRUE(bar.timeLabel()->text().startsWith(QStringLiteral("00:00:10.000 / ")));
    player.step(1);
    EXPECT_EQ(bar.frameBox()->value(), 251);
    EXPECT_TRUE(bar.timeLabel()->text().startsWith(QStringLiteral("00:00:10.040")));
}

TEST(TransportBar, RateBoxAndPlayerRateStayInStep) {
    PlayerController player;
    ASSERT_EQ(player.open(QString::fromStdString(fixtures::sharedLongGopVideo())), QString());
    TransportBar bar(player);
    ASSERT_EQ(bar.rateBox()->count(), int(TransportBar::rates().size()));
    EXPECT_DOUBLE_EQ(TransportBar::rates().front(), 0.25);
    EXPECT_DOUBLE_EQ(TransportBar::rates().back(), 4.0);
    bar.rateBox()->setCurrentIndex(0);
    EXPECT_DOUBLE_EQ(player.rate(), 0.25);
    player.shuttle(+1);
    player.shuttle(+1);  // 2x
    EXPECT_EQ(bar.rateBox()->currentText(), QStringLiteral("2x"));
    player.pause();
}

TEST(TransportBar, LoopIsOfferedOnlyWithASegment) {
    PlayerController player;
    TransportBar bar(player);
    QSignalSpy toggled(&bar, &TransportBar::loopToggled);
    EXPECT_FALSE(bar.loopBox()->isEnabled());
    bar.setLoopAvailable(true);
    bar.loopBox()->setChecked(true);
    EXPECT_EQ(toggled.count(), 1);
    bar.setLoopAvailable(false);
    EXPECT_FALSE(bar.loopBox()->isChecked());
    EXPECT_EQ(toggled.count(), 2);
}
