#!/usr/bin/env bash
# Installs what is missing, then configures and builds ActionLens (release preset, build/release).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
# Let ccache reuse objects across checkouts in different folders (CI clones afresh each time).
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset release
cmake --build --preset release
