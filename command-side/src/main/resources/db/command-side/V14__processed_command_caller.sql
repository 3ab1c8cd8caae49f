-- An Idempotency-Key is the caller's own: the same key sent by another account is refused as reused, where a request
-- equal to the first was acknowledged without being recorded. Rows written before name no caller, and compare as
-- they did.
alter table processed_command add column claimed_by varchar(255);
