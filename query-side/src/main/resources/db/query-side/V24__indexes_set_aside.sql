-- The indexes a rebuild in one pass sets aside while it writes its read models' tables (readmodel/IndexesSetAside),
-- each with its definition: put back as the pass hands its read model back, or before the next start's migrations
-- should the query side stop first.
create table read_model_index_set_aside (
    index_name varchar(255) primary key,
    read_model varchar(255) not null,
    definition varchar(4000) not null
);
