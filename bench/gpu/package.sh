#!/usr/bin/env bash
# Builds the GPU verification bundle: one file, bench/gpu/out/grapholap-gpu.tar.xz, that runs the GPU
# engine's tests and the CPU/GPU bench on a machine with no Java and no network (bench/gpu/README.md).
#
# Inside: a jlink-ed Java 25 runtime with the JDK modules the tests and the bench use, the jars that
# bench/gpu/pom.xml names (engine-gpu with its tests and the committed PTX, the shared graph and
# snapshot modules, the CPU engine the tests compare with, the bench, JUnit's console launcher; no
# server, no GraalJS/GraalPy), run.sh, and the PTX sources for profilers. Jars are stored uncompressed
# and the whole is compressed once with xz, which is about a third smaller than compressing each part.
# Fails when the bundle is over 60 MiB (what a device call can carry, with the checkout beside it).
#
# Usage: bench/gpu/package.sh        (or ./grapholap gpu-bundle; needs a JDK 25 with jlink, python3, xz)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# The launcher finds a JDK 25 and comes back here with it.
[ -n "${GRAPHOLAP_JDK_FOUND:-}" ] || exec "$ROOT/grapholap" gpu-bundle "$@"

LIMIT_MIB=60
# The JDK modules the bundle's jars use (jdeps on each jar; it cannot analyse the modular ones together):
# java.desktop for java.beans (commons-beanutils/-configuration2 under TinkerPop) and the bench chart,
# java.scripting and java.sql for gremlin-core and Arrow, jdk.management for the bench's memory figures,
# jdk.zipfs for JUnit's scan of a package inside a jar.
MODULES="java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.scripting,java.sql,java.xml,jdk.management,jdk.unsupported,jdk.zipfs"
# JCuda's native jar also carries a 24 MB nvPTXCompiler binding; the engine JIT-compiles its PTX
# through the driver (cuModuleLoadData) and never loads it.
DROP_FROM_JARS="lib/libJNvPTXCompiler-"

STAGE="bench/gpu/target/bundle"
NAME="grapholap-gpu"
OUT_DIR="bench/gpu/out"
ARCHIVE="$OUT_DIR/$NAME.tar.xz"
began=$SECONDS

# python3 repacks the jars, xz compresses, strip (binutils) trims libjvm.so; Debian packages.
if ! command -v python3 >/dev/null || ! command -v xz >/dev/null || ! command -v strip >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[gpu-bundle] installing python3, xz-utils and binutils with apt-get"
    apt-get install -y -q python3 xz-utils binutils >/dev/null || true
  fi
fi
for tool in python3 xz; do
  command -v "$tool" >/dev/null || { echo "[gpu-bundle] needs $tool on the PATH (apt-get install python3 xz-utils)" >&2; exit 1; }
done

echo "[gpu-bundle] building the jars (JDK: $JAVA_HOME)"
"$ROOT/mvnw" -B -ntp -q -P gpu-bundle -DskipTests -pl bench/gpu -am package

lib="bench/gpu/target/lib"
# Every jar the GPU tests run with in the build must be in the bundle, or a test that only runs on a GPU
# would fail there for want of a class.
missing=""
while IFS= read -r entry; do
  [ -n "$entry" ] || continue
  [ -f "$lib/$(basename "$entry")" ] || missing="$missing $(basename "$entry")"
done < <(tr ':' '\n' < engine-gpu/target/test-classpath.txt)
if [ -n "$missing" ]; then
  echo "[gpu-bundle] FAILED: engine-gpu's tests use jars bench/gpu/pom.xml does not bring:$missing" >&2
  exit 1
fi

rm -rf "$STAGE"
mkdir -p "$STAGE/$NAME/lib" "$STAGE/$NAME/ptx" "$OUT_DIR"
echo "[gpu-bundle] jlink: $MODULES"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --output "$STAGE/$NAME/runtime"
# The JDK's libjvm.so keeps its symbol table; the runtime does not need it (a quarter of its size).
if command -v strip >/dev/null; then strip --strip-unneeded "$STAGE/$NAME/runtime/lib/server/libjvm.so"; fi

python3 - "$lib" "$STAGE/$NAME/lib" "$DROP_FROM_JARS" <<'PY'
import os, sys, zipfile
source, target, drop = sys.argv[1], sys.argv[2], sys.argv[3]
for name in sorted(os.listdir(source)):
    if not name.endswith(".jar"):
        continue
    with zipfile.ZipFile(os.path.join(source, name)) as jar, \
            zipfile.ZipFile(os.path.join(target, name), "w", zipfile.ZIP_STORED) as stored:
        for entry in jar.infolist():
            if entry.filename.startswith(drop):
                continue
            data = jar.read(entry)
            entry.compress_type = zipfile.ZIP_STORED
            stored.writestr(entry, data)
PY

cp engine-gpu/src/main/resources/io/grapholap/engine/gpu/ptx/*.ptx "$STAGE/$NAME/ptx/"
cp bench/gpu/run.sh "$STAGE/$NAME/run.sh"
cp bench/gpu/README.md "$STAGE/$NAME/README.md"
chmod +x "$STAGE/$NAME/run.sh"
sed -n 's:.*<grapholap.jvm.flags>\(.*\)</grapholap.jvm.flags>.*:\1:p' pom.xml > "$STAGE/$NAME/jvm-flags"
{
  echo "GraphOLAP GPU bundle"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -n)"
  echo "runtime: $("$STAGE/$NAME/runtime/bin/java" -version 2>&1 | head -n1), modules $MODULES"
  echo "jars: $(ls "$STAGE/$NAME/lib" | wc -l)"
} > "$STAGE/$NAME/VERSION"

rm -f "$ARCHIVE"
# xz -1: most of the gain of higher levels at a fraction of their time on two cores
tar -C "$STAGE" -cf - "$NAME" | xz -1 -T0 > "$ARCHIVE.part"
mv "$ARCHIVE.part" "$ARCHIVE"

bytes=$(stat -c %s "$ARCHIVE")
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
unpacked=$(du -sm "$STAGE/$NAME" | cut -f1)
echo "[gpu-bundle] $ARCHIVE: $mib MiB ($unpacked MiB unpacked; limit $LIMIT_MIB MiB), built in $((SECONDS - began)) s"
if [ "$bytes" -gt $((LIMIT_MIB * 1048576)) ]; then
  echo "[gpu-bundle] FAILED: the bundle is over $LIMIT_MIB MiB" >&2
  exit 1
fi
