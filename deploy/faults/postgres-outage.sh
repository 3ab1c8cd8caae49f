#!/usr/bin/env bash
# Both apps under load while the machine's PostgreSQL is restarted, then stopped for 40 s: every reception
# acknowledged must be stored exactly once, every other one stored once after it is sent again with its key, both
# apps must serve again without a restart, and the answers during the outage are printed second by second.
#   deploy/faults/postgres-outage.sh [CLIENTS=4]
# Run on demand, never in .ci/run: it restarts and stops the PostgreSQL cluster of this machine (pg_ctlcluster, as
# root or postgres), so nothing else may be using it. Uses the database ordinateurs_outage (dropped and re-created)
# and ports 18281/18282. Figures: docs/reliability.md, "PostgreSQL restarted and stopped under load".
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-4}
cluster=$(ls /etc/postgresql)
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)
pg="psql -h 127.0.0.1 -U postgres -q -X"
url=jdbc:postgresql://127.0.0.1:5432/ordinateurs_outage
out=$(mktemp -d)
password=outage-admin-password
postgres() { # what: restart, stop or start the cluster
    pg_ctlcluster --skip-systemctl-redirect "$cluster" main "$1"
}

command -v pg_ctlcluster >/dev/null || { echo "needs pg_ctlcluster (Debian's postgresql-common)" >&2; exit 64; }
echo "== building"
./mvnw -q -DskipTests package
$pg -d postgres -c "drop database if exists ordinateurs_outage with (force)" -c "create database ordinateurs_outage"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; postgres start >/dev/null 2>&1 || true' EXIT
start() { # name port
    local jvm=()
    [ "$1" = query-side ] && jvm=(@deploy/jvm/query-side.args)
    java ${jvm[@]+"${jvm[@]}"} -Xmx512m -jar "$1/target/$1-$version-exec.jar" \
        --spring.profiles.active=postgres --server.port="$2" \
        --spring.datasource.url="$url" --spring.datasource.username=postgres \
        --ordinateurs.personal-data.household-index-secret=outage --ordinateurs.admin-password="$password" \
        --ordinateurs.personal-data.key-encryption-keyset-file="$out/key-encryption-keyset.json" \
        --ordinateurs.documents.seal-keyset-file="$out/document-seal-keyset.json" \
        --ordinateurs.web.command-side-url=http://127.0.0.1:18281 > "$out/$1.log" 2>&1 &
    pids+=($!)
    until curl -fs "http://localhost:$2/actuator/health" >/dev/null 2>&1; do sleep 0.5; done
}
echo "== starting both apps on PostgreSQL (logs in $out)"
start command-side 18281
start query-side 18282
app_pids=("${pids[@]}")

echo "== load for 110 s, $clients clients: PostgreSQL restarted at 15 s, stopped from 40 s to 80 s"
java deploy/faults/OutageLoad.java http://localhost:18281 http://localhost:18282 "admin:$password" 110 \
    "$clients" "$out" > "$out/load.txt" &
load=$!
pids+=($load)
sleep 15
echo "$(date +%T) restarting PostgreSQL"; postgres restart
sleep 25
echo "$(date +%T) stopping PostgreSQL for 40 s"; postgres stop
sleep 40
echo "$(date +%T) starting PostgreSQL"; postgres start
wait $load
cat "$out/load.txt"

echo
echo "== checks"
for pid in "${app_pids[@]}"; do
    kill -0 "$pid" || { echo "FAILED: an app died (pid $pid)"; exit 1; }
done
prefix=$(cat "$out/run.txt")
$pg -d ordinateurs_outage -At -c "select convert_from(payload, 'UTF8')::json->>'assetTag' from domainEventEntry
    where payloadType like '%.DeviceReceived'" | grep "^$prefix" | sort > "$out/stored.txt"
echo "acknowledged: $(wc -l < "$out/acknowledged.txt"); receptions stored: $(wc -l < "$out/stored.txt")"
twice=$(uniq -d "$out/stored.txt" | wc -l)
lost=$(comm -23 "$out/acknowledged.txt" <(sort -u "$out/stored.txt") | wc -l)
unacknowledged=$(comm -13 "$out/acknowledged.txt" <(sort -u "$out/stored.txt") | wc -l)
echo "stored twice: $twice; acknowledged but not stored: $lost; stored but never acknowledged: $unacknowledged"
curl -fs "http://localhost:18281/actuator/health" >/dev/null && curl -fs "http://localhost:18282/actuator/health" \
    >/dev/null && echo "both apps UP again, without a restart" || { echo "FAILED: an app is not UP"; exit 1; }
[ "$twice" -eq 0 ] && [ "$lost" -eq 0 ] && [ "$unacknowledged" -eq 0 ] || { echo "FAILED"; exit 1; }
echo "PASSED"
