#!/bin/bash
# run.sh: the churn workload through janus-client, janode and a raw `ws`
# client, side by side against one private Janus on loopback.
#
#   bench/churn/run.sh [BUILD_DIR]        (default: build)
#
# Environment: N (iterations in all, default 3200), C (workers, default 16),
# RUNS (default 3). The three clients alternate (the order rotates every
# run); each run measures the client's whole process (user+sys CPU and peak
# RSS from /usr/bin/time), Janus's CPU from /proc/<pid>/stat before and
# after, and takes it/s and p50/p99 from the client's own JSON line. The
# table shows the medians and each figure's ratio to janus-client.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
N=${N:-3200}
C=${C:-16}
RUNS=${RUNS:-3}

cli=$build/tools/janus-client
launcher=$build/tools/jc-local-janus-check
for tool in "$cli" "$launcher"; do
  [ -x "$tool" ] || { echo "run.sh: $tool is missing: build first (ninja -C $build)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
command -v node >/dev/null || { echo "run.sh: node is missing (apt-get install nodejs npm)" >&2; exit 2; }
if [ ! -d "$here/node_modules/janode" ] || [ ! -d "$here/node_modules/ws" ]; then
  # unix-dgram (a janode dependency, for its Unix-socket transport) builds
  # a native module; the WebSocket transport used here does not need it.
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund >&2)
fi

work=$(mktemp -d /tmp/jc-bench-churn.XXXXXX)
janus_pid=
cleanup() {
  exec 3>&- 2>/dev/null || true
  [ -n "${launcher_pid:-}" ] && wait "$launcher_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The launcher starts Janus, prints its URIs and stops it when its stdin
# gets a line (or closes).
mkfifo "$work/stdin"
"$launcher" loopback <"$work/stdin" >"$work/janus.txt" 2>&1 &
launcher_pid=$!
exec 3>"$work/stdin"
for _ in $(seq 100); do
  grep -q '^ready' "$work/janus.txt" 2>/dev/null && break
  kill -0 "$launcher_pid" 2>/dev/null || break
  sleep 0.1
done
grep -q '^ready' "$work/janus.txt" || { cat "$work/janus.txt" >&2; exit 1; }
janus_pid=$(sed -n 's/.*pid \([0-9]*\),.*/\1/p' "$work/janus.txt")
ws=$(grep -o 'ws://[0-9.:]*' "$work/janus.txt" | head -1)

ticks=$(getconf CLK_TCK)
janus_ticks() { awk '{ print $14 + $15 }' "/proc/$janus_pid/stat"; }

# Runs one client; appends one JSON line to results.jsonl.
run_one() {
  local name=$1 run=$2 out=$work/$1-$2.json timing=$work/$1-$2.time before after
  shift 2
  before=$(janus_ticks)
  /usr/bin/time -f '%U %S %M' -o "$timing" "$@" >"$out" 2>"$work/$name-$run.err" || true
  after=$(janus_ticks)
  if ! [ -s "$out" ]; then
    echo "run.sh: $name printed nothing; its stderr:" >&2
    tail -5 "$work/$name-$run.err" >&2
    return
  fi
  node -e '
    const [out, timing, name, run, janusTicks, hz] = process.argv.slice(1);
    const r = JSON.parse(require("fs").readFileSync(out, "utf8").trim().split("\n").pop());
    const [user, sys, maxKiB] = require("fs").readFileSync(timing, "utf8").trim().split("\n").pop().split(" ").map(Number);
    const done = Math.max(1, r.completed ?? r.iterations - r.errors);
    console.log(JSON.stringify({
      client: name, run: Number(run), ops_per_s: r.ops_per_s, errors: r.errors,
      cpu_ms_per_it: (user + sys) * 1000 / done,
      loop_cpu_ms_per_it: r.client_cpu_ms_per_iteration,
      janus_cpu_ms_per_it: Number(janusTicks) * 1000 / Number(hz) / done,
      max_rss_mib: maxKiB / 1024, p50_ms: r.latency_ms.p50, p99_ms: r.latency_ms.p99,
      wall_s: r.wall_s }));
  ' "$out" "$timing" "$name" "$run" $((after - before)) "$ticks" | tee -a "$work/results.jsonl" >&2
}

run_client() {
  case $1 in
    janus-client) run_one janus-client "$2" "$cli" --server "$ws" --json bench churn -n "$N" -c "$C" ;;
    janode) run_one janode "$2" node "$here/janode-churn.mjs" --server "$ws" -n "$N" -c "$C" ;;
    raw-ws) run_one raw-ws "$2" node "$here/raw-churn.mjs" --server "$ws" -n "$N" -c "$C" ;;
  esac
}

echo "run.sh: Janus pid $janus_pid at $ws; N=$N C=$C, $RUNS runs" >&2
clients=(janus-client janode raw-ws)
# One warm-up each (not counted): Janus's plugins and the page cache.
for c in "${clients[@]}"; do
  N=$((C * 10)) run_client "$c" 0 2>/dev/null
done
: >"$work/results.jsonl"
for run in $(seq "$RUNS"); do
  for i in 0 1 2; do
    run_client "${clients[$(((run - 1 + i) % 3))]}" "$run"
  done
done

echo
echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);" \
  "Janus $(janus --version 2>/dev/null | sed -n "s/^Janus version: [0-9]* (\(.*\))/\1/p")" \
  "node $(node --version); N=$N, C=$C"
echo
node "$here/table.mjs" "$work/results.jsonl"
cp "$work/results.jsonl" "${RESULTS:-/dev/null}" 2>/dev/null || true
