-- The donor report's read model: donors, their agreements and deliveries, and the ceremonies.
create table donor_record (
    donor_id       uuid         not null primary key,
    legal_name     varchar(200) not null,
    kind           varchar(20)  not null,
    siret          varchar(14),
    contact_person varchar(200),
    contact_email  varchar(200)
);

create table donor_agreement_record (
    agreement_id            uuid         not null primary key,
    donor_id                uuid         not null,
    model_agreement_version varchar(50)  not null,
    signatory_name          varchar(200),
    signatory_role          varchar(200),
    signed_on               date         not null,
    valid_from              date         not null,
    valid_until             date,
    terminated_on           date,
    termination_reason      varchar(500)
);
create index donor_agreement_record_donor on donor_agreement_record (donor_id);

create table donor_batch_record (
    batch_id               uuid         not null primary key,
    donor_id               uuid         not null,
    reference              varchar(100) not null,
    received_at            timestamp with time zone not null,
    devices_recorded       integer      not null,
    reconciliation         varchar(20)  not null,
    reconciliation_by      varchar(200),
    reconciliation_comment varchar(2000)
);
create index donor_batch_record_donor on donor_batch_record (donor_id);

create table ceremony_record (
    ceremony_id        uuid         not null primary key,
    ceremony_date      date         not null,
    place              varchar(200) not null,
    status             varchar(20)  not null,
    households_present integer,
    donors_present     integer
);

create table ceremony_invitation (
    ceremony_id uuid not null references ceremony_record (ceremony_id) on delete cascade,
    donor_id    uuid not null,
    primary key (ceremony_id, donor_id)
);
create index ceremony_invitation_donor on ceremony_invitation (donor_id);
