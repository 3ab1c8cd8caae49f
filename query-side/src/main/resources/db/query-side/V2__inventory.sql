-- The inventory read model: every device as it is now (rebuilt from the events on a replay).
create table inventory_device (
    device_id                uuid         not null primary key,
    asset_tag                varchar(32)  not null,
    donor_id                 uuid         not null,
    donation_batch_reference varchar(100),
    category                 varchar(20)  not null,
    manufacturer             varchar(100),
    model                    varchar(100),
    serial_number            varchar(100),
    condition_notes          varchar(2000),
    stage                    varchar(30)  not null,
    state                    varchar(30)  not null,
    state_since              timestamp with time zone,
    received_at              timestamp with time zone,
    grade                    varchar(2),
    referral_id              uuid,
    ceremony_id              uuid,
    operating_system         varchar(100)
);
create index inventory_device_state on inventory_device (state, asset_tag);
create index inventory_device_donor on inventory_device (donor_id, asset_tag);
create index inventory_device_category on inventory_device (category, asset_tag);
create unique index inventory_device_asset_tag on inventory_device (asset_tag);

create table inventory_medium (
    device_id              uuid        not null references inventory_device (device_id) on delete cascade,
    position               integer     not null,
    medium_id              uuid        not null,
    media_type             varchar(30) not null,
    manufacturer           varchar(100),
    model                  varchar(100),
    serial_number          varchar(100),
    capacity_gigabytes     integer,
    erasure_status         varchar(20) not null,
    sanitisation_level     varchar(20),
    sanitisation_technique varchar(30),
    erased_at              timestamp with time zone,
    sanitisation_attempts  integer     not null,
    primary key (device_id, position)
);
