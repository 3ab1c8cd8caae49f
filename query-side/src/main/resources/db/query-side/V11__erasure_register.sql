-- Every sanitisation record — passed, failed — and every destruction, one row per event, with the device's label
-- and donor, for auditors to search (by medium serial above all) and export.
create table erasure_record (
    event_id           varchar(255) not null primary key,
    -- the event's position in the store: the order records were made in, when two share a time
    store_position     bigint       not null,
    device_id          uuid         not null,
    asset_tag          varchar(100),
    donor_id           uuid,
    medium_id          uuid         not null,
    medium_serial      varchar(200),
    -- the serial as searched: upper case, trimmed (an expression index would not run on the embedded H2)
    serial_key         varchar(200),
    media_type         varchar(30),
    outcome            varchar(20)  not null,
    level              varchar(20),
    technique          varchar(40),
    tool               varchar(200),
    tool_version       varchar(100),
    verification       varchar(20),
    operator           varchar(200),
    location           varchar(200),
    performed_at       timestamp with time zone not null,
    tool_report_sha256 varchar(64),
    remark             varchar(2100)
);
create index erasure_record_serial on erasure_record (serial_key);
create index erasure_record_device on erasure_record (device_id, performed_at);
create index erasure_record_donor on erasure_record (donor_id, performed_at);
create index erasure_record_performed on erasure_record (performed_at);

-- which device is which, for the records that follow its reception
create table erasure_device (
    device_id uuid         not null primary key,
    asset_tag varchar(100) not null,
    donor_id  uuid         not null
);
