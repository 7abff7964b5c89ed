// Test main for core/pose: two LibTorch threads, as in CI (2 cores); the reference outputs were
// made on one thread and the tolerances cover the kernel choice of either (reference.json,
// protocol.numerics). A QCoreApplication for the project store's SQLite driver (Qt Sql loads
// it through the plugin loader).

#include "core/pose/tflite_graph.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    actionlens::pose::setInferenceThreads(2);
    return RUN_ALL_TESTS();
}
