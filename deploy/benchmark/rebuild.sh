#!/usr/bin/env bash
# Speed of a rebuild of every read model: the query side, started on a store whose read models are empty, replays
# the whole store; with the raw PostgreSQL baseline (an ordered read of the event table) measured in the same run.
# Then, the query side still running, a device's provenance read PROVENANCE_ROUNDS (1000) times through the API, after
# 3,000 requests not counted (the JIT still compiles after the first thousand): it is read from the event store, and
# this one is the largest at hand; with the query side's CPU per request and its collector's pauses meanwhile, and
# beside it the same devices' events read by pgbench (its raw baseline). Last, the inventory, then every read model,
# rebuilt once more on the running query side, asked for through the API as an admin asks for it. For those it writes
# a staff account, demo-equipe, and an admin, benchmark-admin, with the benchmark's password into the store's
# database.
#   deploy/benchmark/rebuild.sh
# Runs on the store deploy/benchmark/erasure-audit.sh DEVICES generated (database ordinateurs_audit_bench), which
# it leaves in place: run that first. Empties the read models, their tokens and dead letters each time.
# JAR is the query side to run (the one built here by default); HEAP (512m) is the query side's -Xmx;
# PROFILE=file.jfr records a Java Flight Recorder profile of the rebuild; QUERY_SIDE_ARGS are passed on to the query
# side (to try a setting: QUERY_SIDE_ARGS=--name=value); QUERY_SIDE_JVM_ARGS replace its JVM options as deployed
# (deploy/jvm/query-side.args; to try the JDK's default collector: QUERY_SIDE_JVM_ARGS=-XX:+UseG1GC).
# Needs a local PostgreSQL (127.0.0.1:5432, user postgres); uses port QUERY_PORT (18182).
set -euo pipefail
cd "$(dirname "$0")/../.."
query_port=${QUERY_PORT:-18182}
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)
export PGOPTIONS="--client-min-messages=warning"
database=ordinateurs_audit_bench
pg="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d $database"
logs=$(mktemp -d)
groups="'inventory', 'donors', 'referrals', 'ceremonies', 'erasure-register'"

jar=${JAR:-query-side/target/query-side-$version-exec.jar}
[ -f "$jar" ] || ./mvnw -q -DskipTests package
events=$($pg -Atc "select count(*) from domainevententry") \
    || { echo "no store to rebuild: run deploy/benchmark/erasure-audit.sh first" >&2; exit 1; }
last=$($pg -Atc "select max(globalindex) from domainevententry")

echo "== machine: $(nproc) cores; load:$(uptime | sed 's/.*load average://')"
echo "== emptying the read models (as docs/architecture.md's rebuild does), $events events in the store"
$pg -c "begin" \
    -c "truncate inventory_medium, inventory_hand_over, inventory_device, inventory_count, workshop_month,
        workshop_cohort, workshop_lead_time, donor_batch_record, donor_agreement_record, donor_record,
        referral_record, partner_contact, partner_record, ceremony_invitation, ceremony_record, erasure_record,
        erasure_device" \
    -c "delete from tokenentry where processorname in ($groups)" \
    -c "delete from deadletterentry where processinggroup in ($groups)" -c "commit"

# production's PostgreSQL analyses a table as it fills (autovacuum), which also makes the query side's prepared
# statements plan again for the table's new size; a test machine may run without it (this one's CI configuration
# does): then the read models' lookups keep the plans made when their tables were empty, and a rebuild slows down
# as they fill. Switched on for the run, and back as it was afterwards.
autovacuum=$($pg -Atc "show autovacuum")
pid=
# also when interrupted (INT, TERM): the query side stopped, the machine's setting back
# (the query side may have stopped already: a failed kill must not end the trap before the setting is back)
trap 'if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
      [ "$autovacuum" = on ] || $pg -c "alter system reset autovacuum" -c "select pg_reload_conf()" >/dev/null' EXIT
trap 'exit 1' INT TERM
if [ "$autovacuum" != on ]; then
    $pg -c "alter system set autovacuum = on" -c "select pg_reload_conf()" >/dev/null
    echo "autovacuum switched on for the run (it was $autovacuum)"
fi

echo "== raw PostgreSQL baseline: every column of the event table read in order (psql, to /dev/null)"
raw() {
    local began=$(date +%s%N)
    $pg -Atc "copy (select * from domainevententry order by globalindex) to stdout" > /dev/null
    awk "BEGIN { printf \"%.0f\", $events / (($(date +%s%N) - $began) / 1e9) }"
}
raw > /dev/null # warms the caches
raw1=$(raw)
echo "raw read: $raw1 rows/s"

