-- Where each referral stands, for the rule that a device goes only to an accepted referral still waiting for
-- that kind of device.
create table referral_standing (
    referral_id uuid        not null primary key,
    need        varchar(20) not null,
    accepted    boolean     not null default false,
    closed      boolean     not null default false
);
