#!/usr/bin/env bash
# Load test: authenticated GET /api/mappings/{id} (JWT bearer) with wrk against local servers, on
# H2 metadata (the embedded default), on PostgreSQL metadata, or both, and optionally against a
# second checkout (--baseline) for an A/B comparison. Each configuration is one server, started
# once, warmed up, then measured in rounds: every round runs each configuration once, one after
# the other, so a busy machine slows them alike. The table at the end gives per configuration the
# median of the rounds: throughput, latency percentiles (wrk's), the server's CPU time per request,
# and on PostgreSQL the backends' CPU time and the transactions per request. The raw wrk output of
# every run and the table go to bench/results/http-get-mapping-<UTC time>.txt.
#
# Usage: bench/http/load-get-mapping.sh [options] [duration-seconds] [connections]
#   --metadata h2|postgres|both  where the servers keep their metadata (default h2)
#   --duration 30                seconds per measured run
#   --connections 64             wrk connections
#   --warmup 20                  seconds of untimed load per server before the first round
#   --rounds 1                   measured runs per configuration
#   --baseline DIR               also run the server of another checkout of this repository (e.g.
#                                `git worktree add /tmp/base <commit>`), alternating with this one
#   --jfr                        record a JFR of every measured run (next to the raw output)
#   --no-build                   use the server jars as they are (default: ./grapholap build first)
# PostgreSQL metadata: each server gets a fresh database on the local server, dropped at the end:
#   PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE (default 127.0.0.1/5432/postgres/-/test; PGDATABASE
#   is only where CREATE DATABASE is issued), passed to the server as GRAPHOLAP_METADATA_URL/_USER/_PASSWORD.
# Environment: GRAPHOLAP_LOAD_PORT (first port tried, default 18181; ports in use are skipped),
#   WRK_THREADS (default 2), GRAPHOLAP_JAVA_OPTS (server JVM options, as for ./grapholap serve).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

METADATA=h2
DURATION=30
CONNECTIONS=64
WARMUP=20
ROUNDS=1
BASELINE=""
JFR=0
BUILD=1
POSITIONAL=()
while [ $# -gt 0 ]; do
  case "$1" in
    --metadata) METADATA="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --baseline) BASELINE="$(cd "$2" && pwd)"; shift 2 ;;
    --jfr) JFR=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) POSITIONAL+=("$1"); shift ;;
  esac
done
[ ${#POSITIONAL[@]} -ge 1 ] && DURATION="${POSITIONAL[0]}"
[ ${#POSITIONAL[@]} -ge 2 ] && CONNECTIONS="${POSITIONAL[1]}"
case "$DURATION$CONNECTIONS$WARMUP$ROUNDS" in *[!0-9]*) echo "duration, connections, warmup and rounds take whole numbers" >&2; exit 2 ;; esac
case "$METADATA" in
  h2) KINDS=(h2) ;;
  postgres) KINDS=(postgres) ;;
  both) KINDS=(h2 postgres) ;;
  *) echo "--metadata takes h2, postgres or both" >&2; exit 2 ;;
esac
if [ -n "$BASELINE" ]; then
  [ -x "$BASELINE/grapholap" ] || { echo "--baseline $BASELINE is not a checkout of this repository" >&2; exit 2; }
  TREES=("$BASELINE" "$ROOT")
else
  TREES=("$ROOT")
fi

if ! command -v wrk >/dev/null 2>&1; then
  echo "[load] installing wrk from Debian packages" >&2
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
fi
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-test}"
PSQL=(psql -X -v ON_ERROR_STOP=1 -qAt)
if [ "$METADATA" != h2 ]; then
  "${PSQL[@]}" -c "select 1" >/dev/null || { echo "no PostgreSQL at $PGHOST:$PGPORT db $PGDATABASE user $PGUSER" >&2; exit 1; }
fi

