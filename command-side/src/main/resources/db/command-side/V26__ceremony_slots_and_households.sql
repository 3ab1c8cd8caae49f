-- The ceremony, planned or held, on each day at each place (compared in plain words, PlainWords.key, named as
-- recorded): one ceremony per day and place (CeremonyRule.ONE_CEREMONY_PER_DAY_AND_PLACE); the key settles two
-- schedulings sent at once. A cancelled ceremony frees its slot. Filled for earlier histories by V27, the first
-- scheduled of two twins holding the slot (cancelled, it frees the slot, which the other twin does not claim).
create table ceremony_slot (
    ceremony_date date          not null,
    place_key     char(64)      not null,
    place         varchar(1000) not null,
    ceremony_id   uuid          not null unique,
    primary key (ceremony_date, place_key)
);

-- The households (their referrals) handed devices at each ceremony: at least as many were present
-- (CeremonyRule.HOUSEHOLDS_HANDED_OVER_WERE_PRESENT). Filled for earlier histories by V27.
create table ceremony_household (
    ceremony_id uuid not null,
    referral_id uuid not null,
    primary key (ceremony_id, referral_id)
);
