#!/usr/bin/env bash
# Installs, builds and starts ActionLens on its demo material.
# On first run it renders the built-in demo project (mannequins moving with real Penn Action
# motion, exact skeletons and labels) into the user's data folder; later runs reuse it, unless it
# was rendered with another recipe (an older version: demo.recipe beside it says which). With a
# display it opens the project in the `actionlens` GUI; without one (a server, CI) it says so,
# describes the project with actionlens-cli and writes a screenshot of the GUI rendered
# off-screen.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
cli="$PWD/build/release/app/actionlens-cli"
gui="$PWD/build/release/app/actionlens"
data="${XDG_DATA_HOME:-$HOME/.local/share}/actionlens"
demo="$data/demo/demo.alproj"
# The same recipe as DemoRecipe in ui/jobs/demo_project_builder.h: the GUI and this script share
# one demo project, stamped with the recipe it was rendered with.
recipe="--videos 160 --seed 1 --size 320x240 --fps 25 --seconds 10"
stamp="$data/demo/demo.recipe"
if [ ! -f "$demo" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$recipe" ]; then
  mkdir -p "$data/demo"
  rm -rf "$stamp" "$demo" "$demo-wal" "$demo-shm" "$demo-journal" "$data/demo/demo_videos"
  echo "== rendering the demo project into $demo (about two minutes on two cores)"
  # shellcheck disable=SC2086 # the recipe is a list of options
  "$cli" synth -o "$demo" $recipe
  printf '%s\n' "$recipe" > "$stamp"
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "== actionlens $demo"
  exec "$gui" "$demo"
fi
echo "No display (DISPLAY and WAYLAND_DISPLAY are unset): not starting the GUI window."
echo
echo "== actionlens-cli info -p $demo"
"$cli" info -p "$demo"
shot=build/release/sample/demo_window.png
echo
echo "== actionlens $demo --frame 50 --screenshot $shot   (rendered off-screen)"
QT_QPA_PLATFORM=offscreen "$gui" "$demo" --frame 50 --screenshot "$shot"
echo
echo "With a display: $gui $demo"
echo "Headless tools: $cli --help"
