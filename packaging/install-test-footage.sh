#!/usr/bin/env bash
# Installs real footage for the pose tests and benchmarks: OpenCV's vtest.avi (768x576, 10 fps,
# 795 frames; pedestrians 30-150 px tall, several at once) from Debian's opencv-doc package
# (its examples/data), into the user's data folder:
#   ${XDG_DATA_HOME:-~/.local/share}/actionlens/test-footage/vtest.avi
# The package is fetched with `apt-get download` (no root, nothing installed system-wide) and
# only that file is extracted, checked against the sha256 pinned below. Idempotent: when the
# file is present with that sha256 it only checks. ACTIONLENS_TEST_FOOTAGE=DIR installs elsewhere.
set -euo pipefail

expected=45cddc9490be69345cbdab64ca583be65987e864ca408038e648db99e10516cf
target="${ACTIONLENS_TEST_FOOTAGE:-${XDG_DATA_HOME:-$HOME/.local/share}/actionlens/test-footage}"
file="$target/vtest.avi"

if [ -f "$file" ] && [ "$(sha256sum "$file" | cut -d' ' -f1)" = "$expected" ]; then
  echo "install-test-footage: vtest.avi present in $target"
  exit 0
fi
for tool in apt-get dpkg-deb tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "install-test-footage: '$tool' is missing" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"  # apt-get download hands the file to its own user when it can write there
mkdir -m 777 "$work/download"
echo "install-test-footage: fetching Debian's opencv-doc (about 96 MB) for examples/data/vtest.avi"
(cd "$work/download" && apt-get download -qq opencv-doc >/dev/null)
deb="$(ls "$work"/download/opencv-doc_*.deb)"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work" ./usr/share/doc/opencv-doc/examples/data/vtest.avi
actual="$(sha256sum "$work/usr/share/doc/opencv-doc/examples/data/vtest.avi" | cut -d' ' -f1)"
if [ "$actual" != "$expected" ]; then
  echo "install-test-footage: vtest.avi has sha256 $actual, expected $expected: refused" >&2
  exit 1
fi
mkdir -p "$target"
mv "$work/usr/share/doc/opencv-doc/examples/data/vtest.avi" "$file.part"
mv "$file.part" "$file"
echo "install-test-footage: installed $file"
