#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, the `fuzz` preset: clang, ASan + UBSan, build/fuzz),
# seeds each corpus, runs each target for SECONDS and keeps what crashed, timed out or ran out of
# memory as a regression input under tests/fuzz/regressions/<target>/ (formats_tests and the
# other suites feed those to the readers in the normal build).
#
#   packaging/run-fuzzers.sh [SECONDS_PER_TARGET (default 180)] [TARGET...]
#
# TARGET: fuzz_coco, fuzz_tflite_model, ... (default: all). FUZZ_PARALLEL=N runs N targets at a
# time (default 1; the targets are single-threaded). The corpora stay in build/fuzz/corpus/ and
# grow from run to run; logs in build/fuzz/logs/, a summary table in build/fuzz/summary.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-180}"
shift || true
parallel="${FUZZ_PARALLEL:-1}"
build="$root/build/fuzz"
shared="$root/../shared/data"

all_targets=(fuzz_native_json fuzz_coco fuzz_openpose fuzz_penn_action fuzz_ucf101 fuzz_hmdb51 fuzz_kinetics
  fuzz_segments_csv fuzz_elan fuzz_boris fuzz_cvat_video fuzz_activitynet fuzz_ava fuzz_ntu_rgbd
  fuzz_taxonomy_json fuzz_tflite_model fuzz_dataset_file fuzz_model_file fuzz_frame_index_cache)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
[ -f "$build/build.ninja" ] || cmake --preset fuzz >/dev/null
cmake --build "$build" --target fuzz_seeds "${targets[@]}" -j"${FUZZ_BUILD_JOBS:-2}"

# Seeds: what the project's own writers produce, the hand-picked ones, earlier regressions and
# the shared data (Penn Action label files; the installed BlazePose models for the .tflite reader).
rm -rf "$build/seeds"
"$build/tests/fuzz/fuzz_seeds" "$build/seeds"
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  for folder in "$build/seeds/$target" "$root/tests/fuzz/seeds/$target" "$root/tests/fuzz/regressions/$target"; do
    # Inputs over 100 kB (a regression that needs a long line) would slow every mutation.
    [ -d "$folder" ] && find "$folder" -maxdepth 1 -type f -size -100k -exec cp -n {} "$corpus"/ \; || true
  done
done
if [[ " ${targets[*]} " == *" fuzz_penn_action "* ]] && [ -d "$shared/penn_action/train" ]; then
  penn=("$shared/penn_action/train"/*.mat)
  for file in "${penn[@]:0:12}"; do cp -n "$file" "$build/corpus/fuzz_penn_action/"; done
fi
models="${XDG_DATA_HOME:-$HOME/.local/share}/actionlens/models/pose"
if [[ " ${targets[*]} " == *" fuzz_tflite_model "* ]] && [ -f "$models/pose_detection.tflite" ]; then
  cp -n "$models/pose_detection.tflite" "$build/corpus/fuzz_tflite_model/"
fi

run_one() {
  local target="$1"
  local artifacts="$build/artifacts/$target/"
  # Earlier runs' findings are in tests/fuzz/regressions already: count only this run's.
  rm -rf "$artifacts"
  mkdir -p "$artifacts" "$build/logs"
  local max_len=()
  # Inputs up to the largest seed (a .tflite model is megabytes; the text formats' seeds are small).
  [ "$target" = fuzz_tflite_model ] && max_len=(-max_len=4000000)
  [ "$target" = fuzz_penn_action ] && max_len=(-max_len=200000)
  # libmatio allocates what a damaged file's header claims (gigabytes; kept in regressions/): let
  # such an allocation fail as it may outside the sanitizer (libmatio then reports an error)
  # instead of stopping the run, so the fuzzer goes on to our own code.
  local asan="${ASAN_OPTIONS:-}"
  [ "$target" = fuzz_penn_action ] && asan="${asan:+$asan:}max_allocation_size_mb=2048:allocator_may_return_null=1"
  ASAN_OPTIONS="$asan" "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$artifacts" "${max_len[@]}" "$build/corpus/$target" >"$build/logs/$target.log" 2>&1 || true
  # Anything it found becomes a regression input (a unit test of the normal suite reads it).
  local found=0
  for artifact in "$artifacts"crash-* "$artifacts"timeout-* "$artifacts"oom-* "$artifacts"leak-*; do
    [ -f "$artifact" ] || continue
    mkdir -p "$root/tests/fuzz/regressions/$target"
    cp -n "$artifact" "$root/tests/fuzz/regressions/$target/"
    found=$((found + 1))
  done
  local execs cov ft
  execs="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$build/logs/$target.log" | tail -1 | awk '{print $2}')"
  cov="$(grep -o 'cov: [0-9]*' "$build/logs/$target.log" | tail -1 | awk '{print $2}')"
  ft="$(grep -o 'ft: [0-9]*' "$build/logs/$target.log" | tail -1 | awk '{print $2}')"
  printf '| %s | %s s | %s | %s | %s | %s |\n' "$target" "$seconds" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$found" >>"$build/summary.md"
  echo "run-fuzzers: $target: ${execs:-?} executions, cov ${cov:-?}, ft ${ft:-?}, $found new finding(s)"
}

echo "| target | time | executions | cov (edges) | ft (features) | findings |" >"$build/summary.md"
echo "|---|---|---|---|---|---|" >>"$build/summary.md"
running=0
for target in "${targets[@]}"; do
  run_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait
echo "run-fuzzers: summary in $build/summary.md"
cat "$build/summary.md"
