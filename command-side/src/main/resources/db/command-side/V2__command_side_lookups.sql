-- Set-based checks the aggregates cannot make alone, kept in the same transaction as the events.
create table asset_tag_registry (
    asset_tag varchar(32) not null primary key,
    device_id uuid        not null
);

-- Client command ids already handled, so that a retried command is recorded once; the digest of the command
-- tells a retry from a different command sent with a reused id.
create table processed_command (
    command_id     uuid                     not null primary key,
    command_name   varchar(255)             not null,
    payload_sha256 char(64)                 not null,
    processed_at   timestamp with time zone not null default current_timestamp
);
