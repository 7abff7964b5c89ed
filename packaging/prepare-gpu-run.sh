#!/usr/bin/env bash
# Gathers in .gpu/ (git-ignored) what packaging/gpu-bench.sh needs on a CUDA machine that has
# LibTorch and a compiler but no Debian packages: GoogleTest's source, the BlazePose models, the
# Penn Action training split as one dataset file, and real model inputs for pose_graph_bench.
# Run here after the build (./packaging/run-tests.sh or cmake --build build/release); the device
# tool carries .gpu with `carry: [".gpu"]` (about 55 MB). Prints the command to run there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${ACTIONLENS_CLI:-$root/build/release/app/actionlens-cli}"
shared="$root/../shared"
out="$root/.gpu"
[ -x "$cli" ] || { echo "prepare-gpu-run.sh: build first ($cli is missing)" >&2; exit 1; }
mkdir -p "$out"

# 1. GoogleTest, built there from Debian's source.
tar czf "$out/googletest.tar.gz" -C /usr/src googletest

# 2. The pose models, where install-pose-models.sh put them.
models="${ACTIONLENS_POSE_MODELS:-${XDG_DATA_HOME:-$HOME/.local/share}/actionlens/models/pose}"
if [ -f "$models/pose_detection.tflite" ]; then
  mkdir -p "$out/models/pose" && cp "$models"/*.tflite "$out/models/pose/"
else
  echo "prepare-gpu-run.sh: no pose models in $models (packaging/install-pose-models.sh); pose_graph_bench will skip" >&2
fi

# 3. The acceptance data: Penn Action's training split as an .alds file.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$cli" import -f penn-action "$shared/data/penn_action/train" -p "$work/penn.alproj" >/dev/null
"$cli" export-dataset -p "$work/penn.alproj" -o "$out/penn.alds"

# 4. Real inputs: the conformance image's detector tensor and the full model's 256x256 crop as
#    float32 NHWC in [0, 1] (Debian's python3-opencv and numpy, installed by install-deps.sh).
mkdir -p "$out/pose-inputs"
cp "$shared/data/pose/det_input.npy" "$out/pose-inputs/det_input.npy"
/usr/bin/python3 - "$shared/data/pose/crop_full.png" "$out/pose-inputs/crop.npy" <<'PY'
import sys, cv2, numpy
picture = cv2.imread(sys.argv[1], cv2.IMREAD_COLOR)
if picture is None:
    sys.exit("cannot read " + sys.argv[1])
numpy.save(sys.argv[2], (cv2.cvtColor(picture, cv2.COLOR_BGR2RGB).astype(numpy.float32) / 255.0)[None])
PY
chmod -R u+w "$out"
du -sh "$out"
cat <<'CMD'
On the GPU machine (device tool, carry [".gpu"], one call, timeout about 560 s):
  LT=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)'); bash packaging/gpu-bench.sh "$LT" --python python3 \
    --gtest-source $PWD/.gpu/googletest.tar.gz --pose-models $PWD/.gpu/models/pose --pose-inputs $PWD/.gpu/pose-inputs \
    --dataset $PWD/.gpu/penn.alds --ablation-config $PWD/tests/bench/train/penn_acceptance.json --deadline 520 \
    --out $PWD/build/gpu-bench; tar czf $OUT/gpu-bench.tar.gz -C build gpu-bench
(The run's many logs come back as one archive: the tool returns only a few files.)
CMD
