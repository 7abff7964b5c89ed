#!/usr/bin/env bash
# Installs, builds and runs the whole test suite (CTest over GoogleTest).
#
# The pose tests need material that is not in the repository: the BlazePose models (npm,
# install-pose-models.sh) and OpenCV's vtest.avi (Debian's opencv-doc, install-test-footage.sh).
# install-deps.sh only warns when they cannot be installed (the app runs without them); here they
# are required: this script stops, saying which could not be installed, and the suite runs with
# ACTIONLENS_TESTS_REQUIRE_DATA=1, under which a test that would skip for missing material fails
# (tests/support/required_test_data.h). ACTIONLENS_TESTS_REQUIRE_DATA=0 runs without them (skips).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
if [ "${ACTIONLENS_TESTS_REQUIRE_DATA:-1}" != 0 ]; then
  ./packaging/install-pose-models.sh ||
    { echo "run-tests: the BlazePose models could not be installed (packaging/install-pose-models.sh, above); the pose tests need them. ACTIONLENS_TESTS_REQUIRE_DATA=0 runs the suite with those tests skipped." >&2; exit 1; }
  ./packaging/install-test-footage.sh ||
    { echo "run-tests: the test footage could not be installed (packaging/install-test-footage.sh, above); the pose tests on real footage need it. ACTIONLENS_TESTS_REQUIRE_DATA=0 runs the suite with those tests skipped." >&2; exit 1; }
  export ACTIONLENS_TESTS_REQUIRE_DATA=1
fi
ctest --preset release --output-on-failure
