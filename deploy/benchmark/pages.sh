#!/usr/bin/env bash
# Response times of the pages a signed-in person opens (staff, and a donor), on the demo data and PostgreSQL, with
# the raw PostgreSQL baseline (pgbench: the same reads by key and by page, on the same database) from the same run.
#   deploy/benchmark/pages.sh [ROUNDS=1000]
# Each page is asked WARM_UP times (1000) before it is measured, not counted.
# QUERY_SIDE_ARGS, if set, are passed on to the query side (to try a setting: QUERY_SIDE_ARGS=--name=value);
# QUERY_SIDE_JVM_ARGS replace its JVM options as deployed (deploy/jvm/query-side.args; e.g. -XX:+UseG1GC).
# QUERY_PROFILE=file.jfr records a Java Flight Recorder profile of the query side for the whole run.
# DEVICES=N adds N generated devices (one medium each, spread over the states and three years as a programme that
# has run for years has them) to the inventory's read model beside the demo data, to measure reads at that scale.
# Needs a local PostgreSQL (127.0.0.1:5432, user postgres) and pgbench; uses the database ordinateurs_bench_pages,
# dropped and re-created on each run, and ports COMMAND_PORT (18181) and QUERY_PORT (18182).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-1000}
warm_up=${WARM_UP:-1000} # requests of each page not counted first (PageLoad.WARM_UP says why)
command_port=${COMMAND_PORT:-18181}
query_port=${QUERY_PORT:-18182}
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)
export PGOPTIONS="--client-min-messages=warning"
pg="psql -h 127.0.0.1 -U postgres -q"
url=jdbc:postgresql://127.0.0.1:5432/ordinateurs_bench_pages
logs=$(mktemp -d)

echo "== machine: $(nproc) cores; load before the build:$(uptime | sed 's/.*load average://')"
./mvnw -q -DskipTests package
$pg -d postgres -c "drop database if exists ordinateurs_bench_pages with (force)" \
    -c "create database ordinateurs_bench_pages"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait || true' EXIT  # waits: a profile is written as the app stops
. deploy/benchmark/flight-recording.sh
flight_recording query_profile "${QUERY_PROFILE:-}"

start() { # name port extra-args...
    local name=$1 port=$2 began=$(date +%s%N) pid profile=() jvm=()
    shift 2
    if [ "$name" = query-side ]; then
        profile=(${query_profile[@]+"${query_profile[@]}"})
        # shellcheck disable=SC2206 # QUERY_SIDE_JVM_ARGS: words
        jvm=(${QUERY_SIDE_JVM_ARGS:-@deploy/jvm/query-side.args})
    fi
    java ${jvm[@]+"${jvm[@]}"} -Xlog:gc:file="$logs/$name-gc.log"::filecount=0 ${profile[@]+"${profile[@]}"} \
        -jar "${JAR:-$name/target/$name-$version-exec.jar}" \
        --spring.profiles.active=postgres --server.port="$port" \
        --spring.datasource.url="$url" --spring.datasource.username=postgres \
        --ordinateurs.personal-data.household-index-secret=benchmark \
        --ordinateurs.admin-password=benchmark-admin-password \
        --ordinateurs.personal-data.key-encryption-keyset-file="$logs/key-encryption-keyset.json" \
        --ordinateurs.documents.seal-keyset-file="$logs/document-seal-keyset.json" "$@" \
        > "$logs/$name.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
        kill -0 "$pid" 2>/dev/null || { echo "$name did not start; see $logs/$name.log" >&2; exit 1; }
        sleep 0.1
    done
    printf "%-12s ready in %5.2f s (until /actuator/health answers UP)\n" "$name" \
        "$(awk "BEGIN { print ($(date +%s%N) - $began) / 1e9 }")"
}

echo "== demo data: the command side seeds it through its API (deploy/run.sh --demo) and opens the demo accounts"
# the command side with the demo generator beside it (module demo)
JAR="demo/target/demo-$version-exec.jar" start command-side "$command_port" --demo \
    --ordinateurs.demo.accounts-file="$logs/demo-accounts"
