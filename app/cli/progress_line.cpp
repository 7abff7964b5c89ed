#include "app/cli/progress_line.h"

#include <cstdio>

#include <unistd.h>

namespace actionlens::cli {

ProgressLine::ProgressLine(QString label) : label_(std::move(label)), terminal_(isatty(STDERR_FILENO) != 0) {
    sinceDraw_.start();
}

void ProgressLine::update(std::int64_t done, std::int64_t total) {
    const int percent = total > 0 ? static_cast<int>(100 * done / total) : 0;
    if (terminal_) {
        if (done != total && sinceDraw_.elapsed() < 100) return;  // ten redraws a second are plenty
        sinceDraw_.restart();
        if (total > 0) {
            std::fprintf(stderr, "\r%s  %lld/%lld  %d%%  ", qPrintable(label_), static_cast<long long>(done),
                         static_cast<long long>(total), percent);
        } else {
            std::fprintf(stderr, "\r%s  %lld  ", qPrintable(label_), static_cast<long long>(done));
        }
        std::fflush(stderr);
        drawn_ = true;
        return;
    }
    const int tenth = percent / 10;
    if (total > 0 && tenth > lastTenth_) {
        lastTenth_ = tenth;
        std::fprintf(stderr, "%s: %lld/%lld (%d%%)\n", qPrintable(label_), static_cast<long long>(done),
                     static_cast<long long>(total), percent);
    }
}

void ProgressLine::interrupt() {
    if (terminal_ && drawn_) {
        std::fputc('\n', stderr);
        drawn_ = false;
    }
}

void ProgressLine::finish() { interrupt(); }

}  // namespace actionlens::cli
