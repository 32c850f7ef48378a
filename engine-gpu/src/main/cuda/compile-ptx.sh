#!/usr/bin/env bash
# Compiles every kernel source in SRC_DIR (*.cu) to PTX in OUT_DIR when nvcc is on the PATH.
# Each PTX starts with one header line naming the SHA-256 of every source it was built from:
#   // grapholap-sources: pagerank.cu=<sha256> common.cuh=<sha256>
# A kernel whose header already matches is left alone, so rebuilding changes nothing; without nvcc
# the shipped PTX is kept and PtxSourceTest reports any that no longer match their source.
set -euo pipefail
SRC_DIR=${1:?source directory}
OUT_DIR=${2:?output directory}
NVCC=${NVCC:-nvcc}
ARCH=${CUDA_ARCH:-compute_80}

if ! command -v "$NVCC" >/dev/null 2>&1; then
  echo "[cuda] nvcc not found: keeping the shipped PTX in $OUT_DIR"
  exit 0
fi
mkdir -p "$OUT_DIR"
common_sha=$(sha256sum "$SRC_DIR/common.cuh" | cut -d' ' -f1)
for cu in "$SRC_DIR"/*.cu; do
  name=$(basename "$cu" .cu)
  header="// grapholap-sources: $name.cu=$(sha256sum "$cu" | cut -d' ' -f1) common.cuh=$common_sha"
  ptx="$OUT_DIR/$name.ptx"
  if [[ -f "$ptx" && "$(head -n 1 "$ptx")" == "$header" ]]; then
    continue
  fi
  tmp=$(mktemp)
  "$NVCC" -ptx -arch="$ARCH" -O3 -I"$SRC_DIR" -o "$tmp" "$cu"
  { echo "$header"; cat "$tmp"; } > "$ptx"
  rm -f "$tmp"
  echo "[cuda] $name.cu -> $ptx ($ARCH)"
done
