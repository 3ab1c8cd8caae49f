#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md in one run, one after the other (never two at once: they share the cores),
# each beside the raw PostgreSQL baseline of its own run; then one table of their headline figures, in Markdown, to
# keep in docs/benchmarks.md with the commit it measured. Each figure that issue 14 sets a target for is printed
# beside it, met or missed.
#   deploy/benchmark/all.sh [DEVICES=100000] [CLIENTS=16] [READ_DEVICES=1000000]
#   erasure-audit.sh DEVICES        a generated store of about ten events per device; the auditor's replay
#   rebuild.sh                      every read model rebuilt from that store
#   command-api.sh 2000 CLIENTS     receptions and sanitisations over HTTP
#   DEVICES=READ_DEVICES pages.sh 200
#                                   the pages a signed-in person opens and the API's reads, on the demo data and
#                                   READ_DEVICES generated devices in the inventory
# Each one's whole output is kept in target/benchmarks/<time>/. Needs what each of them needs (see their heads).
#   deploy/benchmark/all.sh --table target/benchmarks/<time> [DEVICES] [CLIENTS] [READ_DEVICES]
#                                   prints the table of that run again, from its kept outputs
set -euo pipefail
cd "$(dirname "$0")/../.."
out=
if [ "${1:-}" = --table ]; then
    out=$2
    shift 2
fi
devices=${1:-100000}
clients=${2:-16}
read_devices=${3:-1000000}
load() { uptime | sed 's/.*load average: //'; }

run() { # name command...
    local name=$1
    shift
    echo "== $name: $* (load $(load))"
    "$@" 2>&1 | tee "$out/$name.txt"
    echo "load after $name: $(load)" >> "$out/$name.txt"
}

if [ -z "$out" ]; then
    out=target/benchmarks/$(date -u +%Y%m%dT%H%M%SZ)
    mkdir -p "$out"
    run audit deploy/benchmark/erasure-audit.sh "$devices"
    run rebuild deploy/benchmark/rebuild.sh
    run commands deploy/benchmark/command-api.sh 2000 "$clients"
    run pages env DEVICES="$read_devices" deploy/benchmark/pages.sh 200
fi

