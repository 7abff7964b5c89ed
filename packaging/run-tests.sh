#!/usr/bin/env bash
# Installs, builds and runs the whole test suite (CTest over GoogleTest).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/build.sh
ctest --preset release --output-on-failure
