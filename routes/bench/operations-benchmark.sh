#!/usr/bin/env bash
# Prints how long the demo's syncs take through the whole operations layer (read, plan,
# check, thresholds, write, per-object log) for a municipality of EMPLOYEES (default 5000):
# the first import into an empty store, a run with nothing to change, a preview and a run of
# next month, and the payroll mistake up to "awaiting approval". Needs routes/target/orghub.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
employees="${EMPLOYEES:-5000}"
port="${BENCH_PORT:-18390}"
data=$(mktemp -d)
export HUB_ADMIN_PASSWORD="bench-$$"
auth=(-u "admin:$HUB_ADMIN_PASSWORD")
java -Xmx1g -jar routes/target/orghub.jar --spring.profiles.active=demo --server.port="$port" \
  --hub.data-dir="$data" --hub.demo.employees="$employees" >"$data/hub.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; do
  kill -0 $pid 2>/dev/null || { tail -30 "$data/hub.log"; exit 1; }
  sleep 1
done
api() { curl -fsS "${auth[@]}" "$@"; }
report() {
  api "http://127.0.0.1:$port/api/v1/runs/$1?limit=1" | python3 -c '
import json, sys
r = json.load(sys.stdin); c = r["counts"]
print("%-24s %-18s %7d ms  read %6d  created %6d  changed %5d  ended %5d  unchanged %6d" % (
    r["sync"] + (" (preview)" if r["preview"] else ""), r["status"], r["durationMillis"], c["read"],
    c["created"], c["changed"], c["ended"], c["unchanged"]))'
}
run() {
  local id
  id=$(api -X POST "http://127.0.0.1:$port/api/v1/syncs/$1/run?preview=$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while api "http://127.0.0.1:$port/api/v1/runs/$id?limit=1" | grep -q '"status":"RUNNING"'; do sleep 0.2; done
  report "$id"
}
echo "municipality of $employees employees; $(nproc) cores; $(java -version 2>&1 | head -1)"
report 1
run samples-import false
run samples-next-month true
run samples-next-month false
run samples-import false
run samples-payroll-mistake false
