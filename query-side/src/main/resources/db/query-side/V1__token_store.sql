-- Progress of this app's streaming processors through the event store, in the layout of Axon's JdbcTokenStore.
-- Several query-side instances share it: each segment is claimed by one owner at a time.
create table tokenEntry (
    processorName varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokenType     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorName, segment)
);
