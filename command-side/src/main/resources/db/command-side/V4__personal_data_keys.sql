-- One AES key per person whose data is in an event (encrypted). Deleting a row forgets that person: this table
-- is outside the event store on purpose, and must not be backed up for longer than the programme keeps data.
create table personal_data_key (
    key_id     varchar(100)             not null primary key,
    secret     bytea                    not null,
    created_at timestamp with time zone not null default current_timestamp
);
