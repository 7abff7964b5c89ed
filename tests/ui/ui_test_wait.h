#pragma once

// Waiting for asynchronous GUI-thread work with a deadline, while the event loop runs (queued
// signals from the decoder thread are delivered only then).

#include <QDeadlineTimer>
#include <QTest>

namespace actionlens::uitest {

template <typename Predicate>
bool waitUntil(Predicate done, int timeoutMs = 20000) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) return false;
        QTest::qWait(2);
    }
    return true;
}

}  // namespace actionlens::uitest
