-- A caller signed in by the identity provider is named by up to 254 characters (Caller.LONGEST_USERNAME: an e-mail
-- address, as providers name people); a local account by 64. The account a provider's caller creates or changes
-- names that caller, and a provider's browser session its person: those columns held 64 and 100 characters, and a
-- longer name was refused there (an account not created, a partner not deactivated, a sign-in failed on H2).
alter table account alter column created_by set data type varchar(254);
alter table account alter column updated_by set data type varchar(254);
alter table spring_session alter column principal_name set data type varchar(254);
