#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing ActionLens needs.
# Idempotent: when everything is present it only checks (a second or two) and exits.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git
  # Qt 6: widgets, sql (SQLite driver), svg, tools (linguist, uic)
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libgl-dev
  # learning, images, video
  libtorch-dev libopencv-dev
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
  # plots, datasets
  libqcustomplot-dev libmatio-dev
  # tests, benchmarks, GUI screenshots
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth
  # train_bench's PyTorch side (the same LibTorch version as libtorch-dev)
  python3-torch
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