# shellcheck disable=SC2086 # QUERY_SIDE_ARGS: words
start query-side "$query_port" --ordinateurs.web.command-side-url="http://127.0.0.1:$command_port" ${QUERY_SIDE_ARGS:-}
# the command side answers UP once its seeding is over; the accounts file is written last
for _ in $(seq 1 600); do [ -s "$logs/demo-accounts" ] && break; sleep 1; done
[ -s "$logs/demo-accounts" ] || { echo "the demo data was not seeded; see $logs/command-side.log" >&2; exit 1; }
grep -o 'Demo data seeded in [0-9.]* s: [0-9]* devices' "$logs/command-side.log"
# measured once every read model has every event: each processor's token (segment by segment) at the store's last
. deploy/benchmark/token-position.sh
behind="select count(*) from tokenentry, (select max(globalindex) as last from domainevententry) store
        where $token_position < store.last"
for _ in $(seq 1 300); do [ "$($pg -d ordinateurs_bench_pages -Atc "$behind")" = 0 ] && break; sleep 1; done
[ "$($pg -d ordinateurs_bench_pages -Atc "$behind")" = 0 ] || { echo "the query side did not catch up" >&2; exit 1; }
$pg -d ordinateurs_bench_pages -Atc "select format('up to date: %s events, %s devices, %s media, %s referrals',
    (select count(*) from domainevententry), (select count(*) from inventory_device),
    (select count(*) from inventory_medium), (select count(*) from referral_record))"

if [ -n "${DEVICES:-}" ]; then
    began=$(date +%s)
    $pg -d ordinateurs_bench_pages -v ON_ERROR_STOP=1 -v devices="$DEVICES" <<'SQL'
-- a generated device has no history in the store: its version (V29), where this version keeps one, is its first
do $$ begin
    if exists (select 1 from information_schema.columns
               where table_name = 'inventory_device' and column_name = 'last_sequence') then
        alter table inventory_device alter column last_sequence set default 0;
    end if;
end $$;
-- states as a programme that has run for years has them: most devices handed over, a stock in the workshop
insert into inventory_device (device_id, asset_tag, donor_id, donation_batch_reference, category, manufacturer,
        model, serial_number, stage, state, state_since, received_at, grade, operating_system, media_declared,
        sanitised_at, ready_at, handed_over_at)
select md5('device' || n)::uuid, 'GEN-' || lpad(n::text, 7, '0'), md5('donor' || n % (:devices / 150 + 1))::uuid,
       'LIV-GEN-' || n / 40, (array['LAPTOP', 'LAPTOP', 'DESKTOP', 'TABLET'])[1 + n % 4], 'Dell', 'Latitude 5490',
       'SN-GEN-' || n, s.stage, s.state, received + interval '20 days', received, s.grade, s.os, true,
       case when s.state <> 'AWAITING_SANITISATION' then sanitised end,
       case when s.state in ('READY', 'ALLOCATED', 'HANDED_OVER') then ready end,
       case when s.state = 'HANDED_OVER' then handed_over end
from generate_series(1, :devices) n,
     -- at any hour of the day; erased within 10 days, checked within 14 more, handed over within 30 more
     lateral (select now() - (n % 1095) * interval '1 day' - (n % 24) * interval '1 hour' as received) r,
     lateral (select received + (n::bigint * 7919 % 240) * interval '1 hour' as sanitised) e,
     lateral (select sanitised + (n::bigint * 104729 % 336) * interval '1 hour' as ready) q,
     lateral (select ready + (n::bigint * 1299709 % 720) * interval '1 hour' as handed_over) h,
     lateral (select case when n % 100 < 70 then 'HANDED_OVER' when n % 100 < 80 then 'RECYCLED'
                          when n % 100 < 85 then 'READY' when n % 100 < 87 then 'ALLOCATED'
                          when n % 100 < 90 then 'REFURBISHED' when n % 100 < 94 then 'SANITISED'
                          else 'AWAITING_SANITISATION' end as state) st,
     lateral (select st.state,
                     case st.state when 'SANITISED' then 'AWAITING_REFURBISHMENT'
                                   when 'AWAITING_SANITISATION' then 'AWAITING_REFURBISHMENT' else st.state end as stage,
                     case when st.state in ('READY', 'ALLOCATED', 'HANDED_OVER') then 'B' end as grade,
                     case when st.state not in ('AWAITING_SANITISATION', 'SANITISED') then 'Linux Mint 22' end as os) s;
