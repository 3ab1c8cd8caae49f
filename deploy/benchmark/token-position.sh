# Sourced by the benchmarks: $token_position, an SQL expression giving the position in the store a row of tokenentry
# has reached: a gap-aware token's index; during a replay (a processor's first start, or a rebuild), its replay
# token's current one, -1 until its first batch (the replay token also names the head it replays to: not a position).
# shellcheck disable=SC2034 # used by the scripts that source this file
token_position="(case when convert_from(token, 'UTF8') like '%\"tokenAtReset\"%'
    then coalesce(substring(convert_from(token, 'UTF8') from '\"currentToken\":\{[^}]*\"index\":([0-9]+)'), '-1')
    else coalesce(substring(convert_from(token, 'UTF8') from '\"index\":([0-9]+)'), '-1') end)::bigint"
