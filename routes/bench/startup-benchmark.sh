#!/usr/bin/env bash
# Prints how long the hub takes to start: the "Started HubApplication in X seconds" line and
# the time from launch to the first UP of /actuator/health/readiness, min and median of RUNS
# starts (default 5) each with and without the profile demo, each on a fresh data directory
# and a free port; the load average at launch and the CPU seconds the JVM had used when it
# became ready (user + system, which a busy machine inflates far less than the wall clock)
# are printed beside every start. Several jars take turns, start by start.
# Usage: routes/bench/startup-benchmark.sh [jar ...]   (default routes/target/orghub.jar)
# JAVA_OPTS is passed to java (e.g. JAVA_OPTS=-XX:SharedArchiveFile=app.jsa with an extracted jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${RUNS:-5}"
[ $# -gt 0 ] || set -- routes/target/orghub.jar
work=$(mktemp -d "${TMPDIR:-/tmp}/orghub-startup.XXXXXX")
pid=
stop() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; }; }
trap 'stop; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
load() { cut -d' ' -f1 /proc/loadavg; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }
# one start: prints "<started seconds> <readiness seconds> <load average at launch> <cpu seconds>"
start() {
  local jar=$1 profile=$2 data port t0 ready log l c
  data=$(mktemp -d "$work/data.XXXXXX"); port=$(free_port); log="$data/hub.log"; l=$(load)
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$jar" --spring.profiles.active="$profile" --server.port="$port" \
    --hub.data-dir="$data" >"$log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(( $(now_ms) - t0 ))
  c=$(cpu "$pid")
  stop
  printf '%s %s %s %s\n' "$(sed -n 's/.*Started HubApplication in \([0-9.]*\) seconds.*/\1/p' "$log")" \
    "$(awk -v ms="$ready" 'BEGIN { printf "%.2f", ms / 1000 }')" "$l" "$c"
}
stats() { sort -n | awk '{ v[NR] = $1 } END { printf "min %5.2f  median %5.2f", v[1], (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "$(nproc) cores; $(java -version 2>&1 | head -1); $runs starts each; JAVA_OPTS=${JAVA_OPTS:-none}"
for profile in demo default; do
  # the jars take turns, start by start, so that a change of load hits them alike
  for j in $(seq $#); do : >"$work/results.$j"; done
  for _ in $(seq "$runs"); do
    j=0
    for jar in "$@"; do
      j=$((j + 1))
      r=$(start "$jar" "$profile")
      echo "$r" >>"$work/results.$j"
      printf '  %-8s %-40s started %5ss  ready %5ss  load %5s  cpu %5ss\n' "$profile" "$jar" $r
    done
  done
  j=0
  for jar in "$@"; do
    j=$((j + 1))
    results="$work/results.$j"
    printf '%-8s %-40s Started: %s   readiness UP: %s   cpu: %s   load %s..%s\n' "$profile" "$jar" \
      "$(cut -d' ' -f1 "$results" | stats)" "$(cut -d' ' -f2 "$results" | stats)" \
      "$(cut -d' ' -f4 "$results" | stats)" \
      "$(cut -d' ' -f3 "$results" | sort -n | head -1)" "$(cut -d' ' -f3 "$results" | sort -n | tail -1)"
  done
done
