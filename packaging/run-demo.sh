#!/usr/bin/env bash
# Installs, builds and starts ActionLens on its demo material.
# Until the GUI lands this is actionlens-cli: on first run it renders the built-in demo project
# (mannequins moving with real Penn Action motion, exact skeletons and labels) into the user's
# data folder, then describes it and writes exact frames of its first video and of the sample
# video the build makes. Later runs reuse the demo project.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
cli="$PWD/build/release/app/actionlens-cli"
data="${XDG_DATA_HOME:-$HOME/.local/share}/actionlens"
demo="$data/demo/demo.alproj"
if [ ! -f "$demo" ]; then
  mkdir -p "$data/demo"
  echo "== first run: rendering the demo project into $demo"
  "$cli" synth -o "$demo" --videos 12 --seed 1 --size 320x240 --fps 25
fi
echo
echo "== actionlens-cli info -p $demo"
"$cli" info -p "$demo"
first_video=$(ls "$data/demo/demo_videos/"*.mp4 | head -n 1)
echo
echo "== actionlens-cli frame $first_video 50 -o build/release/sample/demo_frame_50.png"
"$cli" frame "$first_video" 50 -o build/release/sample/demo_frame_50.png
sample=build/release/sample/sample.mp4
echo
echo "== actionlens-cli probe $sample"
"$cli" probe "$sample"
echo
echo "== actionlens-cli frame $sample 137 -o build/release/sample/frame_137.png"
"$cli" frame "$sample" 137 -o build/release/sample/frame_137.png
echo
echo "Try: $cli --help"
