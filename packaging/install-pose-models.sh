#!/usr/bin/env bash
# Installs Google's BlazePose models (Apache-2.0) for core/pose into the user's data folder:
#   ${XDG_DATA_HOME:-~/.local/share}/actionlens/models/pose/
#     pose_detection.tflite, pose_landmark_lite.tflite, pose_landmark_full.tflite, pose_landmark_heavy.tflite
# They come from one pinned npm package, checked against the sha512 integrity pinned below before
# anything is extracted. pose_detection.tflite is the package's Emscripten data bundle
# (pose_solution_packed_assets.data) cut at the byte range its loader script lists.
# Idempotent: when all four files are present with their pinned sha256 it only checks.
# Nothing here is committed to the repository; ACTIONLENS_POSE_MODELS=DIR installs elsewhere.
set -euo pipefail

package="@mediapipe/pose@0.5.1675469404"
# `npm view @mediapipe/pose@0.5.1675469404 dist.integrity`, pinned: a changed tarball is refused.
integrity="sha512-DFZsNWTsSphRIZppnUCuunzBiHP2FdJXR9ehc7mMi4KG+oPaOH0Em3d6kr7Py+TSyTXC1doH88KcF28k2sBxsQ=="
# sha256 of the installed files (as extracted from the checked package): a partial or altered
# file is replaced. The same values are in ../shared/data/pose/reference.json for three of them.
declare -A expected_sha256=(
  [pose_detection.tflite]=a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85
  [pose_landmark_lite.tflite]=f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61
  [pose_landmark_full.tflite]=e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f
  [pose_landmark_heavy.tflite]=59e42d71bcd44cbdbabc419f0ff76686595fd265419566bd4009ef703ea8e1fe
)

target="${ACTIONLENS_POSE_MODELS:-${XDG_DATA_HOME:-$HOME/.local/share}/actionlens/models/pose}"

all_present() {
  local name
  for name in "${!expected_sha256[@]}"; do
    [ -f "$target/$name" ] || return 1
    [ "$(sha256sum "$target/$name" | cut -d' ' -f1)" = "${expected_sha256[$name]}" ] || return 1
  done
}

if all_present; then
  echo "install-pose-models: models present in $target"
  exit 0
fi

for tool in npm node tar base64 openssl sha256sum; do
  command -v "$tool" >/dev/null || { echo "install-pose-models: '$tool' is missing (run packaging/install-deps.sh)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "install-pose-models: fetching $package"
(cd "$work" && npm pack --silent "$package" >/dev/null)
tarball="$(ls "$work"/*.tgz)"

actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "install-pose-models: $package failed its integrity check" >&2
  echo "  expected $integrity" >&2
  echo "  got      $actual" >&2
  exit 1
fi

tar -xzf "$tarball" -C "$work" package/pose_landmark_lite.tflite package/pose_landmark_full.tflite \
  package/pose_landmark_heavy.tflite package/pose_solution_packed_assets.data package/pose_solution_packed_assets_loader.js

# The loader calls loadPackage({"files": [{"filename": ..., "start": S, "end": E}], ...}): read the
# detector's range from it rather than trusting fixed offsets.
range="$(node -e '
  const text = require("fs").readFileSync(process.argv[1], "utf8");
  const m = text.match(/loadPackage\((\{.*?\})\)/s);
  if (!m) { console.error("no loadPackage({...}) call"); process.exit(1); }
  const entry = JSON.parse(m[1]).files.find(f => f.filename.endsWith("/pose_detection.tflite"));
  if (!entry) { console.error("pose_detection.tflite is not listed"); process.exit(1); }
  console.log(entry.start + " " + entry.end);
' "$work/package/pose_solution_packed_assets_loader.js")" || {
  echo "install-pose-models: cannot read the detector's byte range from pose_solution_packed_assets_loader.js" >&2
  exit 1
}
read -r start end <<<"$range"
data="$work/package/pose_solution_packed_assets.data"
if ! [ "$start" -ge 0 ] || ! [ "$end" -gt "$start" ] || [ "$end" -gt "$(stat -c %s "$data")" ]; then
  echo "install-pose-models: byte range $start-$end lies outside pose_solution_packed_assets.data" >&2
  exit 1
fi
tail -c +"$((start + 1))" "$data" | head -c "$((end - start))" >"$work/pose_detection.tflite"
for name in pose_landmark_lite.tflite pose_landmark_full.tflite pose_landmark_heavy.tflite; do
  mv "$work/package/$name" "$work/$name"
done

mkdir -p "$target"
for name in "${!expected_sha256[@]}"; do
  sum="$(sha256sum "$work/$name" | cut -d' ' -f1)"
  if [ "$sum" != "${expected_sha256[$name]}" ]; then
    echo "install-pose-models: $name has sha256 $sum, expected ${expected_sha256[$name]}" >&2
    exit 1
  fi
  # temp file + rename: a model file is either whole or absent
  cp "$work/$name" "$target/.$name.part"
  chmod 644 "$target/.$name.part"
  mv -f "$target/.$name.part" "$target/$name"
done
echo "install-pose-models: installed ${#expected_sha256[@]} models into $target"
