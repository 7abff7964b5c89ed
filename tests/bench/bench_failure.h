#pragma once

// How the benchmarks give up: one line on stderr, "PROGRAM: what went wrong", and exit status 1
// (a benchmark that cannot measure has nothing to report; CTest's smoke runs see the status).

#include "core/common/result.h"

#include <cstdio>
#include <cstdlib>
#include <errno.h>  // program_invocation_short_name (glibc)
#include <string>
#include <utility>

namespace actionlens::bench {

[[noreturn]] inline void die(const std::string& message) {
    std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, message.c_str());
    std::exit(1);
}

// The value of `result`, or die naming `what` failed.
template <typename T>
T need(Result<T> result, const std::string& what) {
    if (!result.ok()) die(what + ": " + result.error());
    return std::move(result).value();
}

inline void need(const Status& status, const std::string& what) {
    if (!status.ok()) die(what + ": " + status.error());
}

}  // namespace actionlens::bench
