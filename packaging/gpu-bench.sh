#!/usr/bin/env bash
# The learning core and the pose graph executor on a CUDA machine that has LibTorch but no Qt,
# FFmpeg or OpenCV: builds core/model, core/train, core/pose's graph executor, their tests and
# benchmarks against the given LibTorch, then in one run
#   1. train_bench on CUDA in float32 (with --profile: where a step's time goes) and in bf16 mixed precision (C++ trainer vs the same
#      network in PyTorch when --python names a python3 with a CUDA torch), and the default
#      video trunk (16 x 112 x 112) in both,
#   2. pose_graph_bench (BlazePose's models on CPU and CUDA, with and without TF32; models from
#      --pose-models), and with --opencv (Debian's OpenCV core + imgproc as packed by
#      prepare-gpu-run.sh) pose_pipeline_bench: the whole pipeline on CPU and CUDA against the
#      reference's landmarks,
#   3. with --dataset: the single-task vs multi-task ablation over a dataset file written by
#      `actionlens-cli export-dataset`, every (config, seed, fold) in its own process on the GPU
#      in parallel, merged into one table per config (acceptance run; --ablation-config may be
#      given several times, each a variant: ablation_<config name>.md),
#   3b. with --distributed (and --dataset): data-parallel training's throughput, 1 GPU process vs
#      N processes (one per GPU with NCCL; on a one-GPU machine 2 processes sharing it through
#      Gloo), and 1 vs 4 vs 8 CPU processes of 2 threads (Gloo), median of 3 each
#      (tests/bench/train/distributed_bench.sh; distributed_<device>.log),
#   4. the model and train tests, on CPU and again on CUDA (XML results beside the logs; a test
#      binary killed by a signal prints its stack and whether every test had run).
# Each step logs to OUT/<step>.log; a failing step does not stop the others; the exit code says
# whether all passed.
#
#   packaging/gpu-bench.sh /path/to/libtorch [--python PY] [--gtest-source DIR|TAR]
#       [--nlohmann-json TAR] [--pose-models DIR [--pose-inputs DIR] [--opencv TAR]] [--dataset F.alds --ablation-config cfg.json... [--seeds 3] [--folds 5]
#       [--ablation-seconds 300]] [--distributed] [--gloo-headers TAR] [--deadline SECONDS] [--out DIR]
#
# --gloo-headers: Gloo's headers (Debian's libgloo-dev, packed by prepare-gpu-run.sh) for a
# LibTorch that ships none: without them the build has no Gloo backend (NCCL needs nccl.h).
#
# --deadline: the whole run must end within this many seconds (a leased machine): the
# ablation's processes and the tests get what is left, less a margin for the merge.
#
# For python's CUDA torch: /path/to/libtorch = $(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)').
# Without an installed GoogleTest, --gtest-source builds it (e.g. a tarball of Debian's /usr/src/googletest).
# Without an installed nlohmann-json (core/train's JSON, header-only), --nlohmann-json takes Debian's
# headers and CMake config as packed by prepare-gpu-run.sh.
set -uo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  sed -n '2,30p' "$0" >&2
  exit 2
fi
libtorch="$(cd "$1" && pwd)"
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
python="" gtest_source="" nlohmann_json="" pose_models="" pose_inputs="" opencv="" dataset="" ablation_configs=() seeds=3 folds=5 ablation_seconds=300 deadline=0
distributed=0 gloo_headers=""
out="$root/build/gpu-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python="$2" ;;
    --gtest-source) gtest_source="$2" ;;
    --nlohmann-json) nlohmann_json="$2" ;;
    --pose-models) pose_models="$2" ;;
    --pose-inputs) pose_inputs="$2" ;;  # det_input.npy, crop.npy, image.npy, expected_{lite,full}.npy
    --opencv) opencv="$2" ;;
    --dataset) dataset="$2" ;;
    --ablation-config) ablation_configs+=("$2") ;;
    --seeds) seeds="$2" ;;
    --folds) folds="$2" ;;
    --ablation-seconds) ablation_seconds="$2" ;;
    --deadline) deadline="$2" ;;
    --out) out="$2" ;;
    --distributed) distributed=1; shift; continue ;;
    --gloo-headers) gloo_headers="$2" ;;
    *) echo "gpu-bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
