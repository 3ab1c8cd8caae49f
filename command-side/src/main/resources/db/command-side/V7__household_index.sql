-- Keyed hashes (HMAC-SHA-256) of each referred household's identifiers — e-mail, phone, name with address — so
-- that a household already equipped is recognised when referred again, without keeping its data in clear. The
-- rows of a forgotten household are deleted with its key. Households referred before this table existed are not
-- in it.
create table household_index (
    identifier_hash varchar(64) not null,
    referral_id     uuid        not null,
    equipped        boolean     not null default false,
    primary key (identifier_hash, referral_id)
);

create index household_index_by_referral on household_index (referral_id);
