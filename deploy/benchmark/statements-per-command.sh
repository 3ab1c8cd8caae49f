#!/usr/bin/env bash
# The SQL statements the command side sends for one command: COMMANDS receptions (a device with one medium) and then
# COMMANDS sanitisations of their media, one at a time, each statement PostgreSQL runs for them counted by kind from
# its log (log_statement = all, set for this database only). The query side is not started: only the command side's
# statements are counted, and not the empty ones by which it checks every second that the database answers.
#   deploy/benchmark/statements-per-command.sh [COMMANDS=50]
# Needs a local PostgreSQL (127.0.0.1:5432, user postgres) whose log this user can read (PG_LOG, by default the first
# cluster's as pg_lsclusters names it); uses the database ordinateurs_bench_statements, dropped and re-created, and
# port COMMAND_PORT (18181).
set -euo pipefail
cd "$(dirname "$0")/../.."
commands=${1:-50}
port=${COMMAND_PORT:-18181}
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)
pg_log=${PG_LOG:-$(pg_lsclusters -h | awk 'NR == 1 { print $7 }')}
password=benchmark-admin-password
export PGOPTIONS="--client-min-messages=warning"
pg="psql -h 127.0.0.1 -U postgres -q"
logs=$(mktemp -d)

./mvnw -q -DskipTests package
$pg -d postgres -c "drop database if exists ordinateurs_bench_statements with (force)" \
    -c "create database ordinateurs_bench_statements" \
    -c "alter database ordinateurs_bench_statements set log_statement = 'all'"
java -jar "command-side/target/command-side-$version-exec.jar" --spring.profiles.active=postgres \
    --server.port="$port" --spring.datasource.username=postgres \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/ordinateurs_bench_statements \
    --ordinateurs.personal-data.household-index-secret=benchmark --ordinateurs.admin-password="$password" \
    --ordinateurs.personal-data.key-encryption-keyset-file="$logs/key-encryption-keyset.json" \
    --ordinateurs.documents.seal-keyset-file="$logs/document-seal-keyset.json" > "$logs/command-side.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null; wait || true' EXIT
until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 "$app" 2>/dev/null || { echo "the command side did not start; see $logs/command-side.log" >&2; exit 1; }
    sleep 0.2
done

post() { # path body: the answer's body
    curl -fsS -u "admin:$password" -H 'Content-Type: application/json' -X POST "http://localhost:$port$1" -d "$2"
}
. deploy/benchmark/donor.sh
donor=$(donor_with_agreement "http://localhost:$port" "admin:$password" "Statements donor")
receive() { # asset tag: "deviceId mediumId"
    post /api/devices "{\"assetTag\":\"$1\",\"donorId\":\"$donor\",\"donationBatchReference\":\"STATEMENTS\",
        \"category\":\"LAPTOP\",\"manufacturer\":\"Dell\",\"model\":\"Latitude 5490\",\"serialNumber\":\"SN-$1\",
        \"storageMedia\":[{\"mediaType\":\"SATA_SSD\",\"manufacturer\":\"Samsung\",\"serialNumber\":\"S-$1\"}],
        \"receivedAt\":\"2026-03-02T09:00:00Z\"}" | grep -o '"[a-zA-Z]*Id":"[^"]*"' | cut -d'"' -f4 | head -2 | xargs
}
sanitise() { # deviceId mediumId
    post "/api/devices/$1/media/$2/sanitisations" '{"level":"PURGE","technique":"CRYPTOGRAPHIC_ERASE","tool":"nwipe",
        "toolVersion":"0.37","verificationMethod":"FULL","verificationPassed":true,"operator":"Bench",
        "location":"Lab","performedAt":"2026-03-03T09:00:00Z",
        "toolReportSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}' > /dev/null
}
sanitise $(receive WARM-UP) # the first of each kind prepares what the later ones reuse
sleep 1 # the log is written as the statements run: what is logged from here on is the commands'
count() { # phase, the log's first line: the statements logged since, by kind
    sed -n "$2,\$p" "$pg_log" | grep -a 'ordinateurs_bench_statements LOG:  \(statement\|execute\)' \
        | sed -E 's/.*LOG:  (statement|execute [^:]*): //' | cut -c1-100 | grep -v '^ *$' > "$logs/$1"
    echo "== $1: $(wc -l < "$logs/$1") statements for $commands commands, by kind (the first 100 characters of each)"
    sort "$logs/$1" | uniq -c | sort -rn
}
from=$(($(wc -l < "$pg_log") + 1))
for i in $(seq 1 "$commands"); do receive "STATEMENTS-$i"; done > "$logs/devices"
sleep 1
count receptions "$from"
from=$(($(wc -l < "$pg_log") + 1))
while read -r device medium; do sanitise "$device" "$medium"; done < "$logs/devices"
sleep 1
count sanitisations "$from"
