#!/usr/bin/env bash
# Compiles emulate.cpp with the kernel sources (src/main/cuda) as plain C++ and runs it.
# Usage: emulate.sh OUT_DIR   (exit 0 when every kernel result matches its reference)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?output directory}
CXX=${CXX:-g++}
mkdir -p "$OUT"
"$CXX" -O2 -std=c++20 -I"$HERE" -I"$HERE/../../main/cuda" -x c++ "$HERE/emulate.cpp" -o "$OUT/kernel-emulation"
"$OUT/kernel-emulation"
