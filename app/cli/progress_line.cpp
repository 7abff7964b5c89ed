#include "app/cli/progress_line.h"

#include <cstdio>

#include <unistd.h>

namespace actionlens::cli {

ProgressLine::ProgressLine(QString label) : label_(std::move(label)), terminal_(isatty(STDERR_FILENO) != 0) {
    sinceDraw_.start();
    sinceStart_.start();
}

namespace {

// "ETA 1m05s" from the time taken so far; empty until there is a rate to extrapolate.
QString eta(std::int64_t done, std::int64_t total, qint64 elapsedMs) {
    if (done <= 0 || done >= total || elapsedMs < 1000) return QString();
    const qint64 seconds = elapsedMs * (total - done) / done / 1000;
    if (seconds >= 3600) return QStringLiteral("  ETA %1h%2m").arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("  ETA %1m%2s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

void ProgressLine::update(std::int64_t done, std::int64_t total) {
    const int percent = total > 0 ? static_cast<int>(100 * done / total) : 0;
    if (terminal_) {
        if (done != total && sinceDraw_.elapsed() < 100) return;  // ten redraws a second are plenty
        sinceDraw_.restart();
        if (total > 0) {
            std::fprintf(stderr, "\r%s  %lld/%lld  %d%%%s  ", qPrintable(label_), static_cast<long long>(done),
                         static_cast<long long>(total), percent, qPrintable(eta(done, total, sinceStart_.elapsed())));
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
