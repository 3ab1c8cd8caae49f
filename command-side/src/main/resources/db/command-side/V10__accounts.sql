-- The people who sign in with a local account (docs/security.md): managed by admins through the command side,
-- read by both apps to sign callers in. Passwords are kept as hashes only, with their algorithm's id.
create table account (
    username      varchar(64)              not null primary key,
    password_hash varchar(200)             not null,
    -- comma-separated role codes (admin, staff, partner, donor, auditor)
    roles         varchar(100)             not null,
    partner_id    uuid,
    donor_id      uuid,
    enabled       boolean                  not null,
    created_at    timestamp with time zone not null,
    created_by    varchar(64)              not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(64)              not null
);