insert into inventory_medium (device_id, position, medium_id, media_type, manufacturer, model, serial_number,
        capacity_gigabytes, erasure_status, sanitisation_level, sanitisation_technique, erased_at,
        sanitisation_attempts, sanitisation_tool, sanitisation_tool_version, verification_method,
        sanitisation_operator)
select device_id, 0, md5('medium' || asset_tag)::uuid, 'HARD_DISK_DRIVE', 'Seagate', 'ST500LM030',
       'MS-' || asset_tag, 500, case when sanitised_at is null then 'PENDING' else 'SANITISED' end,
       case when sanitised_at is not null then 'PURGE' end, case when sanitised_at is not null then 'OVERWRITE' end,
       sanitised_at, case when sanitised_at is null then 0 else 1 end,
       case when sanitised_at is not null then 'nwipe' end, case when sanitised_at is not null then '0.37' end,
       case when sanitised_at is not null then 'FULL' end, case when sanitised_at is not null then 'Camille' end
from inventory_device where asset_tag like 'GEN-%';
do $$ begin
    if exists (select 1 from information_schema.columns
               where table_name = 'inventory_device' and column_name = 'last_sequence') then
        alter table inventory_device alter column last_sequence drop default;
    end if;
end $$;
-- the serials as they read (MediumSerials; V29, V30), where this version keeps them: the generated ones are
-- capitals, digits and dashes, which is all the reading takes out
do $$ begin
    if exists (select 1 from information_schema.columns
               where table_name = 'inventory_device' and column_name = 'serial_scanned') then
        update inventory_device set serial_scanned = replace(serial_number, '-', '') where asset_tag like 'GEN-%';
    end if;
    if exists (select 1 from information_schema.columns
               where table_name = 'inventory_medium' and column_name = 'serial_scanned') then
        update inventory_medium set serial_scanned = replace(serial_number, '-', '') where serial_number like 'MS-GEN-%';
    end if;
end $$;
-- the counts the inventory keeps (V20), as its migration fills them, where this version keeps them
do $$ begin
    if to_regclass('inventory_count') is not null then
        delete from inventory_count;
        insert into inventory_count select state, category, count(*) from inventory_device group by state, category;
    end if;
end $$;
-- the workshop's figures (V21), as its migration (WorkshopFiguresFirstFill) fills them, months in Europe/Paris
do $$ begin
    if to_regclass('workshop_month') is not null then
        delete from workshop_month;
        delete from workshop_cohort;
        delete from workshop_lead_time;
        create temporary table reached as
            select received_at, m.milestone, m.at from inventory_device,
                lateral (values ('RECEIVED', received_at), ('SANITISED', sanitised_at), ('READY', ready_at),
                                ('HANDED_OVER', handed_over_at)) m(milestone, at)
            where m.at is not null;
        insert into workshop_month select date_trunc('month', at at time zone 'Europe/Paris')::date, milestone,
            count(*) from reached group by 1, 2;
        insert into workshop_cohort select date_trunc('month', received_at at time zone 'Europe/Paris')::date,
            milestone, count(*) from reached group by 1, 2;
        -- durations to the hour below 64 hours, beyond rounded to their six leading bits (WorkshopFigures.kept;
        -- the generated ones are never negative)
        insert into workshop_lead_time
            select date_trunc('month', s.ended at time zone 'Europe/Paris')::date, s.from_milestone, s.to_milestone,
                   case when h < 64 then h else (h + (1::bigint << (b - 7))) >> (b - 6) << (b - 6) end, count(*)
            from inventory_device,
                lateral (values ('RECEIVED', received_at, 'SANITISED', sanitised_at),
                                ('SANITISED', sanitised_at, 'READY', ready_at),
                                ('READY', ready_at, 'HANDED_OVER', handed_over_at),
                                ('RECEIVED', received_at, 'HANDED_OVER', handed_over_at))
                    s(from_milestone, began, to_milestone, ended),
                lateral (select round(extract(epoch from s.ended - s.began) / 3600)::bigint as h) hours,
                lateral (select length(ltrim(h::bit(64)::text, '0')) as b) bits
            where s.began is not null and s.ended is not null group by 1, 2, 3, 4;
    end if;
