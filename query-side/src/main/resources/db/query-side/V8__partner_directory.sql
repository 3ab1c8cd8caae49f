-- The partner organisations and the people the programme deals with there (professional contact details).
-- Filled by the referrals processor, which V7 set to replay from the start.
create table partner_record (
    partner_id          uuid         not null primary key,
    name                varchar(200) not null,
    kind                varchar(40)  not null,
    active              boolean      not null,
    deactivation_reason varchar(500)
);

create table partner_contact (
    contact_id uuid         not null primary key,
    partner_id uuid         not null references partner_record (partner_id),
    name       varchar(200) not null,
    role       varchar(200),
    email      varchar(200),
    phone      varchar(30)
);
create index partner_contact_partner on partner_contact (partner_id);
