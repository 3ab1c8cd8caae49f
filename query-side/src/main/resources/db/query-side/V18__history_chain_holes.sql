-- The holes in the global index ahead of the history chain's head (HistoryChainRecorder), each with the moment a
-- recorder first saw it open: kept across restarts and shared by every query-side instance, so that each hole waits
-- its settling time once, all of them at the same time.
create table history_chain_hole (
    first_missing bigint                   not null,
    last_missing  bigint                   not null,
    seen_at       timestamp with time zone not null,
    primary key (first_missing, last_missing)
);
