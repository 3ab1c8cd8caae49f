-- The query-side processes alive on this database, each seen a moment ago (config/SegmentsShared): the read models'
-- segments are shared out among them evenly.
create table query_side_instance (
    owner   varchar(255)             not null primary key,
    seen_at timestamp with time zone not null
);
