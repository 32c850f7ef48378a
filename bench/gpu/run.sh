#!/usr/bin/env bash
# One command that verifies the GPU engine on a GPU machine, from the bundle bench/gpu/package.sh
# builds (bench/gpu/README.md). It needs no Java and no network: the bundle brings its own runtime.
#
#   bench/gpu/run.sh [--quick] [--budget SECONDS] [--bundle FILE]     from a checkout with the bundle
#   grapholap-gpu/run.sh [--quick] [--budget SECONDS]                   from the unpacked bundle
#
# In order: the machine (nvidia-smi, driver and CUDA versions); which cuBLAS the engine loaded, or
# why not; the GPU engine contract tests, the GPU/CPU equality tests, the device-memory tests, the
# rest of engine-gpu's tests and the CPU engine's contract tests (counts per group); then the bench
# with --engines gpu,cpu at Kronecker scales 20, 22 and 24 (pagerank, bfs, wcc, sssp, cdlp, lcc,
# triangle_count; --warmup 1) with the speed-ups and the GPU/CPU agreement. Without a GPU it says
# why the GPU engine is unavailable, the GPU tests count as skipped, and the CPU half runs. The whole
# stays within --budget (default 450 s): the bench is stopped when time runs out and what it
# measured is kept. --quick runs the bench at scales 10 and 12 instead.
#
# Everything goes under $OUT (default ./gpu-out), at most 8 files, two folders deep:
#   run.log  summary.txt  junit-reports.tar.gz  bench/results.csv  bench/results.json
#   bench/machine.json  bench/chart.png
# Exit status: 0 when no test failed, no bench run failed and GPU and CPU agree; 1 otherwise.
set -uo pipefail

QUICK=0
BUDGET=450
BUNDLE=""
usage() { sed -n '2,/^# Exit status/p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --budget) BUDGET="${2:?--budget needs seconds}"; shift ;;
    --bundle) BUNDLE="${2:?--bundle needs the bundle file}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${OUT:-$PWD/gpu-out}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/grapholap-gpu.XXXXXX")"
START=$SECONDS
FAILED=0

# The bench runs in a process group of its own (its worker JVMs too), recorded here, so that it can be
# stopped whole without pkill (procps is not everywhere).
stop_bench() {
  local pgid
  pgid="$(cat "$WORK/bench.pgid" 2>/dev/null)" || return 0
  # never our own group
  [ -n "$pgid" ] && [ "$pgid" != "$(awk '{ print $5 }' "/proc/$BASHPID/stat")" ] || return 0
  kill -"$1" -- "-$pgid" 2>/dev/null || true
}
cleanup() {
  stop_bench KILL
  rm -rf "$WORK"
}
trap cleanup EXIT

left() { echo $((BUDGET - (SECONDS - START))); }
stamp() { printf '\n== %s (%d s in, %d s left)\n' "$1" $((SECONDS - START)) "$(left)"; }
note() { echo "$*" | tee -a "$OUT/summary.txt"; }

# The bundle: this script's own folder when it is the unpacked bundle, else the archive, unpacked
# into the work folder (with python3 where xz is missing).
unpack() {
  local archive="$1"
  [ -f "$archive" ] || { echo "no bundle at $archive: build it with bench/gpu/package.sh" >&2; return 1; }
  if command -v xz >/dev/null; then
    tar -C "$WORK" -xJf "$archive"
  else
    python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$archive" "$WORK"
  fi
  echo "$WORK/grapholap-gpu"
}

