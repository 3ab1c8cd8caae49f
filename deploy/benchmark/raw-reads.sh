# Sourced by the benchmarks: raw_read NAME SCRIPT CLIENTS ROUNDS DATABASE [pgbench options...] runs the pgbench
# SCRIPT ROUNDS times in all by CLIENTS clients on DATABASE and prints one line, as the raw PostgreSQL baseline of an
# app's read: name, clients, requests, transactions per second, and each transaction's p50, p95 and p99 latency in ms.
raw_read_header() {
    printf "%-28s %7s %8s %8s %8s %8s %8s\n" "raw PostgreSQL" "clients" "requests" "tps" "p50 ms" "p95 ms" "p99 ms"
}
raw_read() {
    local name=$1 script=$2 clients=$3 rounds=$4 database=$5 tps log
    shift 5
    log=$(mktemp -d)
    tps=$(pgbench -h 127.0.0.1 -U postgres -n -c "$clients" -j "$clients" -t $((rounds / clients)) "$@" \
        -l --log-prefix="$log/pgbench_log" -f "$script" "$database" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    # each transaction's latency, in microseconds, is the third field of pgbench's log
    cat "$log"/pgbench_log* | awk '{ print $3 }' | sort -n | awk -v name="$name" -v clients="$clients" -v tps="$tps" '
        { t[NR] = $1 } END {
            printf "%-28s %7d %8d %8.1f %8.2f %8.2f %8.2f\n", name, clients, NR, tps, t[int(NR * 0.50) + 1] / 1000,
                t[int(NR * 0.95) + 1] / 1000, t[int(NR * 0.99) + 1] / 1000 }'
    rm -rf "$log"
}
