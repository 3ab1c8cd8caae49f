-- Events a projection could not apply, parked per processing group and sequence (one aggregate) until staff retry or
-- evict them (deadletter/). The layout of Axon's JdbcSequencedDeadLetterQueue with its default names, but the
-- serialized columns are bytea (Axon's own table factory says BLOB, which PostgreSQL has not and which would lead to
-- large objects). Times are ISO-8601 text, as Axon writes and compares them.
create table deadLetterEntry (
    deadLetterIdentifier varchar(255)  not null primary key,
    processingGroup      varchar(255)  not null,
    sequenceIdentifier   varchar(255)  not null,
    sequenceIndex        bigint        not null,
    messageType          varchar(255)  not null,
    eventIdentifier      varchar(255)  not null,
    timestamp            varchar(255)  not null,
    payloadType          varchar(255)  not null,
    payloadRevision      varchar(255),
    payload              bytea         not null,
    metaData             bytea,
    type                 varchar(255),
    aggregateIdentifier  varchar(255),
    sequenceNumber       bigint,
    tokenType            varchar(255),
    token                bytea,
    enqueuedAt           varchar(255)  not null,
    lastTouched          varchar(255),
    processingStarted    varchar(255),
    causeType            varchar(255),
    causeMessage         varchar(1023),
    diagnostics          bytea,
    -- its index also serves the look-ups by group, and by group and sequence
    constraint deadLetterEntry_sequence_position unique (processingGroup, sequenceIdentifier, sequenceIndex)
);
