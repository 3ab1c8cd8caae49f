-- The tamper-evident history (HistoryChainRecorder): one link per stored event, in global order, and the head of
-- the chain. Each link is the SHA-256 of the previous link and of the event's stored bytes; the event's identity is
-- kept beside it so that a verification can name an event that was later deleted from the store.
create table history_chain_link (
    global_index         bigint       not null primary key,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    payload_type         varchar(255) not null,
    link                 char(64)     not null
);

create table history_chain_head (
    id           integer  not null primary key check (id = 1),
    global_index bigint   not null,
    link         char(64) not null,
    events       bigint   not null
);
insert into history_chain_head (id, global_index, link, events)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
