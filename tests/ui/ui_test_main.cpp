// GoogleTest main with a QApplication: widgets need one. Run with QT_QPA_PLATFORM=offscreen
// (CTest sets it) so no display is needed. Settings and data go to Qt's test locations, never
// to the user's.

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ActionLensTests"));
    QApplication::setApplicationName(QStringLiteral("ui_tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