# the figures, as each script prints them (nothing where a benchmark stopped before printing one)
field() { # file pattern [sed expression]
    { grep -a -m1 -E "$2" "$out/$1.txt" || true; } | sed -E "${3:-s/^ *//}"
}
# a page's or read's line of pages.txt: name clients requests req/s p50 p95 p99 KiB unexpected
page_field() { # name clients column (4: req/s, 5: p50, 6: p95, 7: p99)
    awk -v name="$1" -v clients="$2" -v column="$3" '$1 == name && $2 == clients { print $column; exit }' \
        "$out/pages.txt"
}
page_result() { # name clients
    echo "$(page_field "$1" "$2" 4) requests/s, p50 $(page_field "$1" "$2" 5) ms, p95 $(page_field "$1" "$2" 6) ms," \
        "p99 $(page_field "$1" "$2" 7) ms"
}
# a raw baseline's line of pages.txt: name clients requests tps p50 p95 p99
raw_result() { # name (as pages.sh prints it)
    awk -v name="$1" 'index($0, name) == 1 && $(NF - 5) == 1 {
        printf "%s/s, p50 %s ms, p99 %s ms", $(NF - 3), $(NF - 2), $NF; exit }' "$out/pages.txt"
}
# "met" when the figure is on the target's side of it (at-least, or at-most), "**missed**" otherwise
verdict() { # figure at-least|at-most target
    awk -v figure="${1//,/}" -v bound="$2" -v target="$3" 'BEGIN {
        if (figure == "") { print "not measured"; exit }
        met = bound == "at-least" ? figure + 0 >= target : figure + 0 <= target
        print met ? "met" : "**missed**" }'
}
ratio() { # numerator denominator
    awk -v a="${1//,/}" -v b="${2//,/}" 'BEGIN { if (a != "" && b > 0) printf "%.3f", a / b }'
}
{
    echo "Commit \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%d)," \
        "$(nproc) cores, a store of $devices devices, $clients clients for the commands, $read_devices generated" \
        "devices in the inventory for the reads."
    echo
    echo "| measure | result | raw PostgreSQL, same run | issue 14's target | |"
    echo "|---|---|---|---|---|"
    replay=$(field audit '^audit / raw' 's/^audit \/ raw: *([0-9.]+).*/\1/')
    echo "| auditor's replay | $(field audit '^audit: ' 's/^audit: *([0-9,]+ events\/s).*/\1/') ($replay of the raw read) | $(field audit '^raw read: ' 's/^raw read: *([0-9,]+ rows\/s).*/\1/') | ≥ 0.6 of the raw read | $(verdict "$replay" at-least 0.6) |"
    rebuilt=$(field rebuild '^every read model' 's/^every read model: *[0-9.]+ s +([0-9]+) events.*/\1/')
    echo "| rebuild of every read model | $(field rebuild '^every read model' 's/^every read model: *([^;]*);.*/\1/') | $(field rebuild '^every read model' 's/.*raw read ([0-9]+ rows\/s).*/\1/') | ≥ 30,000 events/s | $(verdict "$rebuilt" at-least 30000) |"
    heap=$(field rebuild '^every read model' 's/.*at most ([0-9]+) MB.*/\1/')
    echo "| query side's heap during the rebuild | $(field rebuild '^every read model' 's/.*; (live heap[^;]*);.*/\1/') | | within 512 MB | $(verdict "$heap" at-most 512) |"
    raw_tps=$(field commands '^tps = ' 's/^tps = ([0-9]+).*/\1/')
    for phase in "receive device" "sanitise medium"; do
        rate=$(field commands "^$phase " 's/.*clients: *([0-9.]+) commands\/s.*/\1/')
        share=$(ratio "$rate" "$raw_tps")
        echo "| $phase, clients: $clients | $(field commands "^$phase " 's/.*clients: *([0-9.]+ commands\/s, latency .*)/\1/') ($share of the raw rate) | $raw_tps single-row transactions/s | ≥ 0.25 of the raw rate at 16 clients | $(verdict "$share" at-least 0.25) |"
    done
    echo "| command acknowledged → in the inventory (its staleness under the commands), clients: $clients | $(field commands '^inventory staleness during the commands' 's/^inventory staleness during the commands, //') | | | |"
    stale=$(field commands '^inventory staleness during the measured' 's/.*p99 ([0-9]+) ms.*/\1/')
    echo "| the same, warm-up left out | $(field commands '^inventory staleness during the measured' 's/^inventory staleness during the measured commands \(warm-up left out\), //') | | p99 ≤ 300 ms | $(verdict "$stale" at-most 300) |"
    echo "| one 1,000-row batch file | $(field commands 'batch imported in' 's/.*imported in ([0-9.]+ s).*/\1/') | $(field commands '^raw 1,000-row batch in' 's/^raw 1,000-row batch in (.*)/\1/') | | |"
    # the reads at READ_DEVICES devices, one client, each with issue 14's bound on its p99
    for read in "/api/devices?state=READY|50|50 READY, media, kept count" "/api/devices/counts|20|" \
            "/api/devices/{id}/provenance|10|" "/tableau-de-bord|20|dashboard's kept figures"; do
        IFS='|' read -r name bound raw <<< "$read"
        echo "| $name, clients: 1 | $(page_result "$name" 1) | ${raw:+$raw: $(raw_result "$raw")} | p99 ≤ $bound ms | $(verdict "$(page_field "$name" 1 7)" at-most "$bound") |"
    done
    for page in /inventaire "/inventaire?state=READY"; do
        for count_clients in 1 4 16; do
            if [ "$count_clients" = 16 ]; then
                echo "| page $page, clients: 16 | $(page_result "$page" 16) | | ≥ 500 requests/s | $(verdict "$(page_field "$page" 16 4)" at-least 500) |"
            else
                echo "| page $page, clients: $count_clients | $(page_result "$page" "$count_clients") | | | |"
            fi
        done
    done
    echo "| page /tableau-de-bord, clients: 4 | $(page_result /tableau-de-bord 4) | | | |"
    grep -a -E "^50 devices, media, count" "$out/pages.txt" | while read -r _ _ _ _ count_clients _ tps p50 _ p99; do
        echo "| raw: an inventory page's reads, clients: $count_clients | | $tps/s, p50 $p50 ms, p99 $p99 ms | | |"
    done
    for name in commands pages; do
        echo "| heaps during the $name | $(field "$name" '^heap in use after' 's/^heap in use after a collection at most: //') | | | |"
    done
    for name in audit rebuild commands pages; do
        echo "| load average after $name | $(sed -n "s/^load after $name: //p" "$out/$name.txt") | | | |"
    done
} | sed -E 's/ {2,}/ /g' | tee "$out/summary.md"
echo "== the table is in $out/summary.md; each benchmark's whole output beside it"