end $$;
vacuum analyze inventory_device;
vacuum analyze inventory_medium;
SQL
    echo "generated $DEVICES devices in the inventory in $(( $(date +%s) - began )) s"
fi

# the device pages go round devices sampled in a fixed order: staff's among all, the donor's among its own
$pg -d ordinateurs_bench_pages -Atc "select device_id from inventory_device order by md5(device_id::text)
    limit $rounds" > "$logs/devices"
$pg -d ordinateurs_bench_pages -Atc "select d.device_id from inventory_device d join account a using (donor_id)
    where a.username = 'demo-donateur' order by md5(d.device_id::text) limit $rounds" > "$logs/donor-devices"
# the provenance is read from the store: among the devices that have events there, not the generated ones
$pg -d ordinateurs_bench_pages -Atc "select device_id from inventory_device d where exists (select 1
    from domainevententry e where e.aggregateidentifier = d.device_id::text)
    order by md5(device_id::text) limit $rounds" > "$logs/recorded-devices"
tag=$($pg -d ordinateurs_bench_pages -Atc "select asset_tag from inventory_device order by md5(device_id::text)
    limit 1")
# media's serials in hand, as staff type them rather than scan them: small letters, a space for each dash
$pg -d ordinateurs_bench_pages -Atc "select lower(replace(serial_number, '-', ' ')) from inventory_medium
    where serial_number is not null order by md5(medium_id::text) limit $rounds" > "$logs/serials"

echo "== pages: $rounds requests each (after $warm_up each not counted), signed in with the login form;" \
    "load:$(uptime | sed 's/.*load average://')"
# the CPU of each app, PostgreSQL and the load program per request, and the query side's collector pauses meanwhile,
# printed under each measured line
java -DwarmUp="$warm_up" -DcpuOf="query side:${pids[1]},command side:${pids[0]}" \
    -DgcLogOf="query side:$logs/query-side-gc.log" deploy/benchmark/PageLoad.java \
    "http://localhost:$query_port" "$rounds" "$logs/demo-accounts" "$tag" "$logs/devices" "$logs/donor-devices" \
    "$logs/recorded-devices" "$logs/serials"
echo "== load after the pages:$(uptime | sed 's/.*load average://')"

echo "== raw PostgreSQL baseline: the same reads with pgbench, same database, same requests and clients"
$pg -d ordinateurs_bench_pages -c "create table baseline_device as
    select row_number() over (order by device_id) as n, device_id from inventory_device" \
    -c "alter table baseline_device add primary key (n)" -c "analyze baseline_device"
devices=$($pg -d ordinateurs_bench_pages -Atc "select count(*) from baseline_device")
cat > "$logs/device.sql" <<'SQL'
\set n random(1, :devices)
select d.*, m.* from baseline_device b join inventory_device d using (device_id)
    left join inventory_medium m using (device_id) where b.n = :n;
SQL
# the total as the page reads it: from the kept counts (V20) where this version keeps them
counts_kept=$($pg -d ordinateurs_bench_pages -Atc "select to_regclass('inventory_count')")
if [ -n "$counts_kept" ]; then
    total="select coalesce(sum(devices), 0) from inventory_count;"
    inventory_name="50 devices, media, kept count"
else
    total="select count(*) from inventory_device;"
    inventory_name="50 devices, media, count"
fi
cat > "$logs/inventory.sql" <<SQL
select d.*, m.* from (select * from inventory_device order by asset_tag limit 50) d
    left join inventory_medium m using (device_id) order by d.asset_tag, m.position;
$total
SQL
cat > "$logs/ready.sql" <<'SQL'
select d.*, m.* from (select * from inventory_device where state = 'READY' order by asset_tag limit 50) d
    left join inventory_medium m using (device_id) order by d.asset_tag, m.position;
select coalesce(sum(devices), 0) from inventory_count where state = 'READY';
SQL
# the inventory's page reads the columns it shows, no media (InventoryQueries.ListDevices)
cat > "$logs/listed.sql" <<'SQL'
select device_id, asset_tag, donor_id, category, manufacturer, model, state, state_since
    from inventory_device order by asset_tag limit 50;
select coalesce(sum(devices), 0) from inventory_count;
SQL
cat > "$logs/listed-ready.sql" <<'SQL'
select device_id, asset_tag, donor_id, category, manufacturer, model, state, state_since
    from inventory_device where state = 'READY' order by asset_tag limit 50;
select coalesce(sum(devices), 0) from inventory_count where state = 'READY';
SQL
# the search by a serial in hand (InventoryProjection.inHand) where this version reads serials as they read (V30):
# the devices an asset tag or a serial's reading finds, each by its index, then their rows and media, and their count
serials_read=$($pg -d ordinateurs_bench_pages -Atc "select 1 from information_schema.columns
    where table_name = 'inventory_device' and column_name = 'serial_scanned'")
if [ -n "$serials_read" ]; then
    $pg -d ordinateurs_bench_pages -c "create table baseline_serial as select row_number() over (order by
        md5(medium_id::text)) as n, serial_scanned as reading from inventory_medium where serial_scanned is not null" \
        -c "alter table baseline_serial add primary key (n)" -c "analyze baseline_serial"
    serials=$($pg -d ordinateurs_bench_pages -Atc "select count(*) from baseline_serial")
    cat > "$logs/serial.sql" <<'SQL'
\set n random(1, :serials)
select d.*, m.* from inventory_device d left join inventory_medium m using (device_id)
    where d.device_id in (select device_id from inventory_device
                          where asset_tag = (select reading from baseline_serial where n = :n)
                          union select device_id from inventory_device
                          where serial_scanned = (select reading from baseline_serial where n = :n)
                          union select device_id from inventory_medium
                          where serial_scanned = (select reading from baseline_serial where n = :n))
    order by d.asset_tag, m.position limit 50;
select count(*) from (select device_id from inventory_device
                      where asset_tag = (select reading from baseline_serial where n = :n)
                      union select device_id from inventory_device
                      where serial_scanned = (select reading from baseline_serial where n = :n)
                      union select device_id from inventory_medium
                      where serial_scanned = (select reading from baseline_serial where n = :n)) found;
SQL
fi
cat > "$logs/dashboard.sql" <<'SQL'
select month_start, milestone, devices from workshop_month where month_start > current_date - 366;
select milestone, sum(devices) from workshop_cohort where received_month > current_date - 366 group by milestone;
select from_milestone, to_milestone, hours, sum(devices) from workshop_lead_time
    where month_start > current_date - 366 group by from_milestone, to_milestone, hours;
select state, category, devices from inventory_count;
SQL
. deploy/benchmark/raw-reads.sh
baseline() { # name script clients
    raw_read "$1" "$logs/$2" "$3" "$rounds" ordinateurs_bench_pages -D devices="$devices"
}
raw_read_header
baseline "device by key, its media" device.sql 1
baseline "$inventory_name" inventory.sql 1
baseline "$inventory_name" inventory.sql 4
if [ -n "$counts_kept" ]; then
    baseline "50 READY, media, kept count" ready.sql 1
    baseline "50 as listed, kept count" listed.sql 1
    baseline "50 as listed, kept count" listed.sql 16
    baseline "50 READY as listed, kept count" listed-ready.sql 1
fi
if [ -n "$($pg -d ordinateurs_bench_pages -Atc "select to_regclass('workshop_month')")" ]; then
    baseline "dashboard's kept figures" dashboard.sql 1
fi
if [ -n "$serials_read" ]; then
    raw_read "serial in hand: three indexes, rows, media, count" "$logs/serial.sql" 1 "$rounds" \
        ordinateurs_bench_pages -D serials="$serials"
fi
. deploy/benchmark/heap.sh
echo "heap in use after a collection at most: command side $(heap_in_use "$logs/command-side-gc.log") MB," \
    "query side $(heap_in_use "$logs/query-side-gc.log") MB"
echo "== load at the end:$(uptime | sed 's/.*load average://'); logs in $logs"
