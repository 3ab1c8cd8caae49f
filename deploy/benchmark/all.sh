#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md in one run, one after the other (never two at once: they share the cores),
# each beside the raw PostgreSQL baseline of its own run; then one table of their headline figures, in Markdown, to
# keep in docs/benchmarks.md with the commit it measured. Each figure that issue 14 sets a target for is printed
# beside it, met or missed.
#   deploy/benchmark/all.sh [DEVICES=100000] [CLIENTS=16] [READ_DEVICES=1000000]
#   erasure-audit.sh DEVICES        a generated store of about ten events per device; the auditor's replay
#   rebuild.sh                      every read model rebuilt from that store; then a device's provenance read
#                                   from it through the API, and the inventory, then every read model, rebuilt again
#                                   on the warm query side
#   command-api.sh 2000 CLIENTS     receptions and sanitisations over HTTP
#   DEVICES=READ_DEVICES pages.sh 1000
#                                   the pages a signed-in person opens and the API's reads, on the demo data and
#                                   READ_DEVICES generated devices in the inventory
# Each one's whole output is kept in target/benchmarks/<time>/, with what was run (run.txt) and the table
# (summary.md). A benchmark that fails leaves its figures "not measured"; the others still run. Needs what each of
# them needs (see their heads).
#   deploy/benchmark/all.sh --table target/benchmarks/<time>
#                                   prints the table of that run again, from its kept outputs
set -euo pipefail
cd "$(dirname "$0")/../.."
load() { uptime | sed 's/.*load average: //'; }

run() { # name command...
    local name=$1
    shift
    echo "== $name: $* (load $(load))"
    if ! "$@" 2>&1 | tee "$out/$name.txt"; then
        echo "== $name failed: its figures are left out (its output is in $out/$name.txt)" >&2
    fi
    echo "load after $name: $(load)" >> "$out/$name.txt"
}

if [ "${1:-}" = --table ]; then
    out=${2:?"--table needs the folder of a run (target/benchmarks/<time>)"}
    [ -f "$out/run.txt" ] || { echo "no $out/run.txt: not a folder of all.sh's" >&2; exit 2; }
    . "$out/run.txt"
    table_file=/dev/null # the run's own table stays as it was printed
else
    out=target/benchmarks/$(date -u +%Y%m%dT%H%M%SZ)
    mkdir -p "$out"
    devices=${1:-100000}
    clients=${2:-16}
    read_devices=${3:-1000000}
    commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
    day=$(date -u +%Y-%m-%d)
    # the benchmarks build the working tree as they start: the code as it is now, and as it is after them
    code() { { git rev-parse HEAD; git diff HEAD; } | cksum; }
    code_before=$(code)
    cores=$(nproc)
    declare -p devices clients read_devices commit day cores > "$out/run.txt"
    table_file=$out/summary.md
    run audit deploy/benchmark/erasure-audit.sh "$devices"
    run rebuild deploy/benchmark/rebuild.sh
    run commands deploy/benchmark/command-api.sh 2000 "$clients"
    run pages env DEVICES="$read_devices" deploy/benchmark/pages.sh 1000
    if [ "$(code)" != "$code_before" ]; then
        commit="$commit, the code changed during the run (each benchmark built it as it was when it began)"
        declare -p devices clients read_devices commit day cores > "$out/run.txt"
    fi
fi
if [ -z "${cores:-}" ]; then # a run kept before the cores were
    cores=$(nproc) cores_guessed=yes
fi

