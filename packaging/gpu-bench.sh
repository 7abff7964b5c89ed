#!/usr/bin/env bash
# Builds the learning core alone (core/model + core/train, their tests and train_bench) against a
# CUDA LibTorch and runs the tests and the benchmark on the GPU: a few minutes on a CUDA machine
# without Qt, FFmpeg or OpenCV.
#
#   packaging/gpu-bench.sh /path/to/libtorch [train_bench options...]
#
# The PyTorch side of the benchmark runs when a python3 with a CUDA torch of the same version is
# given through --python.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 /path/to/libtorch [train_bench options...]" >&2
  exit 2
fi
libtorch="$(cd "$1" && pwd)"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/torch-cuda"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DACTIONLENS_TORCH_ONLY=ON \
  -DCMAKE_PREFIX_PATH="$libtorch"
cmake --build "$build" --target model_tests train_tests train_bench
"$build/tests/core/model/model_tests" --gtest_brief=1
"$build/tests/core/train/train_tests" --gtest_brief=1
"$build/tests/bench/train/train_bench" --device cuda --clips 2048 --epochs 3 --batch 64 --threads "$(nproc)" "$@"
