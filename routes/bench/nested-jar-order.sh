#!/usr/bin/env bash
# Writes routes/nested-jar-order.txt, the order of the nested jars in the hub's jar: starts the
# built jar once with the profile demo and -Xlog:class+load on a fresh data directory and a
# free port, counts until readiness is UP the classes each nested jar gave, and lists the jars'
# artifact names (without versions) from the most classes to the fewest. The build
# (the launcher module's HubJarPackager, after spring-boot:repackage) puts the jars in that order.
# Run it again after a large change of dependencies; a jar the list misses still works (it
# keeps Maven's order after the listed ones).
# Usage: routes/bench/nested-jar-order.sh [jar]   (default routes/target/orghub.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="${1:-routes/target/orghub.jar}"
out=routes/nested-jar-order.txt
work=$(mktemp -d "${TMPDIR:-/tmp}/orghub-order.XXXXXX")
pid=
stop() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; }; }
trap 'stop; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xlog:class+load=info:file="$work/classes.log" -jar "$jar" --spring.profiles.active=demo \
  --server.port="$port" --hub.data-dir="$work/data" >"$work/hub.log" 2>&1 &
pid=$!
until curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
  kill -0 "$pid" 2>/dev/null || { tail -30 "$work/hub.log" >&2; exit 1; }
  sleep 0.2
done
stop
{
  echo "# The nested jars of orghub.jar in the order java -jar should ask them: the most classes"
  echo "# loaded to readiness first (demo profile). Written by routes/bench/nested-jar-order.sh;"
  echo "# read by the launcher module's HubJarPackager at package. Artifact names, no versions."
  sed -n 's/.*source: jar:nested:.*!BOOT-INF\/lib\/\([^!]*\)\.jar!.*/\1/p' "$work/classes.log" \
    | sort | uniq -c | sort -k1,1nr -k2,2 \
    | awk '{ name = $2; sub(/-[0-9].*$/, "", name); printf "%s # %d classes\n", name, $1 }'
} >"$out"
echo "wrote $out: $(grep -vc '^#' "$out") jars"