# The figures, as each script prints them: a line's text, or one number of it; nothing where a benchmark stopped
# before printing it.
field() { # file pattern [sed expression]
    { grep -a -m1 -E "$2" "$out/$1.txt" 2>/dev/null || true; } | sed -E "${3:-s/^ *//}"
}
number() { # file pattern sed-expression-capturing-the-number
    { grep -a -m1 -E "$2" "$out/$1.txt" 2>/dev/null || true; } | sed -n -E "$3p" | tr -d ,
}
# a page's or read's line as PageLoad prints it (in pages.txt, and the provenance's in rebuild.txt):
# name clients requests req/s p50 p95 p99 KiB unexpected
page_field() { # name clients column (4: req/s, 5: p50, 6: p95, 7: p99) [benchmark, pages by default]
    local file="$out/${4:-pages}.txt"
    [ -f "$file" ] || return 0
    awk -v name="$1" -v clients="$2" -v column="$3" '$1 == name && $2 == clients { print $column; exit }' "$file"
}
page_result() { # name clients [benchmark]
    [ -n "$(page_field "$1" "$2" 4 "${3:-}")" ] || return 0
    echo "$(page_field "$1" "$2" 4 "${3:-}") requests/s, p50 $(page_field "$1" "$2" 5 "${3:-}") ms," \
        "p95 $(page_field "$1" "$2" 6 "${3:-}") ms, p99 $(page_field "$1" "$2" 7 "${3:-}") ms$(unexpected "$@")"
}
unexpected() { # name clients [benchmark]: PageLoad's last column, when it is not "none"
    local file="$out/${3:-pages}.txt"
    [ -f "$file" ] || return 0
    awk -v name="$1" -v clients="$2" '$1 == name && $2 == clients && $9 != "none" {
        printf ", unexpected answers:"; for (i = 9; i <= NF; i++) printf " %s", $i; exit }' "$file"
}
# the figure a target is judged on: none (so "not measured") where an answer was not the one expected, since the
# latencies of refusals or errors say nothing of the page
judged_field() { # name clients column [benchmark]
    [ -z "$(unexpected "$1" "$2" "${4:-}")" ] || return 0
    page_field "$@"
}
# a raw baseline's line (raw-reads.sh), of pages.txt or another: name clients requests tps p50 p95 p99
raw_result() { # name (as the benchmark prints it) clients [benchmark, pages by default]
    local file="$out/${3:-pages}.txt"
    [ -f "$file" ] || return 0
    awk -v name="$1" -v clients="$2" 'index($0, name) == 1 && $(NF - 5) == clients {
        printf "%s/s, p50 %s ms, p99 %s ms", $(NF - 3), $(NF - 2), $NF; exit }' "$file"
}
# "met" when the figure is on the target's side of it (at-least, or at-most), "**missed**" otherwise, "not
# measured" when there is no figure
verdict() { # figure at-least|at-most target
    awk -v figure="$1" -v bound="$2" -v target="$3" 'BEGIN {
        if (figure !~ /^[0-9]+(\.[0-9]+)?$/) { print "not measured"; exit }
        met = bound == "at-least" ? figure + 0 >= target : figure + 0 <= target
        print met ? "met" : "**missed**" }'
}
# What the run's own CPU figures (each process's, from /proc) say of a rate missed: the cores' ceiling at that cost,
# and what the target would leave for every process together.
# A CPU line as the benchmarks print it: "... PostgreSQL 2.81 ms, load program 2.03 ms; together 16.42 ms"
together_ms() { sed -n -E 's/.*together ([0-9.]+) ms.*/\1/p' <<< "$1"; }
others_ms() { # PostgreSQL's and the load program's, added
    awk '{ if (match($0, /PostgreSQL [0-9.]+/)) p = substr($0, RSTART + 11, RLENGTH - 11)
           if (match($0, /load program [0-9.]+/)) l = substr($0, RSTART + 13, RLENGTH - 13)
           if (p != "" && l != "") print p + l }' <<< "$1"
}
budget() { # what unit cpu-line target-rate
    awk -v what="$1" -v unit="$2" -v ms="$(together_ms "$3")" -v breakdown="${3%%;*}" -v target="$4" \
        -v others="$(others_ms "$3")" -v cores="$cores" 'BEGIN {
        if (ms !~ /^[0-9.]+$/ || ms == 0 || target !~ /^[0-9.]+$/ || target == 0) exit
        ceiling = cores * 1000 / ms; left = cores * 1000 / target
        printf "- **%s**: %.2f ms of CPU a %s, every process together (%s): %d cores give at most %.0f a second at" \
            " that cost, %s. %s a second would leave %.2f ms a %s for all of them", what, ms, unit, breakdown, cores,
            ceiling, ceiling < target ? "short of the target whatever waits are removed" : "above the target: the" \
            " time goes to waiting, not to the CPU", target, left, unit
        if (others ~ /^[0-9.]+$/) printf "; PostgreSQL and the load program alone took %.2f ms%s", others,
            others >= left ? ", more than that: not within reach with the load on the same cores" : ""
        print "." }'
}
why_missed() {
    local cpu line rate provenance
    cpu=$(field commands '^CPU per measured command' 's/^CPU per measured command \(sampled every half second over [0-9.]+ s\): //')
    if [ "$clients" = 16 ] && [ -n "$raw_tps" ]; then
        for phase in "receive device" "sanitise medium"; do
            rate=$(number commands "^$phase " 's/.*clients: *([0-9.]+) commands\/s.*/\1/')
            if [ "$(verdict "$(ratio "$rate" "$raw_tps")" at-least 0.25)" = "**missed**" ]; then
                budget "the commands at 16 clients (both phases: one CPU line)" command "$cpu" \
                    "$(awk -v r="$raw_tps" 'BEGIN { printf "%.0f", r / 4 }')"
                break
            fi
        done
    fi
    if [ "$(verdict "$stale" at-most 300)" = "**missed**" ]; then
        rate=$(number commands '^receive device ' 's/.*clients: *([0-9.]+) commands\/s.*/\1/')
        awk -v ms="$(together_ms "$cpu")" -v rate="$rate" -v cores="$cores" 'BEGIN {
            if (ms !~ /^[0-9.]+$/ || rate !~ /^[0-9.]+$/ || rate == 0) exit
            printf "- **the inventory'"'"'s staleness**: measured while the commands kept %.0f %% of the %d cores busy" \
                " (%.1f a second at %.2f ms of CPU each)%s.\n", rate * ms / cores / 10, cores, rate, ms,
                rate * ms / cores / 10 >= 80 ? ": the query side'"'"'s processors then likely wait for a core as the" \
                " commands do (a profile would tell)" : "" }'
    fi
    for page in /inventaire "/inventaire?state=READY"; do
        if [ "$(verdict "$(judged_field "$page" 16 4)" at-least 500)" = "**missed**" ]; then
            line=$({ grep -a -m1 -F "cpu per request of $page, clients: 16: " "$out/pages.txt" 2>/dev/null || true; } \
                | sed 's/^cpu per request of [^:]*: [0-9]*: //')
            budget "page $page at 16 clients" page "$line" 500
        fi
    done
    provenance="/api/devices/{id}/provenance"
    if [ "$(verdict "$(judged_field "$provenance" 1 7 rebuild)" at-most 10)" = "**missed**" ]; then
        line=$({ grep -a -m1 -F "cpu per request of $provenance, clients: 1: " "$out/rebuild.txt" 2>/dev/null \
            || true; } | sed 's/^cpu per request of [^:]*: [0-9]*: //')
        awk -v p50="$(page_field "$provenance" 1 5 rebuild)" -v p99="$(page_field "$provenance" 1 7 rebuild)" \
            -v cpu="${line%%;*}" -v pauses="$({ grep -a -m1 -F "pauses while measuring $provenance, clients: 1: " \
                "$out/rebuild.txt" 2>/dev/null || true; } | sed 's/^pauses while measuring [^:]*: [0-9]*: //')" 'BEGIN {
            printf "- **a device'"'"'s provenance**: p99 %s ms against 10, p50 %s ms (one client%s)", p99, p50,
                cpu == "" ? "" : "; CPU a request: " cpu
            # as PageLoad prints it: "query side 3, 38.0 ms in all, longest 14.0 ms; the slowest 10 requests 9.1 to
            # 25.3 ms"
            if (match(pauses, /[0-9]+, [0-9.]+ ms in all, longest [0-9.]+ ms; the slowest [0-9]+ requests/)) {
                split(substr(pauses, RSTART, RLENGTH), f, /[ ,;]+/)
                count = f[1]; longest = f[7]; slow = f[11]
                printf ". The collector paused %d time%s while it was measured, %s ms in all, the longest %s ms; %s",
                    count, count == 1 ? "" : "s", f[2], longest, substr(pauses, index(pauses, "; ") + 2)
                if (count >= slow && longest + p50 >= p99)
                    printf ": as many pauses as slow requests, long enough to make them slow; the tail is the" \
                        " collector'"'"'s"
                else
                    printf ": %s, so the tail is not the collector'"'"'s alone (a request waiting for a core, or" \
                        " PostgreSQL)", count < slow ? "fewer pauses than slow requests" \
                        : "pauses too short for the tail"
            }
            print "." }'
    fi
    if [ "$(verdict "$rebuilt" at-least 30000)" = "**missed**" ]; then
        awk -v line="$(field rebuild '^CPU: the query side')" -v rate="$rebuilt" -v total="$(number rebuild \
                '^every read model' 's/^every read model: *([0-9.]+) s.*/\1/')" -v cores="$cores" 'BEGIN {
            if (!match(line, /query side [0-9.]+/) || rate == 0 || total == 0) exit
            q = substr(line, RSTART + 11, RLENGTH - 11)
            if (!match(line, /PostgreSQL [0-9.]+/)) exit
            p = substr(line, RSTART + 11, RLENGTH - 11); events = rate * total
            if (q + p == 0) exit
            printf "- **the rebuild**: %.0f µs of CPU an event (the query side %.0f, its start included, PostgreSQL" \
                " %.0f): %d cores give at most %.0f events a second at that cost. 30,000 a second would leave %.0f µs" \
                " an event.\n", (q + p) * 1e6 / events, q * 1e6 / events, p * 1e6 / events, cores,
                cores * events / (q + p), cores * 1e6 / 30000 }'
    fi
}
ratio() { # numerator denominator
    awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.3f", a / b }'
}
{
    echo "Commit \`$commit\`, $day, $cores cores, a store of $devices devices, $clients clients for the commands," \
        "$read_devices generated devices in the inventory for the reads."
    echo
    echo "| measure | result | raw PostgreSQL, same run | issue 14's target | |"
    echo "|---|---|---|---|---|"
    replayed=$(number audit '^audit: ' 's/^audit: *([0-9,]+) events\/s.*/\1/')
    raw_read=$(number audit '^raw read: ' 's/^raw read: *([0-9,]+) rows\/s.*/\1/')
    replay=$(ratio "$replayed" "$raw_read")
    echo "| auditor's replay | $replayed events/s ($replay of the raw read) | $raw_read rows/s | ≥ 0.6 of the raw read | $(verdict "$replay" at-least 0.6) |"
    rebuilt=$(number rebuild '^every read model' 's/^every read model: *[0-9.]+ s +([0-9]+) events.*/\1/')
    echo "| rebuild of every read model | $(field rebuild '^every read model' 's/^every read model: *([0-9.]+ s) +([0-9]+ events\/s);.*/\1, \2/') | $(field rebuild '^every read model' 's/.*raw read ([0-9]+ rows\/s).*/\1/') | ≥ 30,000 events/s | $(verdict "$rebuilt" at-least 30000) |"
    heap=$(number rebuild '^every read model' 's/.*at most ([0-9]+) MB.*/\1/')
    echo "| the inventory alone, rebuilt again on the running query side (warm) | $(field rebuild '^inventory, warm' 's/^inventory, warm: *([0-9.]+ s) +([0-9]+ events\/s);.*/\1, \2/') | | | |"
    echo "| every read model, rebuilt again on the running query side (warm) | $(field rebuild '^all read models, warm' 's/^all read models, warm: *([0-9.]+ s) +([0-9]+ events\/s);.*/\1, \2/') | | | |"
    echo "| query side's heap during the rebuild | $(field rebuild '^every read model' 's/.*; (live heap[^;]*);.*/\1/') | | within 512 MB | $(verdict "$heap" at-most 512) |"
    raw_tps=$(number commands '^tps = ' 's/^tps = ([0-9]+).*/\1/')
    for phase in "receive device" "sanitise medium"; do
        rate=$(number commands "^$phase " 's/.*clients: *([0-9.]+) commands\/s.*/\1/')
        share=$(ratio "$rate" "$raw_tps")
        # the target is set at 16 clients: judged there only
        judged=$([ "$clients" = 16 ] && verdict "$share" at-least 0.25 || echo "judged at 16 clients")
        echo "| $phase, clients: $clients | $(field commands "^$phase " 's/.*clients: *([0-9.]+ commands\/s, latency .*)/\1/')${share:+ ($share of the raw rate)} | ${raw_tps:+$raw_tps single-row transactions/s} | ≥ 0.25 of the raw rate at 16 clients | $judged |"
    done
    echo "| command acknowledged → in the inventory (its staleness under the commands), clients: $clients | $(field commands '^inventory staleness during the commands' 's/^inventory staleness during the commands, //') | | | |"
    stale=$(number commands '^inventory staleness during the measured' 's/.*p99 ([0-9]+) ms.*/\1/')
    echo "| the same, warm-up left out | $(field commands '^inventory staleness during the measured' 's/^inventory staleness during the measured commands \(warm-up left out\), //') | | p99 ≤ 300 ms | $(verdict "$stale" at-most 300) |"
    raw=$(field commands "^PostgreSQL's CPU per raw transaction" "s/^PostgreSQL's CPU per raw transaction: //")
    echo "| CPU per measured command (both phases), by process | $(field commands '^CPU per measured command' 's/^CPU per measured command \(sampled every half second over [0-9.]+ s\): //') | ${raw:+PostgreSQL per transaction: $raw} | | |"
    echo "| one 1,000-row batch file | $(field commands 'batch imported in' 's/.*imported in ([0-9.]+ s).*/\1/') | $(field commands '^raw 1,000-row batch in' 's/^raw 1,000-row batch in (.*)/\1/') | | |"
    # the reads at READ_DEVICES devices, one client, each with issue 14's bound on its p99
    for read in "/api/devices?state=READY|50|50 READY, media, kept count" \
            "/inventaire?state=READY|50|50 READY as listed, kept count" "/api/devices/counts|20|" \
            "/tableau-de-bord|20|dashboard's kept figures"; do
        IFS='|' read -r name bound raw <<< "$read"
        echo "| $name, clients: 1 | $(page_result "$name" 1) | ${raw:+$raw: $(raw_result "$raw" 1)} | p99 ≤ $bound ms | $(verdict "$(judged_field "$name" 1 7)" at-most "$bound") |"
    done
    # a medium's serial typed by hand (small letters, spaces for dashes): a filtered page, issue 14's bound
    search="/api/devices?q=SERIAL"
    raw=$(raw_result "serial in hand" 1)
    echo "| $search (a medium's serial as typed), clients: 1 | $(page_result "$search" 1) | ${raw:+serial in hand, three indexes: $raw} | p99 ≤ 50 ms | $(verdict "$(judged_field "$search" 1 7)" at-most 50) |"
    # a device's provenance is read from the event store: judged on the rebuild's store (DEVICES devices), not on
    # the pages benchmark's, which holds the demo's events only
    provenance="/api/devices/{id}/provenance"
    raw=$(raw_result "events of one device" 1 rebuild)
    echo "| $provenance, clients: 1, in the rebuilt store of $devices devices | $(page_result "$provenance" 1 rebuild) | ${raw:+events of one device: $raw} | p99 ≤ 10 ms | $(verdict "$(judged_field "$provenance" 1 7 rebuild)" at-most 10) |"
    echo "| the same, in a store of the demo's events | $(page_result "$provenance" 1) | | | |"
    for page in /inventaire "/inventaire?state=READY"; do
        for count_clients in 4 16; do
            if [ "$count_clients" = 16 ]; then
                raw=
                if [ "$page" = /inventaire ]; then raw=$(raw_result "50 as listed, kept count" 16); fi
                echo "| page $page, clients: 16 | $(page_result "$page" 16) | ${raw:+50 as listed, kept count: $raw} | ≥ 500 requests/s | $(verdict "$(judged_field "$page" 16 4)" at-least 500) |"
            else
                echo "| page $page, clients: $count_clients | $(page_result "$page" "$count_clients") | | | |"
            fi
        done
    done
    raw=$(raw_result "50 as listed, kept count" 1)
    echo "| page /inventaire, clients: 1 | $(page_result /inventaire 1) | ${raw:+50 as listed, kept count: $raw} | | |"
    echo "| page /tableau-de-bord, clients: 4 | $(page_result /tableau-de-bord 4) | | | |"
    for name in commands pages; do
        echo "| heaps during the $name | $(field "$name" '^heap in use after' 's/^heap in use after a collection at most: //') | | | |"
    done
    for name in audit rebuild commands pages; do
        echo "| load average after $name | $(sed -n "s/^load after $name: //p" "$out/$name.txt" 2>/dev/null) | | | |"
    done
    why=$(why_missed)
    if [ -n "$why" ]; then
        echo
        guessed=""
        [ -z "${cores_guessed:-}" ] || guessed=" (on this machine's $cores cores: the run kept no count of its own)"
        echo "Why a target is missed, from this run's own CPU figures$guessed:"
        echo "$why"
    fi
} | sed -E 's/ {2,}/ /g' | tee "$table_file"
[ "$table_file" = /dev/null ] || echo "== the table is in $table_file; each benchmark's whole output beside it"
