#include "tests/support/crash_report.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <execinfo.h>
#include <initializer_list>
#include <unistd.h>

namespace actionlens::test {
namespace {

void writeText(const char* text) {
    // write(2) only: the handler may run with the heap or stdio in any state.
    ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
    (void)ignored;
}

void onFatalSignal(int signal) {
    writeText("\n*** test binary died from signal ");
    writeText(strsignal(signal));
    writeText("; stack (addr2line -f -C -e BINARY OFFSET names the lines):\n");
    void* frames[64];
    const int count = ::backtrace(frames, 64);
    ::backtrace_symbols_fd(frames, count, STDERR_FILENO);
    // Die as the signal would have: the default action, re-raised.
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

}  // namespace

void installCrashReport() {
    // backtrace() loads libgcc on first use, which must not happen inside the handler.
    void* warmUp[1];
    ::backtrace(warmUp, 1);
    for (int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(signal, onFatalSignal);
}

void reportTestsFinished(int result) {
    std::fprintf(stderr, "*** every test ran (result %d); anything after this happens at exit\n", result);
    std::fflush(stderr);
}

}  // namespace actionlens::test
