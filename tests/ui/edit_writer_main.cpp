// ui_edit_writer PROJECT VIDEO_ID SUBJECT_ID COUNT: makes COUNT segment edits through the GUI's
// own edit path (SegmentEditor -> SegmentChangeCommand -> one store transaction each) and prints
// one line per edit once it is done: "seg ID FIRST LAST ACTION", the segment's state after it.
// The kill test (edit_durability_test.cpp) kills this process part-way and checks that every
// edit it printed is in the reopened project.

#include "ui/document/project_document.h"
#include "ui/editing/segment_editor.h"

#include <QCoreApplication>

#include <cstdio>

using namespace actionlens;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: ui_edit_writer PROJECT VIDEO_ID SUBJECT_ID COUNT\n");
        return 2;
    }
    ui::ProjectDocument document;
    if (QString error = document.open(QString::fromLocal8Bit(argv[1])); !error.isEmpty()) {
        std::fprintf(stderr, "ui_edit_writer: %s\n", qPrintable(error));
        return 1;
    }
    document.setCurrentVideo(std::atoll(argv[2]));
    const std::int64_t subject = std::atoll(argv[3]);
    const int count = std::atoi(argv[4]);
    ui::SegmentEditor editor(document);
    const char* actions[] = {"bowl", "squat", "pullup", "situp"};
    std::int64_t previous = 0;
    for (int i = 0; i < count; ++i) {
        // Two creations, then a boundary move of the last one: both kinds of transaction.
        const std::int64_t first = 10 * i;
        QString error;
        std::int64_t id = 0;
        std::int64_t last = first + 5;
        std::string action = actions[i % 4];
        if (i % 3 == 2 && previous != 0) {
            const annotation::Segment* s = document.segment(previous);
            id = previous;
            last = s->firstFrame + 8;
            action = s->labels.at("action");
            error = editor.setBounds(previous, s->firstFrame, last);
            std::printf("seg %lld %lld %lld %s\n", (long long)id, (long long)s->firstFrame, (long long)last, action.c_str());
        } else {
            error = editor.create(subject, first, last, {{"action", action}});
            if (error.isEmpty()) id = editor.lastAddedIds().front();
            std::printf("seg %lld %lld %lld %s\n", (long long)id, (long long)first, (long long)last, action.c_str());
        }
        if (!error.isEmpty()) {
            std::fprintf(stderr, "ui_edit_writer: edit %d: %s\n", i, qPrintable(error));
            return 1;
        }
        std::fflush(stdout);
        previous = id;
    }
    // Done: wait to be killed (or for stdin to close), so that a slow test still kills a live
    // writer rather than racing its exit.
    std::getchar();
    return 0;
}
