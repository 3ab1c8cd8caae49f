#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md in one run, one after the other (never two at once: they share the cores),
# each beside the raw PostgreSQL baseline of its own run; then one table of their headline figures, in Markdown, to
# keep in docs/benchmarks.md with the commit it measured.
#   deploy/benchmark/all.sh [DEVICES=100000] [CLIENTS=16]
#   erasure-audit.sh DEVICES        a generated store of about ten events per device; the auditor's replay
#   rebuild.sh                      every read model rebuilt from that store
#   command-api.sh 2000 CLIENTS     receptions and sanitisations over HTTP
#   DEVICES=DEVICES pages.sh 200    the pages a signed-in person opens, on the demo data and DEVICES generated
#                                   devices in the inventory
# Each one's whole output is kept in target/benchmarks/<time>/. Needs what each of them needs (see their heads).
set -euo pipefail
cd "$(dirname "$0")/../.."
devices=${1:-100000}
clients=${2:-16}
out=target/benchmarks/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
load() { uptime | sed 's/.*load average: //'; }

run() { # name command...
    local name=$1
    shift
    echo "== $name: $* (load $(load))"
    "$@" 2>&1 | tee "$out/$name.txt"
    echo "load after $name: $(load)" >> "$out/$name.txt"
}

run audit deploy/benchmark/erasure-audit.sh "$devices"
run rebuild deploy/benchmark/rebuild.sh
run commands deploy/benchmark/command-api.sh 2000 "$clients"
run pages env DEVICES="$devices" deploy/benchmark/pages.sh 200

# the figures, as each script prints them
field() { # file pattern [sed expression]
    grep -a -m1 -E "$2" "$out/$1.txt" | sed -E "${3:-s/^ *//}"
}
{
    echo "Commit \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%d)," \
        "$(nproc) cores, $devices devices, $clients clients for the commands."
    echo
    echo "| measure | result | raw PostgreSQL, same run |"
    echo "|---|---|---|"
    echo "| auditor's replay | $(field audit '^audit: ' 's/^audit: *([0-9,]+ events\/s).*/\1/') ($(field audit '^audit / raw' 's/^audit \/ raw: *([0-9.]+).*/\1/') of the raw read) | $(field audit '^raw read: ' 's/^raw read: *([0-9,]+ rows\/s).*/\1/') |"
    echo "| rebuild of every read model | $(field rebuild '^every read model' 's/^every read model: *([^;]*);.*/\1/') | $(field rebuild '^every read model' 's/.*raw read ([0-9]+ rows\/s).*/\1/') |"
    echo "| query side's heap during the rebuild | $(field rebuild '^every read model' 's/.*; (live heap[^;]*);.*/\1/') | |"
    for phase in "receive device" "sanitise medium"; do
        echo "| $phase, clients: $clients | $(field commands "^$phase " 's/.*clients: *([0-9.]+ commands\/s, latency .*)/\1/') | $(field commands '^tps = ' 's/^tps = ([0-9]+).*/\1 single-row transactions\/s/') |"
    done
    echo "| command acknowledged → in the inventory (its staleness under the commands), clients: $clients | $(field commands '^inventory staleness during the commands' 's/^inventory staleness during the commands, //') | |"
    echo "| the same, warm-up left out | $(field commands '^inventory staleness during the measured' 's/^inventory staleness during the measured commands \(warm-up left out\), //') | |"
    echo "| one 1,000-row batch file | $(field commands 'batch imported in' 's/.*imported in ([0-9.]+ s).*/\1/') | $(field commands '^raw 1,000-row batch in' 's/^raw 1,000-row batch in (.*)/\1/') |"
    for page in "/tableau-de-bord" "/inventaire" "/inventaire\?state=READY"; do
        grep -a -E "^$page +[0-9]" "$out/pages.txt" | while read -r name count_clients _ rate p50 p95 p99 _; do
            echo "| page $name, clients: $count_clients | $rate requests/s, p50 $p50 ms, p95 $p95 ms, p99 $p99 ms | |"
        done
    done
    grep -a -E "^50 devices, media, count" "$out/pages.txt" | while read -r _ _ _ _ count_clients _ tps p50 _ p99; do
        echo "| raw: an inventory page's reads, clients: $count_clients | | $tps/s, p50 $p50 ms, p99 $p99 ms |"
    done
    for name in commands pages; do
        echo "| heaps during the $name | $(field "$name" '^heap in use after' 's/^heap in use after a collection at most: //') | |"
    done
    for name in audit rebuild commands pages; do
        echo "| load average after $name | $(sed -n "s/^load after $name: //p" "$out/$name.txt") | |"
    done
} | sed -E 's/ {2,}/ /g' | tee "$out/summary.md"
echo "== the table is in $out/summary.md; each benchmark's whole output beside it"
