-- Agreements by donor and validity, for the rule that a device is received only under an agreement in force.
create table donor_agreement (
    agreement_id  uuid not null primary key,
    donor_id      uuid not null,
    valid_from    date not null,
    valid_until   date,
    terminated_on date
);
create index donor_agreement_donor on donor_agreement (donor_id);

-- The day of each ceremony, for the rule that a device is handed over at a ceremony only on that day.
create table ceremony_calendar (
    ceremony_id   uuid    not null primary key,
    ceremony_date date    not null,
    cancelled     boolean not null default false
);

-- Registered donors, so that a reception from an unknown donor is told apart from one without an agreement.
create table registered_donor (
    donor_id uuid not null primary key
);
