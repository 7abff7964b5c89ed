// GoogleTest main with a QApplication: widgets need one. Run with QT_QPA_PLATFORM=offscreen
// (CTest sets it) so no display is needed.

#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