mkdir -p "$out"
if [ "$distributed" = 1 ] && [ -z "$dataset" ]; then
  echo "gpu-bench.sh: --distributed needs --dataset" >&2
  exit 2
fi
if [ -n "$dataset" ] && [ ${#ablation_configs[@]} -eq 0 ] && [ "$distributed" = 0 ]; then
  echo "gpu-bench.sh: --dataset needs at least one --ablation-config" >&2
  exit 2
fi
build="$root/build/torch-cuda"
failed=0
step() {  # step NAME COMMAND...: runs it, logs to OUT/NAME.log, says how it went
  local name="$1" start=$SECONDS
  shift
  echo "== $name: $*"
  if "$@" >"$out/$name.log" 2>&1; then
    echo "   ok ($((SECONDS - start)) s)"
  else
    echo "   FAILED ($((SECONDS - start)) s), last lines of $out/$name.log:"
    tail -25 "$out/$name.log" | sed 's/^/   | /'
    failed=1
    return 1
  fi
}

command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$out/gpu.txt"
prefix="$libtorch"
gtest_flags=()
if [ -n "$gtest_source" ]; then
  src="$gtest_source"
  if [ -f "$gtest_source" ]; then
    mkdir -p "$build-gtest-src" && tar xzf "$gtest_source" -C "$build-gtest-src" && src="$(ls -d "$build-gtest-src"/*/ | head -1)"
  fi
  # GoogleTest must use LibTorch's std::string ABI: the tests' inline GoogleTest code and the
  # library would otherwise disagree about the layout of its objects (a crash, not a link error).
  abi=$(grep -rhoE '_GLIBCXX_USE_CXX11_ABI=[01]' "$libtorch" --include=TorchConfig.cmake 2>/dev/null | head -1)
  echo "   LibTorch ABI flag: ${abi:-not found, the compiler default}"
  step gtest bash -c "cmake -S '$src' -B '$build-gtest' -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX='$build-gtest-install' \
    -DBUILD_GMOCK=OFF ${abi:+-DCMAKE_CXX_FLAGS=-D$abi} && cmake --build '$build-gtest' && cmake --install '$build-gtest'" || exit 1
  prefix="$prefix;$build-gtest-install"
  gtest_flags=(-DGTEST_ROOT="$build-gtest-install" -DGTest_DIR="$build-gtest-install/lib/cmake/GTest" -DCMAKE_FIND_PACKAGE_PREFER_CONFIG=ON)
fi
if [ -n "$nlohmann_json" ]; then
  mkdir -p "$build-nlohmann-json" && tar xzf "$nlohmann_json" -C "$build-nlohmann-json" && prefix="$prefix;$build-nlohmann-json"
fi
cuda_root=""
command -v nvcc >/dev/null && cuda_root="$(dirname "$(dirname "$(readlink -f "$(command -v nvcc)")")")"
opencv_flags=()
pipeline_target=()
if [ -n "$opencv" ]; then
  mkdir -p "$build-opencv" && tar xzf "$opencv" -C "$build-opencv" &&
    opencv_flags=(-DACTIONLENS_OPENCV_ROOT="$build-opencv") && pipeline_target=(pose_pipeline_bench)
fi
gloo_flags=()
# NCCL's header for the NCCL backend: PyTorch's wheels take it from the nvidia-nccl package.
if [ -n "$python" ] && [ -z "${NCCL_INCLUDE_DIR:-}" ]; then
  nccl_dir=$("$python" -c 'import nvidia.nccl, os; print(os.path.join(list(nvidia.nccl.__path__)[0], "include"))' 2>/dev/null || true)
  [ -f "$nccl_dir/nccl.h" ] && export NCCL_INCLUDE_DIR="$nccl_dir"
fi
if [ -n "$gloo_headers" ] && ! find "$libtorch/../.." -maxdepth 4 -path '*include/gloo/context.h' 2>/dev/null | grep -q .; then
  mkdir -p "$build-gloo" && tar xzf "$gloo_headers" -C "$build-gloo" && gloo_flags=(-DACTIONLENS_GLOO_INCLUDE_DIR="$build-gloo")
fi
step configure cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DACTIONLENS_TORCH_ONLY=ON \
  -DCMAKE_PREFIX_PATH="$prefix" ${cuda_root:+-DCUDAToolkit_ROOT="$cuda_root"} "${gtest_flags[@]}" "${opencv_flags[@]}" \
  "${gloo_flags[@]}" || exit 1
grep -h "core/train: " "$out/configure.log" | sed 's/^/   /'
grep -h "GTest_DIR:\|GTEST_INCLUDE_DIR:\|GTEST_LIBRARY:" "$build/CMakeCache.txt" | sed 's/^/   /'
step build cmake --build "$build" --target model_tests train_tests train_bench pose_graph_bench dataset_ablation distributed_bench \
  "${pipeline_target[@]}" -- -k 0
bin="$build/tests"

# 1-2: benchmarks first, on a quiet machine.
py=(--no-python)
[ -n "$python" ] && py=(--python "$python")
for precision in off bf16; do
  # float32 also prints where a step's time goes (--profile: a second, synchronised run after the
  # measured one, so the clips/s are not slowed by it).
  profile=()
  [ "$precision" = off ] && profile=(--profile)
  step "train_bench_$precision" "$bin/bench/train/train_bench" --device cuda --mixed-precision "$precision" --clips 2048 \
    --epochs 2 --batch 64 --threads 4 "${py[@]}" "${profile[@]}" &&
    grep -E "clips/s|RSS|ratio|parameters|profile|^\|" "$out/train_bench_$precision.log"
done
[ -n "$pose_models" ] && export ACTIONLENS_POSE_MODELS="$pose_models"
# The default video trunk (16 x 112 x 112 RGB clips, random pixels through the decoded-clip cache)
# is a GPU model; no Python counterpart. fp32 and bf16.
for precision in off bf16; do
  step "train_bench_video_$precision" "$bin/bench/train/train_bench" --device cuda --trunk video --mixed-precision "$precision" \
    --clips 512 --epochs 2 --batch 32 --threads 4 --no-python && grep -E "clips/s|RSS|parameters" "$out/train_bench_video_$precision.log"
done
pose_input_args=()
[ -n "$pose_inputs" ] && pose_input_args=(--detector-input "$pose_inputs/det_input.npy" --landmark-input "$pose_inputs/crop.npy")
step pose_graph_bench "$bin/bench/pose_graph/pose_graph_bench" --threads 4 --frames 30 "${pose_input_args[@]}" &&
  cat "$out/pose_graph_bench.log"
if [ ${#pipeline_target[@]} -gt 0 ] && [ -n "$pose_inputs" ]; then
  for model in lite full; do
    step "pose_pipeline_$model" env LD_LIBRARY_PATH="$build-opencv/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
      "$bin/bench/pose_graph/pose_pipeline_bench" --image "$pose_inputs/image.npy" --expected "$pose_inputs/expected_$model.npy" \
      --model "$model" --threads 4 --frames 30; cat "$out/pose_pipeline_$model.log"
  done
fi

# 3b: data-parallel training, 1 GPU process vs N processes, and CPU processes (Gloo), on the dataset.
if [ "$distributed" = 1 ]; then
  gpus=$(nvidia-smi -L 2>/dev/null | grep -c '^GPU' || true)
  if [ "${gpus:-0}" -gt 1 ]; then n=$gpus; backend=nccl; else n=2; backend=gloo; fi
  step distributed_cuda bash "$root/tests/bench/train/distributed_bench.sh" "$bin/bench/train/distributed_bench" "$dataset" \
    --device cuda --backend "$backend" --processes "1 $n" --threads 2 --batch 64 --epochs 2 --repeats 3 &&
    grep -E "median|load" "$out/distributed_cuda.log"
  step distributed_cpu bash "$root/tests/bench/train/distributed_bench.sh" "$bin/bench/train/distributed_bench" "$dataset" \
    --device cpu --processes "1 4 8" --threads 2 --batch 32 --epochs 2 --repeats 3 &&
    grep -E "median|load" "$out/distributed_cpu.log"
fi

# 3: the ablation's runs in the background, one process per (config, seed, fold), one CPU thread each.
pids=()
if [ "$deadline" -gt 0 ]; then
  left=$((deadline - SECONDS - 25))
  [ "$left" -lt "$ablation_seconds" ] && ablation_seconds=$left
  echo "== $left s left of the deadline"
fi
if [ -n "$dataset" ] && [ "$ablation_seconds" -lt 60 ]; then
  echo "== ablation skipped: only $ablation_seconds s left"
  dataset=""
fi
if [ -n "$dataset" ]; then
  echo "== ablation: ${#ablation_configs[@]} config(s) x $seeds seeds x $folds folds, one process each, at most $ablation_seconds s"
  for config in "${ablation_configs[@]}"; do
    name=$(basename "$config" .json)
    for seed in $(seq 1 "$seeds"); do
      for fold in $(seq 1 "$folds"); do
        OMP_NUM_THREADS=1 timeout "$ablation_seconds" "$bin/bench/train/dataset_ablation" --dataset "$dataset" \
          --config "$config" --seed "$seed" --seeds 1 --folds "$folds" --fold "$fold" --device cuda \
          -o "$out/ablation_${name}_s${seed}_f${fold}.json" >"$out/ablation_${name}_s${seed}_f${fold}.log" 2>&1 &
        pids+=($!)
      done
    done
  done
fi

# 4: the tests meanwhile (their times are not measured), the CUDA ones first.
limit=()
[ "$deadline" -gt 0 ] && limit=(timeout "$((ablation_seconds > 60 ? ablation_seconds : 60))")
unbuffered=()
command -v stdbuf >/dev/null && unbuffered=(stdbuf -oL -eL)
ACTIONLENS_TEST_DEVICE=cuda step model_tests_cuda "${limit[@]}" "${unbuffered[@]}" "$bin/core/model/model_tests" --gtest_brief=1 \
  --gtest_output="xml:$out/model_tests_cuda.xml"
ACTIONLENS_TEST_DEVICE=cuda step train_tests_cuda "${limit[@]}" "${unbuffered[@]}" "$bin/core/train/train_tests" --gtest_brief=1 \
  --gtest_output="xml:$out/train_tests_cuda.xml"
step model_tests_cpu "${limit[@]}" "${unbuffered[@]}" "$bin/core/model/model_tests" --gtest_brief=1 \
  --gtest_output="xml:$out/model_tests_cpu.xml"
step train_tests_cpu "${limit[@]}" "${unbuffered[@]}" "$bin/core/train/train_tests" --gtest_brief=1 \
  --gtest_output="xml:$out/train_tests_cpu.xml"

if [ ${#pids[@]} -gt 0 ]; then
  for pid in "${pids[@]}"; do wait "$pid"; done
  for config in "${ablation_configs[@]}"; do
    name=$(basename "$config" .json)
    reports=$(ls "$out"/ablation_"${name}"_s*_f*.json 2>/dev/null)
    echo "== ablation $name: $(echo "$reports" | grep -c json) of $((seeds * folds)) (seed, fold) parts finished"
    grep -h "^\[" "$out/ablation_${name}_s1_f1.log" | tail -4
    if [ -n "$reports" ]; then
      # shellcheck disable=SC2086
      step "ablation_merge_$name" "$bin/bench/train/dataset_ablation" --merge $reports -o "$out/ablation_$name.json" \
        --markdown "$out/ablation_$name.md" && cat "$out/ablation_$name.md"
    else
      failed=1
    fi
  done
fi
exit $failed
