#!/usr/bin/env bash
# The threaded parts under ThreadSanitizer (the tsan preset, build/tsan): the frame server and
# frame cache (media_tests), the training batch loader and the distributed training's threads
# (train_tests, LibTorch on one thread: its OpenMP pool is not instrumented). Any race report
# fails the run. Not part of CI (a second full instrumented build of the LibTorch parts).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset tsan >/dev/null
cmake --build --preset tsan --target media_tests train_tests
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/support/tsan_suppressions.txt"
export OMP_NUM_THREADS=1
build/tsan/tests/core/media/media_tests --gtest_brief=1 --gtest_filter='FrameServer*:FrameCache*:CameraSource*'
build/tsan/tests/core/train/train_tests --gtest_brief=1 --gtest_filter='BatchLoader*:DecodedClipCache*:Trainer*:VideoTraining*'
