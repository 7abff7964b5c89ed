// The child process of ProjectSnapshot's kill test (project_snapshot_kill_test.cpp): restores
// two copies into a project in turn, printing which one after each restore has committed,
// until it is killed or has done ROUNDS restores.
//
//   annotation_snapshot_restorer PROJECT COPY_A COPY_B ROUNDS

#include "core/annotation/project_snapshot.h"
#include "core/annotation/project_store.h"

#include <QCoreApplication>

#include <cstdio>
#include <string>

using namespace actionlens::annotation;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: annotation_snapshot_restorer PROJECT COPY_A COPY_B ROUNDS\n");
        return 2;
    }
    auto store = ProjectStore::open(argv[1]);
    if (!store.ok()) {
        std::fprintf(stderr, "%s\n", store.error().c_str());
        return 1;
    }
    const ProjectSnapshot copies[] = {ProjectSnapshot::inFile(argv[2]), ProjectSnapshot::inFile(argv[3])};
    const int rounds = std::stoi(argv[4]);
    for (int i = 0; i < rounds; ++i) {
        if (auto restored = copies[i % 2].restoreInto(*store.value()); !restored.ok()) {
            std::fprintf(stderr, "%s\n", restored.error().c_str());
            return 1;
        }
        std::printf("%c\n", i % 2 == 0 ? 'A' : 'B');
        std::fflush(stdout);
    }
    return 0;
}
