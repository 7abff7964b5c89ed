// The icon set: every icon loads from the resources, is drawn in the palette's text colour, and
// the window's actions get theirs.

#include "ui/style/action_icons.h"

#include "ui/window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QMenuBar>
#include <QPalette>

#include <gtest/gtest.h>

using namespace actionlens::ui;

namespace {

// Pixels that are drawn (not transparent), and how many of them have `colour`.
std::pair<int, int> inkOf(const QImage& image, const QColor& colour) {
    int drawn = 0, inColour = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() < 128) continue;
            ++drawn;
            if (std::abs(c.red() - colour.red()) < 8 && std::abs(c.green() - colour.green()) < 8 && std::abs(c.blue() - colour.blue()) < 8)
                ++inColour;
        }
    return {drawn, inColour};
}

}  // namespace

TEST(ActionIcons, EveryIconIsDrawnInThePaletteTextColourAtMenuSizes) {
    const QColor text = QApplication::palette().color(QPalette::Active, QPalette::WindowText);
    for (int i = int(ActionIcon::Play); i <= int(kLastActionIcon); ++i) {
        const auto icon = static_cast<ActionIcon>(i);
        SCOPED_TRACE(actionIconPath(icon).toStdString());
        const QIcon made = actionIcon(icon);
        ASSERT_FALSE(made.isNull());
        for (int size : {16, 24}) {
            const QImage image = made.pixmap(size, size).toImage().convertToFormat(QImage::Format_ARGB32);
            ASSERT_EQ(image.width(), size);
            const auto [drawn, inColour] = inkOf(image, text);
            EXPECT_GE(drawn, size) << "size " << size;  // a stroke across the icon, not a speck
            if (icon != ActionIcon::MissingFile) {
                EXPECT_GT(inColour, drawn / 2) << "size " << size;
            }
        }
    }
}

TEST(ActionIcons, TheWindowsActionsHaveIcons) {
    MainWindow window;
    QStringList withIcon, expected = {QStringLiteral("Play / pause"), QStringLiteral("Next frame"), QStringLiteral("Mark in"),
                                      QStringLiteral("Split segment at playhead"), QStringLiteral("Merge selected segments"),
                                      QStringLiteral("Delete selected segments"), QStringLiteral("Skeletons"), QStringLiteral("Import..."),
                                      QStringLiteral("Export..."), QStringLiteral("Relink missing videos..."),
                                      QStringLiteral("Show / hide joint"), QStringLiteral("Add skeleton from template"),
                                      QStringLiteral("Mark as keyframe"), QStringLiteral("Interpolate between keyframes"),
                                      QStringLiteral("Copy skeleton from previous frame")};
    for (QAction* action : window.findChildren<QAction*>()) {
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        if (!action->icon().isNull()) withIcon << text;
    }
    for (const QString& name : expected) EXPECT_TRUE(withIcon.contains(name)) << name.toStdString();
    // Undo/redo carry the undo stack's text; they still get their icons.
    int undoRedo = 0;
    for (QAction* action : window.findChildren<QAction*>())
        if ((action->text().startsWith(QStringLiteral("&Undo")) || action->text().startsWith(QStringLiteral("&Redo"))) && !action->icon().isNull())
            ++undoRedo;
    EXPECT_EQ(undoRedo, 2);
}

TEST(ActionIcons, ADarkThemeGetsLightIcons) {
    const QPalette light = QApplication::palette();
    QPalette dark = light;
    dark.setColor(QPalette::Active, QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x70, 0x70));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    QApplication::setPalette(dark);
    const QImage image = actionIcon(ActionIcon::Split).pixmap(24, 24).toImage().convertToFormat(QImage::Format_ARGB32);
    const QImage disabled =
        actionIcon(ActionIcon::Split).pixmap(QSize(24, 24), QIcon::Disabled).toImage().convertToFormat(QImage::Format_ARGB32);
    QApplication::setPalette(light);
    const auto [drawn, inColour] = inkOf(image, QColor(0xe8, 0xe8, 0xe8));
    EXPECT_GT(drawn, 24);
    EXPECT_GT(inColour, drawn / 2);
    const auto [drawnDisabled, inDisabledColour] = inkOf(disabled, QColor(0x70, 0x70, 0x70));
    EXPECT_GT(inDisabledColour, drawnDisabled / 2);
    // Back on the light palette, the light theme's icon again (cached per palette, not stale).
    const auto [drawnLight, inLight] =
        inkOf(actionIcon(ActionIcon::Split).pixmap(24, 24).toImage().convertToFormat(QImage::Format_ARGB32),
              light.color(QPalette::Active, QPalette::WindowText));
    EXPECT_GT(inLight, drawnLight / 2);
}
