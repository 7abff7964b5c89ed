#pragma once

// Tests that need material outside the repository (the BlazePose models from npm, OpenCV's
// vtest.avi from Debian's opencv-doc) skip with the reason when it is missing, so a developer
// without it still gets a green suite. In CI they must not: packaging/run-tests.sh installs the
// material (or stops saying it could not) and sets ACTIONLENS_TESTS_REQUIRE_DATA=1, under which
// a test that would skip for missing material fails instead, with the same reason.
//
//   if (!installed) ACTIONLENS_SKIP_UNLESS_REQUIRED(reason);   // skips, or fails in CI

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

namespace actionlens::testing {

inline bool testDataRequired() {
    const char* value = std::getenv("ACTIONLENS_TESTS_REQUIRE_DATA");
    return value && *value && std::strcmp(value, "0") != 0;
}

}  // namespace actionlens::testing

// Returns from the test body (as GTEST_SKIP does) either way.
#define ACTIONLENS_SKIP_UNLESS_REQUIRED(reason)                                                                       \
    do {                                                                                                            \
        if (::actionlens::testing::testDataRequired())                                                              \
            GTEST_FAIL() << (reason)                                                                                \
                         << " [ACTIONLENS_TESTS_REQUIRE_DATA is set (packaging/run-tests.sh): a skip is a failure]"; \
        GTEST_SKIP() << (reason);                                                                                   \
    } while (0)
