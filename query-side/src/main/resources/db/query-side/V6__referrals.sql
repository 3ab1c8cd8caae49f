-- Referrals by household code (the people's data stays encrypted in the events), and the waiting list.
create table referral_record (
    referral_id      uuid          not null primary key,
    partner_id       uuid          not null,
    household_code   varchar(20)   not null,
    criterion        varchar(50)   not null,
    criterion_rank   integer       not null,
    household_size   integer       not null,
    children         integer       not null,
    need             varchar(20)   not null,
    status           varchar(20)   not null,
    personal_data    varchar(20)   not null,
    submitted_at     timestamp with time zone not null,
    allocated_device uuid,
    outcome_reason   varchar(500)
);
create index referral_record_waiting on referral_record (status, criterion_rank, submitted_at);
create index referral_record_partner on referral_record (partner_id, submitted_at);
