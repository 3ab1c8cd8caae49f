# Sourced by the benchmarks: CPU time, in ticks of 10 ms (user and system, every thread), as /proc counts it.
#   cpu_ticks PID       of one process (0 once it has ended)
#   postgres_ticks      of every PostgreSQL process, those that have ended too (the server counts its ended
#                       backends' time as its own children's)
cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
postgres_ticks() { # a process may end as it is read: cat then fails, which must not stop a benchmark
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '$2 == "(postgres)" { ticks += $14 + $15 + $16 + $17 } END { print ticks + 0 }'
}
# cpu_per_command SAMPLES FROM_MS COMMANDS: from samples "epoch-ms command-side query-side postgres load" (one line
# each, in time order), the CPU each spent per command from the first sample at or after FROM_MS to the last
cpu_per_command() {
    awk -v from="$2" -v commands="$3" '$1 >= from && !a { a = 1; for (i = 1; i <= 5; i++) first[i] = $i }
        { for (i = 1; i <= 5; i++) if ($i > 0) last[i] = $i } # 0: the process had ended, its last count stands
        END { if (!a || commands == 0) { print "CPU per command: no samples"; exit }
              for (i = 2; i <= 5; i++) { ms[i] = (last[i] - first[i]) * 10 / commands; all += ms[i] }
              printf "CPU per measured command (sampled every half second over %.1f s): command side %.2f ms," \
                  " query side %.2f ms, PostgreSQL %.2f ms, load program %.2f ms; together %.2f ms\n",
                  (last[1] - first[1]) / 1000, ms[2], ms[3], ms[4], ms[5], all }' "$1"
}
