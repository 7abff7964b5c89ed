#!/usr/bin/env bash
# The suites that do not link LibTorch, built with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer (the debug preset, build/debug) and run; any report fails the run.
# .ci/run runs this after the main suite. (LibTorch is not instrumented, and its own allocator and
# threads make its suites' ASan reports mostly about LibTorch; they run in the release build only.)
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
suites=(media_tests annotation_tests agreement_tests formats_tests synth_tests clips_tests privacy_tests)
cmake --preset debug >/dev/null
cmake --build --preset debug --target "${suites[@]}"
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
pattern="^($(IFS='|'; echo "${suites[*]}"))\$"
ctest --preset debug -R "$pattern" -j2