! curl -s -o /dev/null "http://localhost:$query_port/" || { echo "port $query_port is taken: another query side?" >&2; exit 1; }
. deploy/benchmark/flight-recording.sh
flight_recording profile "${PROFILE:-}"
wal_before=$($pg -Atc "select pg_current_wal_lsn()")
# PostgreSQL's CPU: its processes' seconds now, to subtract from theirs at the end (those that end meanwhile, psql's
# own connections here, are not counted)
declare -A postgres_cpu_before=()
while read -r postgres_pid seconds; do postgres_cpu_before[$postgres_pid]=$seconds; done < <(ps -C postgres -o pid=,times=)
began=$(date +%s%N)
# shellcheck disable=SC2086 # QUERY_SIDE_JVM_ARGS, QUERY_SIDE_ARGS: words
java ${QUERY_SIDE_JVM_ARGS:-@deploy/jvm/query-side.args} -Xmx"${HEAP:-512m}" \
    -Xlog:gc:file="$logs/gc.log"::filecount=0 "${profile[@]}" -jar "$jar" \
    --spring.profiles.active=postgres --server.port="$query_port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$database" --spring.datasource.username=postgres \
    --ordinateurs.personal-data.household-index-secret=benchmark \
    --ordinateurs.personal-data.key-encryption-keyset-file="$logs/key-encryption-keyset.json" \
    --ordinateurs.documents.seal-keyset-file="$logs/document-seal-keyset.json" ${QUERY_SIDE_ARGS:-} \
    > "$logs/query-side.log" 2>&1 &
pid=$!
until curl -fs "http://localhost:$query_port/actuator/health/liveness" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "the query side did not start; see $logs/query-side.log" >&2; exit 1; }
    sleep 0.2
done
started=$(date +%s%N)
printf "query side started in %.1f s; replaying\n" "$(awk "BEGIN { print ($started - $began) / 1e9 }")"

# each processor's position: the lowest of its segments'
. deploy/benchmark/token-position.sh
# a read model is done once past the store's end with its indexes back (readmodel/IndexesSetAside), if any were set
# aside (the table is absent before the version that sets them aside, whose JAR= may be measured too)
set_aside=$($pg -Atc "select to_regclass('read_model_index_set_aside') is not null")
if [ "$set_aside" = t ]; then
    left_aside="exists (select 1 from read_model_index_set_aside a where a.read_model = processorname)"
else
    left_aside=false
fi
positions="select processorname, min($token_position), $left_aside from tokenentry
           where processorname in ($groups) group by processorname order by 1"
. deploy/benchmark/heap.sh
heap() {
    heap_in_use "$logs/gc.log"
}
declare -A done_at=()
while :; do
    sleep 1
    kill -0 "$pid" 2>/dev/null || { echo "the query side stopped; see $logs/query-side.log" >&2; exit 1; }
    now=$(date +%s%N)
    line=""
    while IFS='|' read -r group position aside; do
        if [ "$aside" = t ]; then line="$line $group $position, indexes aside;"; else line="$line $group $position;"; fi
        if [ "$position" -ge "$last" ] && [ "$aside" = f ] && [ -z "${done_at[$group]:-}" ]; then
            done_at[$group]=$now
        fi
    done < <($pg -Atc "$positions")
    printf "%6.1f s, heap %4s MB:%s\n" "$(awk "BEGIN { print ($now - $started) / 1e9 }")" "$(heap)" "$line"
    [ "${#done_at[@]}" -eq 5 ] && break
done

# what the rebuild cost, beside its time: the CPU of each, and the WAL PostgreSQL wrote (its writes' volume)
query_side_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat")
wal=$($pg -Atc "select pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal_before'))")
postgres_cpu=0
while read -r postgres_pid seconds; do
    postgres_cpu=$((postgres_cpu + seconds - ${postgres_cpu_before[$postgres_pid]:-0}))
done < <(ps -C postgres -o pid=,times=)
echo "== summary (load:$(uptime | sed 's/.*load average://'))"
parked=$($pg -Atc "select count(*) from deadletterentry")
for group in "${!done_at[@]}"; do
    awk -v g="$group" -v e="$events" "BEGIN { s = (${done_at[$group]} - $started) / 1e9;
        printf \"%-17s %6.1f s  %8.0f events/s\n\", g, s, e / s }"
done | sort
total=$(awk "BEGIN { print ($(printf '%s\n' "${done_at[@]}" | sort -n | tail -1) - $started) / 1e9 }")
echo "CPU: the query side $query_side_cpu s, PostgreSQL $postgres_cpu s; WAL written: $wal"
awk "BEGIN { printf \"every read model:  %6.1f s  %8.0f events/s; raw read %s rows/s (ratio %.3f); live heap after a collection at most %s MB, -Xmx%s; %s parked\n\",
    $total, $events / $total, $raw1, $events / $total / $raw1, $(heap), \"${HEAP:-512m}\", $parked }"

