#pragma once

// ProgressLine: progress of long work on stderr. On a terminal one line redraws itself
// ("importing  120/1258  9%  ETA 1m05s"); in a log it prints a line at every tenth of the work.

#include <QElapsedTimer>
#include <QString>

#include <cstdint>

namespace actionlens::cli {

class ProgressLine {
public:
    explicit ProgressLine(QString label);
    void update(std::int64_t done, std::int64_t total);
    void interrupt();  // before printing something else on stderr
    void finish();     // ends the line

private:
    QString label_;
    bool terminal_;
    bool drawn_ = false;
    int lastTenth_ = -1;
    QElapsedTimer sinceDraw_;
    QElapsedTimer sinceStart_;  // for the ETA: the rate so far, extrapolated
};

}  // namespace actionlens::cli