main() {
  local home
  if [ -x "$HERE/runtime/bin/java" ]; then
    home="$HERE"
  else
    home="$(unpack "${BUNDLE:-$HERE/out/grapholap-gpu.tar.xz}")" || return 1
  fi
  local java="$home/runtime/bin/java"
  local flags
  flags="$(cat "$home/jvm-flags")"
  # Each JVM extracts JCuda's native libraries into its temporary folder.
  flags="$flags -Djava.io.tmpdir=$WORK"
  local cp="$home/lib/*"

  : > "$OUT/summary.txt"
  stamp "machine"
  note "GraphOLAP GPU verification, $(date -u +%Y-%m-%dT%H:%M:%SZ), $([ "$QUICK" = 1 ] && echo quick || echo full) run, budget $BUDGET s"
  sed 's/^/  /' "$home/VERSION" | tee -a "$OUT/summary.txt"
  note "host: $(uname -n), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory, kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
  if command -v nvidia-smi >/dev/null; then
    nvidia-smi 2>&1 | head -n 20
    note "nvidia-smi: $(nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv,noheader 2>&1 | head -n 4 | paste -sd ';')"
    note "CUDA (driver): $(nvidia-smi 2>/dev/null | sed -n 's/.*CUDA Version: *\([0-9.]*\).*/\1/p' | head -n1)"
  else
    note "nvidia-smi: not found (no NVIDIA driver on this machine)"
  fi
  if command -v nvcc >/dev/null; then note "nvcc: $(nvcc --version | tail -n1)"; fi

  stamp "cuBLAS"
  # JCublas 12.6 binds libcublas.so.12. Look for it where CUDA installs put it (the dynamic linker's
  # cache, CUDA_HOME, /usr/local/cuda*, pip's nvidia-cublas-cu12) and put its folder on the path.
  local found="" dirs="" d
  found="$(ldconfig -p 2>/dev/null | awk '/libcublas\.so\.12 /{ print $NF; exit }')"
  if [ -z "$found" ]; then
    dirs="${CUDA_HOME:+$CUDA_HOME/lib64} $(ls -d /usr/local/cuda*/lib64 /usr/local/cuda*/targets/*/lib 2>/dev/null | tr '\n' ' ')"
    dirs="$dirs $(python3 -c 'import nvidia.cublas, os; print(os.path.join(list(nvidia.cublas.__path__)[0], "lib"))' 2>/dev/null)"
    for d in $dirs; do
      if [ -e "$d/libcublas.so.12" ]; then found="$d/libcublas.so.12"; export LD_LIBRARY_PATH="$d${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; break; fi
    done
  fi
  if [ -n "$found" ]; then
    note "libcublas.so.12: $found"
  else
    note "libcublas.so.12: not found; present: $( (ldconfig -p 2>/dev/null | awk '/libcublas\.so/{ print $NF }'; for d in $dirs; do ls "$d"/libcublas.so* 2>/dev/null; done) | sort -u | paste -sd ' ')"
  fi
  local gpu=1 check
  # shellcheck disable=SC2086
  check="$(timeout 120 "$java" $flags -cp "$cp" io.grapholap.bench.GpuCheckMain 2>&1)"
  case $? in
    0) ;;
    3) gpu=0 ;;
    *) FAILED=1 ;;
  esac
  echo "$check" | tee -a "$OUT/summary.txt"

  stamp "engine-gpu tests"
  note "tests (found / successful / skipped / failed):"
  local tests_until=$((SECONDS + ( QUICK == 1 ? 240 : 180 ) ))
  run_tests "$java" "$flags" "$cp" contract $tests_until --select-class io.grapholap.engine.gpu.GpuGraphEngineContractTest
  run_tests "$java" "$flags" "$cp" equality $tests_until --select-class io.grapholap.engine.gpu.GpuCpuEqualityTest
  run_tests "$java" "$flags" "$cp" device-memory $tests_until --select-class io.grapholap.engine.gpu.GpuDeviceMemoryTest
  # The rest of engine-gpu's tests, less the two that read the CUDA sources of a checkout.
  run_tests "$java" "$flags" "$cp" other $tests_until --select-package io.grapholap.engine.gpu \
    --exclude-classname '.*(GpuGraphEngineContractTest|GpuCpuEqualityTest|GpuDeviceMemoryTest|PtxSourceTest|KernelEmulationTest)'
  # The same contract on the CPU engine through this runtime and these jars: where there is no GPU,
  # this is what shows the bundle itself works.
  run_tests "$java" "$flags" "$cp" cpu-contract $tests_until --select-class io.grapholap.engine.cpu.CpuGraphEngineContractTest
  tar -C "$WORK" -czf "$OUT/junit-reports.tar.gz" junit 2>/dev/null || true

  stamp "bench"
  local scales="20,22,24" timeout=60 sources=64
  if [ "$QUICK" = 1 ]; then scales="10,12"; timeout=60; sources=8; fi
  [ "$gpu" = 1 ] || note "bench: the GPU engine is unavailable, so its rows are skipped and the CPU half runs"
  local bench_left=$(( $(left) - 10 ))
  if [ "$bench_left" -lt 30 ]; then
    note "bench: not run, $bench_left s left of the budget"
    FAILED=1
  else
    mkdir -p "$WORK/bench"
    # The GPU runs first at each scale, so that a budget that runs out cuts the CPU's slowest kernels
    # at the largest scale rather than the GPU's figures.
    # shellcheck disable=SC2086
    setsid -w "$java" $flags -XX:+UseParallelGC -Xmx2g -cp "$cp" io.grapholap.bench.BenchMain \
      --engines gpu,cpu --peers none --gremlin-scale 0 --scale "$scales" \
      --algorithms pagerank,bfs,wcc,sssp,cdlp,lcc,triangle_count --warmup 1 --bfs-sources "$sources" \
      --timeout "$timeout" --out "$WORK/bench" > "$WORK/bench.txt" 2>&1 &
    local pid=$!
    # A background job of a script leads no group, so setsid makes the JVM itself the leader of a new one.
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      [ "$(awk '{ print $5 }' "/proc/$pid/stat" 2>/dev/null)" = "$pid" ] && break
      sleep 0.2
    done
    awk '{ print $5 }' "/proc/$pid/stat" > "$WORK/bench.pgid" 2>/dev/null || true
    local deadline=$((SECONDS + bench_left)) stopped=0
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then
      # SIGTERM to the bench alone: it prints and writes what it measured before it exits; its worker
      # JVMs, still running, are killed with the group after it.
      stopped=1
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
    wait "$pid"
    local status=$?
    stop_bench KILL
    cat "$WORK/bench.txt"
    if [ "$stopped" = 1 ]; then
      note "bench: stopped at the end of the budget; the rows measured until then are in bench/results.csv"
    elif [ "$status" -ne 0 ]; then
      note "bench: exited with status $status"
      FAILED=1
    fi
    # The table, the speed-ups and the GPU/CPU agreement, as the bench printed them.
    sed -n '/^engine  /,$p' "$WORK/bench.txt" | grep -v '^wrote ' >> "$OUT/summary.txt"
    if grep -q ',failed,' "$WORK/bench/results.csv" 2>/dev/null; then FAILED=1; note "bench: some runs failed (see results.csv)"; fi
    if grep -q 'DIFFERENT' "$WORK/bench.txt"; then FAILED=1; note "bench: GPU and CPU results differ"; fi
    mkdir -p "$OUT/bench"
    for f in results.csv results.json machine.json chart.png; do
      [ -f "$WORK/bench/$f" ] && cp "$WORK/bench/$f" "$OUT/bench/"
    done
  fi

  stamp "done"
  note "result: $([ "$FAILED" = 0 ] && echo PASSED || echo FAILED) in $((SECONDS - START)) s; GPU $([ "$gpu" = 1 ] && echo used || echo unavailable)"
  return "$FAILED"
}

