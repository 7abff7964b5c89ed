#!/usr/bin/env bash
# Installs, builds and starts ActionLens on the sample video the build makes.
# Until the GUI lands this is actionlens-cli: it describes the sample video and writes one exact
# frame of it as an image.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
cli=build/release/app/actionlens-cli
sample=build/release/sample/sample.mp4
echo
echo "== actionlens-cli probe $sample"
"$cli" probe "$sample"
echo
echo "== actionlens-cli frame $sample 137 -o build/release/sample/frame_137.png"
"$cli" frame "$sample" 137 -o build/release/sample/frame_137.png
echo
echo "Try: $cli --help"
