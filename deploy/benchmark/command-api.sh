#!/usr/bin/env bash
# Start-up time of both apps and throughput of the command API on PostgreSQL, with the raw PostgreSQL
# baseline (pgbench appending comparable rows, one transaction each, same number of clients) from the same run.
#   deploy/benchmark/command-api.sh [DEVICES=2000] [CLIENTS=4]
# PROFILE=file.jfr records a Java Flight Recorder profile of the command side for the whole run, QUERY_PROFILE one of
# the query side. QUERY_JAR is the query side to run (the one built here by default), to compare another build;
# QUERY_SIDE_JVM_ARGS replace its JVM options as deployed (deploy/jvm/query-side.args; e.g. -XX:+UseG1GC).
# Needs a local PostgreSQL (127.0.0.1:5432, user postgres) and pgbench; uses the database ordinateurs_bench,
# dropped and re-created on each run, and ports 18081/18082.
set -euo pipefail
cd "$(dirname "$0")/../.."
devices=${1:-2000}
clients=${2:-4}
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)
export PGOPTIONS="--client-min-messages=warning"
pg="psql -h 127.0.0.1 -U postgres -q"
url=jdbc:postgresql://127.0.0.1:5432/ordinateurs_bench
logs=$(mktemp -d)
# the first account (admin and staff) signs every request in with HTTP Basic: BCrypt at its default cost, as in
# production, is part of what is measured
password=benchmark-admin-password

./mvnw -q -DskipTests package
$pg -d postgres -c "drop database if exists ordinateurs_bench with (force)" -c "create database ordinateurs_bench"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait || true' EXIT  # waits: a profile is written as the app stops

. deploy/benchmark/flight-recording.sh
flight_recording profile "${PROFILE:-}"
flight_recording query_profile "${QUERY_PROFILE:-}"

start() { # name port [java option...]
    local began=$(date +%s%N) jar="$1/target/$1-$version-exec.jar" jvm=()
    if [ "$1" = query-side ]; then
        jar=${QUERY_JAR:-$jar}
        # shellcheck disable=SC2206 # QUERY_SIDE_JVM_ARGS: words
        jvm=(${QUERY_SIDE_JVM_ARGS:-@deploy/jvm/query-side.args})
    fi
    java ${jvm[@]+"${jvm[@]}"} -Xlog:gc:file="$logs/$1-gc.log" "${@:3}" -jar "$jar" \
        --spring.profiles.active=postgres --server.port="$2" \
        --spring.datasource.url="$url" --spring.datasource.username=postgres \
        --ordinateurs.personal-data.household-index-secret=benchmark --ordinateurs.admin-password="$password" \
        --ordinateurs.personal-data.key-encryption-keyset-file="$logs/key-encryption-keyset.json" \
        --ordinateurs.documents.seal-keyset-file="$logs/document-seal-keyset.json" \
        > "$logs/$1.log" 2>&1 &
    pids+=($!)
    until curl -fs "http://localhost:$2/actuator/health" >/dev/null 2>&1; do
        kill -0 "${pids[-1]}" 2>/dev/null || { echo "$1 did not start; see $logs/$1.log" >&2; exit 1; }
        sleep 0.1
    done
    printf "%-12s ready in %5.2f s (until /actuator/health answers UP; Spring says: %s)\n" "$1" \
        "$(awk "BEGIN { print ($(date +%s%N) - $began) / 1e9 }")" \
        "$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$logs/$1.log")"
}

echo "== start-up, on an empty database (Flyway creates the schema)"
start command-side 18081 "${profile[@]}"
start query-side 18082 "${query_profile[@]}"

echo "== command API: $devices devices, $clients clients (after 300 warm-up receptions and sanitisations)"
# meanwhile, every 250 ms, how stale the inventory is: the age of the oldest event it has not applied (beyond the
# position its slowest segment has reached, as the query side reports it; 0 when it has them all), which is how long
# a command acknowledged then waits to be seen in it. Not the tokens stored in the database: a segment with nothing
# to apply stores its token only every five seconds, though it has moved on. Each sample has its time, so that the
# figures can leave out the warm-up as the commands' own figures do.
staleness() { # the SQL of one sample, or nothing when the query side does not answer
    local at
    at=$(curl -fs --max-time 2 -u "admin:$password" localhost:18082/api/read-models/inventory \
        | sed -n 's/.*"position":\([0-9]*\).*/\1/p') || return 0
    echo "select (extract(epoch from clock_timestamp()) * 1000)::bigint, coalesce((select extract(epoch from
        now() - timestamp::timestamptz) * 1000 from domainevententry where globalindex > ${at:--1}
        order by globalindex limit 1), 0);"
}
# one psql session takes the samples: a new one per sample took half a second to start on the loaded machine
# (it ends when the loop that feeds it is stopped)
( while :; do staleness; sleep 0.25; done > >($pg -d ordinateurs_bench -AtF' ' > "$logs/staleness" 2>/dev/null) ) &
sampler=$!
pids+=("$sampler") # stopped with the apps, should the load fail
java deploy/benchmark/CommandApiLoad.java http://localhost:18081 "$devices" "$clients" "admin:$password" \
    "$logs/measured-from" &