# run_tests JAVA FLAGS CP GROUP UNTIL SELECTORS...: one JUnit console launch; its counts go to the summary.
run_tests() {
  local java="$1" flags="$2" cp="$3" group="$4" until="$5"
  shift 5
  local limit=$(( until - SECONDS ))
  if [ "$limit" -lt 10 ]; then
    note "  $group: not run, out of test time"
    FAILED=1
    return
  fi
  local log="$WORK/tests-$group.txt"
  # shellcheck disable=SC2086
  timeout --kill-after=10 "$limit" "$java" $flags -Xmx8g -cp "$cp" org.junit.platform.console.ConsoleLauncher execute \
    --disable-banner --disable-ansi-colors --details=tree --details-theme=ascii --fail-if-no-tests \
    --config=junit.jupiter.execution.timeout.default=5m \
    --reports-dir="$WORK/junit/$group" "$@" > "$log" 2>&1
  local status=$?
  cat "$log"
  count() { sed -n "s/^\[ *\([0-9]*\) tests $1 *\]\$/\1/p" "$log" | head -n1; }
  local found successful aborted skipped failed
  found="$(count found)"; successful="$(count successful)"; aborted="$(count aborted)"
  skipped="$(count skipped)"; failed="$(count failed)"
  note "  $group: ${found:-?} found, ${successful:-?} successful, $(( ${aborted:-0} + ${skipped:-0} )) skipped, ${failed:-?} failed$([ "$status" -eq 124 ] && echo ' (stopped: out of test time)')"
  if [ "$status" -ne 0 ]; then
    FAILED=1
    # The first failing cases with their messages: where to start when a kernel is wrong.
    grep -E -A3 '\[X\]' "$log" | head -n 24 | sed 's/^/    /' | tee -a "$OUT/summary.txt"
  fi
  if [ "${aborted:-0}" -gt 0 ]; then
    grep -m1 -o 'GPU engine unavailable: .*' "$log" | sed 's/^/    skipped: /' | tee -a "$OUT/summary.txt"
  fi
}

main 2>&1 | tee "$OUT/run.log"
exit "${PIPESTATUS[0]}"
