-- The active partner known by each name (compared in plain words, PlainWords.key, named as registered): two active
-- partners are not registered under one name (ReferralRule.PARTNER_NAME_REGISTERED_ONCE); the key settles two
-- registrations sent at once. A deactivated partner frees its name. Filled for earlier histories by V29, the first
-- registered of two twins holding the name (deactivated, it frees the name, which the other twin does not claim).
create table partner_name (
    name_key   char(64)      not null primary key,
    name       varchar(1000) not null,
    partner_id uuid          not null unique
);
