#!/usr/bin/env bash
# Prints how long the demo's syncs take through the whole operations layer (read, plan,
# check, thresholds, write, per-object log) for a municipality of EMPLOYEES (default 5000):
# the first import into an empty store, a run with nothing to change, a preview and a run of
# next month, and the payroll mistake up to "awaiting approval". Needs routes/target/orghub.jar.
# LOCAL_STS=false leaves out the demo's local STS Organisation service and so its publish (both
# run in the hub's JVM, beside the import); HEAP sets -Xmx (default 1g).
# JAR names another jar than routes/target/orghub.jar (to compare two builds); JAVA_OPTS adds
# JVM options (e.g. -XX:StartFlightRecording=filename=hub.jfr,settings=profile). After each run
# it prints the hub JVM's CPU time so far (all threads), which varies less than wall time; at
# the end, the time and the hub's CPU of 200 reads of run 1 (GET /runs/1?limit=1, as the poll reads).
set -euo pipefail
cd "$(dirname "$0")/../.."
employees="${EMPLOYEES:-5000}"
port="${BENCH_PORT:-18390}"
local_sts="${LOCAL_STS:-true}"
heap="${HEAP:-1g}"
data=$(mktemp -d)
export HUB_ADMIN_PASSWORD="bench-$$"
auth=(-u "admin:$HUB_ADMIN_PASSWORD")
# shellcheck disable=SC2086
java -Xmx"$heap" ${JAVA_OPTS:-} -jar "${JAR:-routes/target/orghub.jar}" --spring.profiles.active=demo --server.port="$port" \
  --hub.data-dir="$data" --hub.demo.employees="$employees" --hub.demo.local-sts="$local_sts" >"$data/hub.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; do
  kill -0 $pid 2>/dev/null || { tail -30 "$data/hub.log"; exit 1; }
  sleep 1
done
api() { curl -fsS "${auth[@]}" "$@"; }
# reads go over a session of the login form: HTTP Basic hashes the password on every call, and
# the poll every 0.2 s would take CPU from the run it times on this machine's cores
jar="$data/cookies"
curl -fsS -c "$jar" -b "$jar" -o /dev/null "http://127.0.0.1:$port/login"
curl -fsS -c "$jar" -b "$jar" -o /dev/null --data-urlencode username=admin \
  --data-urlencode "password=$HUB_ADMIN_PASSWORD" \
  --data-urlencode "_csrf=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar")" "http://127.0.0.1:$port/login"
get() { curl -fsS -b "$jar" "$@"; }
# the hub JVM's CPU time so far (all threads, user and system), in seconds
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat"; }
report() {
  get "http://127.0.0.1:$port/api/v1/runs/$1?limit=1" | python3 -c '
import json, sys
r = json.load(sys.stdin); c = r["counts"]
print("%-24s %-18s %7d ms  read %6d  created %6d  changed %5d  ended %5d  unchanged %6d" % (
    r["sync"] + (" (preview)" if r["preview"] else ""), r["status"], r["durationMillis"], c["read"],
    c["created"], c["changed"], c["ended"], c["unchanged"]))'
}
run() {
  local id
  id=$(api -X POST "http://127.0.0.1:$port/api/v1/syncs/$1/run?preview=$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while get "http://127.0.0.1:$port/api/v1/runs/$id?limit=1" | grep -q '"status":"RUNNING"'; do sleep 0.2; done
  report "$id"
  echo "  hub JVM CPU so far: $(cpu) s"
}
echo "municipality of $employees employees; $(nproc) cores; $(java -version 2>&1 | head -1); -Xmx$heap;" \
  "local STS service: $local_sts; load average $(cut -d' ' -f1-3 /proc/loadavg)"
report 1
echo "  hub JVM CPU so far (its start and run 1): $(cpu) s"
# the demo publishes to its local STS Organisation service (in the same JVM): wait until the
# outbox is empty and no sts-publish run is running, then sum up the runs that published it
if get "http://127.0.0.1:$port/api/v1/targets/sts/status" >/dev/null 2>&1; then
  until get "http://127.0.0.1:$port/api/v1/targets/sts/status" | grep -q '"outboxBacklog":0' \
      && ! get "http://127.0.0.1:$port/api/v1/runs?sync=sts-publish&limit=1000" | grep -q '"status":"RUNNING"'; do
    sleep 1
  done
  get "http://127.0.0.1:$port/api/v1/runs?limit=1000" | python3 -c '
import json, sys
from datetime import datetime
runs = json.load(sys.stdin)["items"]
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
first = min(t(r["startedAt"]) for r in runs)
sts = [r for r in runs if r["sync"] == "sts-publish" and r["endedAt"]]
end = max(t(r["endedAt"]) for r in sts)
kinds = {}
for r in sts:
    kinds[r["trigger"]] = kinds.get(r["trigger"], 0) + 1
print("sts-publish after it: %d runs (%s), %d objects created in STS, %.1f s of run time; "
      "%.1f s from the start of the import to the end of the last publish" % (
    len(sts), ", ".join("%d %s" % (n, k) for k, n in sorted(kinds.items())),
    sum(r["counts"]["created"] for r in sts), sum(r["durationMillis"] for r in sts) / 1000,
    (end - first).total_seconds()))'
fi
run samples-import false
run samples-next-month true
run samples-next-month false
run samples-import false
run samples-payroll-mistake false
# what a read of a run costs the hub: the dashboard and this script poll GET /runs/{id}?limit=1
# every 0.2 s while a run goes; here 200 reads of run 1, the first load with its long log
reads=200
cpu_before=$(cpu)
start=$(date +%s%N)
for _ in $(seq "$reads"); do get -o /dev/null "http://127.0.0.1:$port/api/v1/runs/1?limit=1"; done
echo "$reads reads of run 1 (GET /api/v1/runs/1?limit=1, $(get "http://127.0.0.1:$port/api/v1/runs/1?limit=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["changes"]["total"])') lines in its log):" \
  "$(( ($(date +%s%N) - start) / 1000000 )) ms, hub JVM CPU $(awk -v a="$cpu_before" -v b="$(cpu)" 'BEGIN { printf "%.1f", b - a }') s"
