-- The digest that tells a retried command from a different one sent under the same Idempotency-Key is keyed with
-- the deployment's secret (HMAC): a referral's request holds personal data, and a plain SHA-256 of it could be
-- tested against guesses. Rows written before hold the plain digest until the command side keys it at its start.
alter table processed_command rename column payload_sha256 to payload_digest;
alter table processed_command add column digest_keyed boolean not null default false;