load=$!
# and every half second, the CPU each process has used so far: where a command's cost goes, the two cores being shared
. deploy/benchmark/cpu.sh
( while kill -0 "$load" 2>/dev/null; do
      echo "$(date +%s%3N) $(cpu_ticks "${pids[0]}") $(cpu_ticks "${pids[1]}") $(postgres_ticks) $(cpu_ticks "$load")"
      sleep 0.5
  done > "$logs/cpu" ) &
wait "$load"
# the last commands' wait to be seen counts too: the samples go on until the inventory has them all (30 s at most)
give_up=$(($(date +%s) + 30))
while [ "$(date +%s)" -lt "$give_up" ]; do
    [ "$(staleness | $pg -d ordinateurs_bench -AtF' ' | cut -d' ' -f2)" = 0 ] && break
    sleep 0.1
done
sleep 0.5 # a last sample
kill "$sampler" 2>/dev/null || echo "the staleness sampler had stopped early: its figures cover less" >&2
staleness_figures() { # label, then the samples' "epoch-ms staleness-ms" lines on stdin
    sort -k2 -n | awk -v label="$1" '{ t[NR] = $2 } END { if (NR == 0) { print "inventory staleness " label \
        ": no samples"; exit } printf "inventory staleness %s, %d samples: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms," \
        " max %.0f ms\n", label, NR, t[int(NR * 0.50) + 1], t[int(NR * 0.95) + 1], t[int(NR * 0.99) + 1], t[NR] }'
}
staleness_figures "during the commands" < "$logs/staleness"
awk -v from="$(cat "$logs/measured-from")" '$1 >= from' "$logs/staleness" \
    | staleness_figures "during the measured commands (warm-up left out)"
cpu_per_command "$logs/cpu" "$(cat "$logs/measured-from")" $((2 * devices))

echo "== batch import: one 1,000-row CSV file (each row a device with one medium), all or nothing"
. deploy/benchmark/donor.sh
donor=$(donor_with_agreement http://localhost:18081 "admin:$password" "Batch donor")
batch=$(mktemp)
{ echo "asset_tag,category,manufacturer,model,serial_number,condition_notes,medium1_type,medium1_manufacturer,medium1_model,medium1_serial,medium1_capacity_gb"
  for i in $(seq 1 1000); do echo "BATCH-$i,LAPTOP,Lenovo,ThinkPad T480,PF1$i,,NVME_SSD,Samsung,PM981,S4D$i,256"; done; } > "$batch"
curl -fs -o /dev/null -w "1,000-row batch imported in %{time_total} s (HTTP %{http_code})\n" -X POST \
    "localhost:18081/api/donors/$donor/batches?reference=BENCH-1000&receivedAt=2026-03-02T09:00:00Z" \
    -H 'Content-Type: text/csv' -u "admin:$password" --data-binary @"$batch"
rm -f "$batch"

echo "== raw PostgreSQL baseline: the same number of single-row transactions into a table shaped like the event store"
$pg -d ordinateurs_bench -c "create table baseline_event (like domainevententry including all)"
script=$(mktemp)
cat > "$script" <<'SQL'
insert into baseline_event (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                            payloadrevision, payloadtype, timestamp)
values (gen_random_uuid()::text, 0, 'Device', gen_random_uuid()::text, decode(repeat('7b', 200), 'hex'),
        decode(repeat('7b', 700), 'hex'), '1', 'org.ordinateurssolidaires.events.device.DeviceReceived',
        now()::text);
SQL
before=$(postgres_ticks)
pgbench -h 127.0.0.1 -U postgres -n -c "$clients" -j "$clients" -t $((devices / clients)) -f "$script" ordinateurs_bench \
    | grep -E "^(number of transactions actually processed|latency average|tps)"
echo "PostgreSQL's CPU per raw transaction: $(awk "BEGIN { printf \"%.2f\", ($(postgres_ticks) - $before) * 10 / \
    $((devices / clients * clients)) }") ms"
rm -f "$script"
echo "== raw PostgreSQL baseline for the batch: 1,000 such rows (plus their 1,000 tag rows) in one transaction"
$pg -d ordinateurs_bench -c "create table baseline_tag (asset_tag varchar(32) primary key, device_id uuid)"
start=$(date +%s%N)
$pg -d ordinateurs_bench -c "begin" \
    -c "insert into baseline_event (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
        payloadrevision, payloadtype, timestamp) select gen_random_uuid()::text, 0, 'Device', gen_random_uuid()::text,
        decode(repeat('7b', 200), 'hex'), decode(repeat('7b', 900), 'hex'), '1', 'DeviceReceived', now()::text
        from generate_series(1, 1000)" \
    -c "insert into baseline_tag select 'T' || n, gen_random_uuid() from generate_series(1, 1000) n" -c "commit"
echo "raw 1,000-row batch in $(awk "BEGIN { print ($(date +%s%N) - $start) / 1e9 }") s"
. deploy/benchmark/heap.sh
echo "heap in use after a collection at most: command side $(heap_in_use "$logs/command-side-gc.log") MB," \
    "query side $(heap_in_use "$logs/query-side-gc.log") MB"
