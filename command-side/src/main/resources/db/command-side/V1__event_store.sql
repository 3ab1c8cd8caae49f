-- The event store, in the layout of Axon's JdbcEventStorageEngine (default EventSchema).
-- Payload and metadata are bytea, never large objects. globalIndex comes from a sequence that
-- hands out values one at a time; readers detect gaps left by transactions still in flight.
create table domainEventEntry (
    globalIndex         bigserial    not null,
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255),
    eventIdentifier     varchar(255) not null,
    metaData            bytea,
    payload             bytea        not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    primary key (globalIndex),
    unique (aggregateIdentifier, sequenceNumber),
    unique (eventIdentifier)
);

create table snapshotEventEntry (
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255) not null,
    eventIdentifier     varchar(255) not null,
    metaData            bytea,
    payload             bytea        not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    primary key (aggregateIdentifier, sequenceNumber),
    unique (eventIdentifier)
);
