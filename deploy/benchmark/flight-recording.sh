# Sourced by the benchmarks: flight_recording ARRAY FILE sets the array to the Java options that record a Java Flight
# Recorder profile of the whole run into FILE (written as the app stops), or to none when FILE is empty. Stacks keep
# 256 frames: a request's and a batch's go deeper than JFR's default 64, which cuts off their callers.
flight_recording() {
    local -n options=$1
    options=()
    [ -z "$2" ] || options=("-XX:FlightRecorderOptions=stackdepth=256"
        "-XX:StartFlightRecording=filename=$2,settings=profile,dumponexit=true")
}