rounds=${PROVENANCE_ROUNDS:-1000}
warm_up=3000
# autovacuum analyses the tables the rebuild just filled: the provenance is measured once it is done (at most 5 min)
for _ in $(seq 1 300); do
    [ "$($pg -Atc "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")" = 0 ] && break
    sleep 1
done
echo "== a device's provenance from this store, through the API: $rounds requests after $warm_up not counted"
# PageLoad signs the API's reads in as demo-equipe, a member of staff: here with this benchmark's own password,
# whose hash (BCrypt, strength 10, as the apps keep them) is written beside it
$pg -c "insert into account (username, password_hash, roles, enabled, created_at, created_by, updated_at,
            updated_by)
        values ('demo-equipe', '{bcrypt}\$2a\$10\$.tWu5ittaKFqFGX.CL4Wpu4GftN0.V1hrNm/sW1VFpl9tMvRmw13m', 'staff',
            true, now(), 'benchmark', now(), 'benchmark')
        on conflict (username) do update set password_hash = excluded.password_hash, roles = excluded.roles,
            enabled = true, updated_at = now(), updated_by = 'benchmark'"
echo "demo-equipe staff benchmark-provenance-password" > "$logs/accounts"
$pg -c "drop table if exists baseline_provenance" \
    -c "create table baseline_provenance as
        select row_number() over (order by md5(aggregateidentifier)) as n, aggregateidentifier from domainevententry
        where type = 'Device' and sequencenumber = 0 order by md5(aggregateidentifier) limit 200" \
    -c "alter table baseline_provenance add primary key (n)"
$pg -Atc "select aggregateidentifier from baseline_provenance order by n" > "$logs/recorded-devices"
java -DwarmUp="$warm_up" -DcpuOf="query side:$pid" -DgcLogOf="query side:$logs/gc.log" \
    deploy/benchmark/PageLoad.java --provenance "http://localhost:$query_port" "$rounds" \
    "$logs/accounts" "$logs/recorded-devices"
# the raw baseline: the same devices' events read by pgbench as the event store reads them, by aggregate and in order
cat > "$logs/provenance.sql" <<'SQL'
\set n random(1, 200)
select e.* from baseline_provenance b join domainevententry e using (aggregateidentifier) where b.n = :n
    order by e.sequencenumber;
SQL
. deploy/benchmark/raw-reads.sh
raw_read_header
raw_read "events of one device" "$logs/provenance.sql" 1 "$rounds" "$database"

# The run above counts the query side's start and its JIT compiler's first minute (about 40 % of its CPU in a
# profile, docs/benchmarks.md). The inventory, the slowest read model, then every read model are rebuilt once more on
# the same query side, warm, as an admin asks for it: the rate of a rebuild itself. As an admin of this benchmark's
# own, with the same password.
$pg -c "insert into account (username, password_hash, roles, enabled, created_at, created_by, updated_at,
            updated_by)
        select 'benchmark-admin', password_hash, 'admin', true, now(), 'benchmark', now(), 'benchmark'
        from account where username = 'demo-equipe'
        on conflict (username) do update set password_hash = excluded.password_hash, roles = excluded.roles,
            enabled = true, updated_at = now(), updated_by = 'benchmark'"
rebuilt_warm() { # label, the API's path, the read models (SQL strings)
    local not_done="select count(*) from tokenentry where processorname in ($3) and $token_position < $last
                    or exists (select 1 from read_model_index_set_aside where read_model in ($3))"
    echo "== $1 rebuilt again on this running query side, asked for through the API"
    local cpu_before began cpu_after
    cpu_before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    began=$(date +%s%N)
    curl -fsS -o /dev/null -u benchmark-admin:benchmark-provenance-password -X POST \
        "http://localhost:$query_port$2"
    # ten minutes at most: a rebuild that does not end leaves the figure out, not the benchmark hanging
    until [ "$($pg -Atc "$not_done")" = 0 ]; do
        kill -0 "$pid" 2>/dev/null || { echo "the query side stopped; see $logs/query-side.log" >&2; exit 1; }
        if [ $(($(date +%s%N) - began)) -gt 600000000000 ]; then
            echo "$1: the rebuild did not end within 10 minutes; see $logs/query-side.log" >&2
            exit 1
        fi
        sleep 0.2
    done
    cpu_after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
    awk -v hz="$(getconf CLK_TCK)" -v e="$events" -v before="$cpu_before" -v ticks="$cpu_after" -v label="$1, warm:" \
        "BEGIN { s = ($(date +%s%N) - $began) / 1e9;
            printf \"%-17s %6.1f s  %8.0f events/s; the query side's CPU %.1f s\n\", label, s, e / s, (ticks - before) / hz }"
}
rebuilt_warm inventory /api/read-models/inventory/rebuild "'inventory'"
rebuilt_warm "all read models" /api/read-models/rebuild "$groups"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
echo "logs in $logs"
