-- Each person's key is kept wrapped by the key-encryption key (envelope encryption, docs/security.md), so that a
-- dump of the database alone opens nobody's data. Keys stored before are raw until the command side wraps them
-- at its next start (PersonalKeys.wrapEveryKeyUnderThePrimary).
alter table personal_data_key add column wrapped boolean not null default false;
