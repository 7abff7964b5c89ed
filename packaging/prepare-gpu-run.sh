#!/usr/bin/env bash
# Gathers in .gpu/ (git-ignored) what packaging/gpu-bench.sh needs on a CUDA machine that has
# LibTorch and a compiler but no Debian packages: GoogleTest's source, nlohmann-json's headers
# (0.14 MB), the BlazePose models, real model inputs and the reference's landmarks, Debian's
# OpenCV core + imgproc with the libraries they load (for the pose pipeline), and with --dataset
# the Penn Action training split as one dataset file (the acceptance ablation; 14 MB more).
# Run here after the build (./packaging/run-tests.sh or cmake --build build/release); the device
# tool carries .gpu with `carry: [".gpu"]` (about 52 MB, 66 with --dataset: the tool takes 64 MiB
# with the working tree, so --dataset leaves out the heavy model). Prints the command to run there.
#
#   packaging/prepare-gpu-run.sh [--dataset | --distributed]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${ACTIONLENS_CLI:-$root/build/release/app/actionlens-cli}"
shared="$root/../shared"
out="$root/.gpu"
with_dataset=0 with_distributed=0
[ "${1:-}" = "--dataset" ] && with_dataset=1
# --distributed: the Penn Action dataset file for the data-parallel benchmark only (no ablation).
[ "${1:-}" = "--distributed" ] && with_dataset=1 && with_distributed=1
[ -x "$cli" ] || { echo "prepare-gpu-run.sh: build first ($cli is missing)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"

# 1. GoogleTest, built there from Debian's source.
tar czf "$out/googletest.tar.gz" -C /usr/src googletest

# 1b. nlohmann-json (header-only, core/train's JSON) with its CMake config, relocatable.
tar czf "$out/nlohmann-json.tar.gz" -C /usr include/nlohmann share/cmake/nlohmann_json

# 1c. Gloo's headers (Debian's libgloo-dev) for distributed training on a LibTorch that ships none.
[ -f /usr/include/gloo/context.h ] && tar czf "$out/gloo-headers.tar.gz" -C /usr/include gloo

# 2. The pose models, where install-pose-models.sh put them.
models="${ACTIONLENS_POSE_MODELS:-${XDG_DATA_HOME:-$HOME/.local/share}/actionlens/models/pose}"
if [ -f "$models/pose_detection.tflite" ]; then
  mkdir -p "$out/models/pose" && cp "$models"/*.tflite "$out/models/pose/"
  [ "$with_dataset" = 1 ] && rm -f "$out/models/pose/pose_landmark_heavy.tflite"
else
  echo "prepare-gpu-run.sh: no pose models in $models (packaging/install-pose-models.sh); pose_graph_bench will skip" >&2
fi

# 3. The acceptance data: Penn Action's training split as an .alds file.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$with_dataset" = 1 ]; then
  "$cli" import -f penn-action "$shared/data/penn_action/train" -p "$work/penn.alproj" >/dev/null
  "$cli" export-dataset -p "$work/penn.alproj" -o "$out/penn.alds"
fi

# 4. Real inputs: the conformance image's detector tensor, the full model's 256x256 crop as
#    float32 NHWC in [0, 1], the image itself as uint8 RGB, and the reference's final landmarks
#    (33 x 4, its own mode) for lite and full (Debian's python3-opencv and numpy).
mkdir -p "$out/pose-inputs"
cp "$shared/data/pose/det_input.npy" "$out/pose-inputs/det_input.npy"
/usr/bin/python3 - "$shared/data/pose" "$out/pose-inputs" <<'PY'
import json, sys, cv2, numpy
data, out = sys.argv[1], sys.argv[2]
def rgb(name):
    picture = cv2.imread(data + "/" + name, cv2.IMREAD_COLOR)
    if picture is None:
        sys.exit("cannot read " + name)
    return cv2.cvtColor(picture, cv2.COLOR_BGR2RGB)
numpy.save(out + "/crop.npy", (rgb("crop_full.png").astype(numpy.float32) / 255.0)[None])
numpy.save(out + "/image.npy", rgb("astronaut.png").astype(numpy.uint8))
reference = json.load(open(data + "/reference.json"))
for model in ("lite", "full"):
    numpy.save(out + "/expected_" + model + ".npy", numpy.array(reference["landmark_models"][model]["landmarks"], dtype=numpy.float32))
PY

# 5. OpenCV core + imgproc for the pipeline, with every library they load that a bare machine
#    may lack (not libc, libm, libstdc++, libgcc_s, zlib), and their headers; as one archive.
ocv="$work/opencv"
mkdir -p "$ocv/lib" "$ocv/include/opencv4/opencv2"
imgproc=/usr/lib/x86_64-linux-gnu/libopencv_imgproc.so.406
for library in $imgproc $(ldd "$imgproc" | awk '/=>/ {print $3}' | grep -v -E '/(libc|libm|libstdc\+\+|libgcc_s|libz)\.so'); do
  cp -L "$library" "$ocv/lib/"
done
headers=/usr/include/opencv4/opencv2
cp -r "$headers/core" "$headers/imgproc" "$headers/core.hpp" "$headers/imgproc.hpp" "$headers/opencv_modules.hpp" \
  "$ocv/include/opencv4/opencv2/"
tar czf "$out/opencv.tar.gz" -C "$ocv" lib include
chmod -R u+w "$out"
du -sh "$out"
dataset_args=""
[ "$with_dataset" = 1 ] && dataset_args=' --dataset $PWD/.gpu/penn.alds --ablation-config $PWD/tests/bench/train/penn_acceptance.json --ablation-config $PWD/tests/bench/train/penn_acceptance_joints.json'
[ "$with_distributed" = 1 ] && dataset_args=' --dataset $PWD/.gpu/penn.alds --distributed'
[ -f "$out/gloo-headers.tar.gz" ] && dataset_args="$dataset_args"' --gloo-headers $PWD/.gpu/gloo-headers.tar.gz'
cat <<CMD
On the GPU machine (device tool, carry [".gpu"], one call, timeout about 560 s):
  LT=\$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)'); bash packaging/gpu-bench.sh "\$LT" --python python3 \\
    --gtest-source \$PWD/.gpu/googletest.tar.gz --nlohmann-json \$PWD/.gpu/nlohmann-json.tar.gz --pose-models \$PWD/.gpu/models/pose --pose-inputs \$PWD/.gpu/pose-inputs \\
    --opencv \$PWD/.gpu/opencv.tar.gz$dataset_args --deadline 520 \\
    --out \$PWD/build/gpu-bench; tar czf \$OUT/gpu-bench.tar.gz -C build gpu-bench
(The run's many logs come back as one archive: the tool returns only a few files.)
CMD