log() { echo "[load] $*" >&2; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))
cpu_ticks() { # utime + stime of the given pids, in clock ticks (gone processes count 0)
  local sum=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && sum=$((sum + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$sum"
}
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }
to_ms() { # a wrk duration (850.00us, 2.89ms, 1.20s) in milliseconds
  awk -v d="$1" 'BEGIN { v = d + 0; if (d ~ /us$/) v /= 1000; else if (d ~ /ms$/) v += 0; else if (d ~ /m$/) v *= 60000; else if (d ~ /s$/) v *= 1000; printf "%.2f", v }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p bench/results
OUT="bench/results/http-get-mapping-$STAMP.txt"
WORK="$(mktemp -d)"
SERVERS=()
DATABASES=()
cleanup() {
  local p d
  for p in "${SERVERS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${SERVERS[@]}"; do wait "$p" 2>/dev/null || true; done
  for d in "${DATABASES[@]}"; do "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$BUILD" = 1 ]; then
  for tree in "${TREES[@]}"; do
    log "building $tree"
    (cd "$tree" && ./grapholap build >/dev/null)
  done
fi

# One configuration per checkout and metadata kind: c<i>_{name,tree,kind,port,pid,db,url,token}.
NAMES=()
PORT="${GRAPHOLAP_LOAD_PORT:-18181}"
PASSWORD="load-test-admin-password"
i=0
for tree in "${TREES[@]}"; do
  label=""
  if [ -n "$BASELINE" ]; then
    # Which code ran: the commit, and whether the checkout had uncommitted changes.
    label="$([ "$tree" = "$BASELINE" ] && echo baseline || echo this) $(git -C "$tree" rev-parse --short HEAD)"
    [ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ] || label="$label+changes"
  fi
  for kind in "${KINDS[@]}"; do
    name="$kind${label:+ ($label)}"
    # Another server may listen on the port (someone else's load test): take the next free one.
    while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
    data="$WORK/server-$i"
    mkdir -p "$data"
    env=(GRAPHOLAP_DATA_DIR="$data" GRAPHOLAP_PORT="$PORT" GRAPHOLAP_ADMIN_PASSWORD="$PASSWORD")
    db=""
    if [ "$kind" = postgres ]; then
      db="grapholap_load_${STAMP,,}_$i"
      "${PSQL[@]}" -c "CREATE DATABASE $db" >/dev/null
      DATABASES+=("$db")
      env+=(GRAPHOLAP_METADATA_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" GRAPHOLAP_METADATA_USER="$PGUSER"
            GRAPHOLAP_METADATA_PASSWORD="${PGPASSWORD:-}")
    fi
    log "starting $name on port $PORT"
    (cd "$tree" && exec env "${env[@]}" ./grapholap serve >"$data/server.log" 2>&1) &
    pid=$!
    SERVERS+=("$pid")
    for _ in $(seq 1 240); do
      curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null || { echo "server $name did not become ready"; cat "$data/server.log"; exit 1; }
    token="$(curl -fs -X POST "http://127.0.0.1:$PORT/api/auth/login" -H 'Content-Type: application/json' \
      -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
    id="$(curl -fs -X POST "http://127.0.0.1:$PORT/api/mappings" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d @docs/demo-mapping.json | sed -n 's/^{"data":{"id":\([0-9]*\).*/\1/p')"
    [ -n "$id" ] || { echo "could not create the demo mapping on $name"; exit 1; }
    url="http://127.0.0.1:$PORT/api/mappings/$id"
    curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"
    printf -v "c${i}_name" '%s' "$name"; printf -v "c${i}_pid" '%s' "$pid"; printf -v "c${i}_db" '%s' "$db"
    printf -v "c${i}_url" '%s' "$url"; printf -v "c${i}_token" '%s' "$token"
    NAMES+=("$name")
    i=$((i + 1))
    PORT=$((PORT + 1))
  done
done
COUNT=$i

wait_idle() { # until the server used under 5% of a core for a whole second (the UDF runtime warms its contexts after start-up), at most 60 s
  local before after
  for _ in $(seq 1 60); do
    before="$(cpu_ticks "$1")"; sleep 1; after="$(cpu_ticks "$1")"
    [ $(((after - before) * TICK_US)) -lt 50000 ] && return 0
  done
}
backends() { "${PSQL[@]}" -c "select pid from pg_stat_activity where datname = '$1'"; }
transactions() { "${PSQL[@]}" -c "select xact_commit + xact_rollback from pg_stat_database where datname = '$1'"; }

for ((c = 0; c < COUNT; c++)); do
  n="c${c}_name"; u="c${c}_url"; t="c${c}_token"
  log "warming up ${!n} (${WARMUP} s)"
  wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Authorization: Bearer ${!t}" "${!u}" >/dev/null
done

{
  echo "# GET /api/mappings/{id}, JWT bearer; metadata: ${KINDS[*]}; $(date -u)"
  echo "# machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)), $(free -g | awk '/Mem:/{print $2}') GiB; load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$METADATA" = h2 ] || echo "# PostgreSQL: $("${PSQL[@]}" -c 'show server_version') at $PGHOST:$PGPORT, a fresh database per server"
  echo "# wrk -t${WRK_THREADS:-2} -c$CONNECTIONS -d${DURATION}s --latency on the same machine; ${WARMUP} s warm-up per server; $ROUNDS round(s)"
  echo "# configurations: ${NAMES[*]}"
} | tee "$OUT"

# Per run: one line in $WORK/runs (config index, req/s, p50, p90, p99 in ms, server µs/req, PostgreSQL µs/req, transactions/req).
: >"$WORK/runs"
for ((r = 1; r <= ROUNDS; r++)); do
  for ((c = 0; c < COUNT; c++)); do
    n="c${c}_name"; u="c${c}_url"; t="c${c}_token"; p="c${c}_pid"; d="c${c}_db"
    wait_idle "${!p}"
    pg=()
    if [ -n "${!d}" ]; then
      # Statistics reach pg_stat_database when a backend has been idle a while (PostgreSQL 15: at most 10 s).
      sleep 11
      mapfile -t pg < <(backends "${!d}")
      x0="$(transactions "${!d}")"
    fi
    jfr=()
    if [ "$JFR" = 1 ]; then
      jfr_file="$ROOT/bench/results/http-get-mapping-$STAMP-c$c-r$r.jfr"
      jcmd="$(dirname "$(readlink "/proc/${!p}/exe")")/jcmd"
      "$jcmd" "${!p}" JFR.start name=load settings=profile filename="$jfr_file" >/dev/null
    fi
    s0="$(cpu_ticks "${!p}")"; g0="$(cpu_ticks "${pg[@]}")"; read -r m0 mt0 < <(machine_ticks)
    echo "## round $r: ${!n}, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
    wrk -t"${WRK_THREADS:-2}" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer ${!t}" "${!u}" | tee "$WORK/wrk" >>"$OUT"
    s1="$(cpu_ticks "${!p}")"; g1="$(cpu_ticks "${pg[@]}")"; read -r m1 mt1 < <(machine_ticks)
    [ "$JFR" = 1 ] && "$jcmd" "${!p}" JFR.stop name=load >/dev/null && echo "# JFR: ${jfr_file#"$ROOT"/}" >>"$OUT"
    requests="$(awk '/requests in/{print $1}' "$WORK/wrk")"
    errors="$(awk '/Non-2xx|Socket errors/' "$WORK/wrk")"
    [ -z "$errors" ] || log "${!n}: $errors"
    rps="$(awk '/Requests\/sec/{print $2}' "$WORK/wrk")"
    p50="$(to_ms "$(awk '/ 50%/{print $2}' "$WORK/wrk")")"
    p90="$(to_ms "$(awk '/ 90%/{print $2}' "$WORK/wrk")")"
    p99="$(to_ms "$(awk '/ 99%/{print $2}' "$WORK/wrk")")"
    server_us=$(((s1 - s0) * TICK_US / requests))
    busy=$(((m1 - m0) * 100 / (mt1 - mt0)))
    pg_us="-"; xacts="-"
    if [ -n "${!d}" ]; then
      pg_us=$(((g1 - g0) * TICK_US / requests))
      sleep 11
      xacts="$(awk -v a="$x0" -v b="$(transactions "${!d}")" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / n }')"
    fi
    echo "# => $rps req/s, p50 $p50 ms, p90 $p90 ms, p99 $p99 ms; server CPU $server_us µs/request; PostgreSQL CPU $pg_us µs/request, $xacts transactions/request; machine CPU busy $busy%" | tee -a "$OUT"
    echo "$c $rps $p50 $p90 $p99 $server_us $pg_us $xacts" >>"$WORK/runs"
  done
done

{
  echo
  echo "# load average at the end $(cut -d' ' -f1-3 /proc/loadavg). Medians over $ROUNDS round(s); server and PostgreSQL CPU are"
  echo "# CPU time (user + system) per request, which depends little on what else runs on the machine."
  printf '| %-40s | %9s | %8s | %8s | %8s | %13s | %17s | %12s |\n' "metadata" "req/s" "p50 ms" "p90 ms" "p99 ms" "server µs/req" "PostgreSQL µs/req" "xacts/req"
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" "-----------" "----------" "----------" "----------" "---------------" "-------------------" "--------------"
  col() { awk -v c="$1" -v k="$2" '$1 == c && $k != "-" { print $k }' "$WORK/runs" | median; }
  for ((c = 0; c < COUNT; c++)); do
    n="c${c}_name"
    printf '| %-40s | %9s | %8s | %8s | %8s | %13s | %17s | %12s |\n' "${!n}" "$(col "$c" 2)" "$(col "$c" 3)" "$(col "$c" 4)" "$(col "$c" 5)" "$(col "$c" 6)" "$(col "$c" 7)" "$(col "$c" 8)"
  done
  echo "(raw: $OUT)"
} | tee -a "$OUT"
