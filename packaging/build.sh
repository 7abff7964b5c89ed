#!/usr/bin/env bash
# Installs what is missing, then configures and builds ActionLens (release preset, build/release).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake --preset release
cmake --build --preset release
