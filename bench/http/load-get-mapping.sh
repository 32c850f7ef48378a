#!/usr/bin/env bash
# Load test: authenticated GET /api/mappings/{id} with wrk at 64 connections against a local server
# on embedded defaults (H2). Prints throughput and latency percentiles and writes the raw wrk output
# to bench/results/. Usage: bench/http/load-get-mapping.sh [duration-seconds] [connections]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
DURATION="${1:-30}"
CONNECTIONS="${2:-64}"
PORT="${GRAPHOLAP_LOAD_PORT:-18181}"
PASSWORD="load-test-admin-password"

if ! command -v wrk >/dev/null 2>&1; then
  echo "[load] installing wrk from Debian packages" >&2
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
fi

./grapholap build >/dev/null
DATA="$(mktemp -d)"
GRAPHOLAP_DATA_DIR="$DATA" GRAPHOLAP_PORT="$PORT" GRAPHOLAP_ADMIN_PASSWORD="$PASSWORD" \
  ./grapholap serve >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null || { echo "server did not become ready"; cat "$DATA/server.log"; exit 1; }

TOKEN="$(curl -fs -X POST "http://127.0.0.1:$PORT/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
ID="$(curl -fs -X POST "http://127.0.0.1:$PORT/api/mappings" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d @docs/demo-mapping.json | sed -n 's/^{"data":{"id":\([0-9]*\).*/\1/p')"
[ -n "$ID" ] || { echo "could not create the demo mapping"; exit 1; }
URL="http://127.0.0.1:$PORT/api/mappings/$ID"
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL"

echo "[load] warming up (10 s)" >&2
wrk -t2 -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
mkdir -p bench/results
OUT="bench/results/http-get-mapping-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# GET /api/mappings/{id}, JWT bearer, H2 metadata; $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u)"
  echo "# wrk -t${WRK_THREADS:-2} -c$CONNECTIONS -d${DURATION}s --latency (wrk runs on the same machine as the server)"
  wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$URL"
} | tee "$OUT"
echo
echo "summary: $(grep 'Requests/sec' "$OUT" | awk '{print $2}') req/s, p50 $(awk '/ 50%/{print $2}' "$OUT"), p99 $(awk '/ 99%/{print $2}' "$OUT")   (raw: $OUT)"
