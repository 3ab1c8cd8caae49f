# Sourced by the benchmarks: heap_in_use GC_LOG prints the largest heap in use after a collection, in MB, that a
# JVM started with -Xlog:gc:file=GC_LOG has logged so far (G1 lets the heap fill up to -Xmx between collections,
# so what stays after one is what the app holds); 0 before the first.
heap_in_use() {
    sed -n 's/.*Pause.*->\([0-9]*\)M(.*/\1/p' "$1" 2>/dev/null | sort -n | tail -1 | grep . || echo 0
}
