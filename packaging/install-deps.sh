#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing ActionLens needs.
# Idempotent: when everything is present it only checks (a second or two) and exits.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git
  # the fuzzers (packaging/run-fuzzers.sh): clang with libFuzzer and the sanitizers' runtimes
  clang libclang-rt-14-dev
  # Qt 6: widgets, sql (SQLite driver), svg, tools (linguist, uic)
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libgl-dev
  # learning (JSON of core/train's files: nlohmann-json, header-only), images, video
  libtorch-dev nlohmann-json3-dev libopencv-dev
  # Gloo's headers: LibTorch's ProcessGroupGloo (distributed training on the CPU) is declared
  # over them; the library itself is inside libtorch_cpu
  libgloo-dev
  # the face detector's Haar cascades (/usr/share/opencv4/haarcascades) for face blurring
  opencv-data
  # video; libavdevice: cameras (v4l2) and generated test inputs (lavfi) as live sources
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev libavdevice-dev
  # plots, datasets
  libqcustomplot-dev libmatio-dev
  # tests, benchmarks, GUI screenshots; libsqlite3-dev: the storage-fault tests' SQLite VFS
  # (tests/support/sqlite_fault_vfs.h) links the libsqlite3 that Qt's SQLite driver uses
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth libsqlite3-dev
  # benchmarks' Python side: Debian's PyTorch (the same version as libtorch-dev) for train_bench
  # and the BlazePose reference pose_bench is measured against
  python3-torch python3-opencv python3-numpy
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# npm fetches the pose models (install-pose-models.sh); a Node.js build that bundles its own npm
# (not Debian's npm package) counts as present.
if ! command -v npm >/dev/null; then missing+=(npm); fi

# The BlazePose models (not in the repository); without them only the pose features are off.
install_pose_models() {
  "$(dirname "$0")/install-pose-models.sh" || echo "install-deps: warning: pose models not installed; pose estimation stays off until packaging/install-pose-models.sh succeeds" >&2
}

# Real footage for the pose tests (Debian's opencv-doc examples); without it those tests skip.
install_test_footage() {
  "$(dirname "$0")/install-test-footage.sh" || echo "install-deps: warning: test footage not installed; the pose tests on real footage skip until packaging/install-test-footage.sh succeeds" >&2
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  install_pose_models
  install_test_footage
  exit 0
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
install_pose_models
install_test_footage
