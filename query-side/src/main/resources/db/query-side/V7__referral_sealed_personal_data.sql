-- A referral's personal data as the event holds it, sealed (never in clear), so that staff can read one referral
-- while its person's key still exists. Forgetting the person empties these columns as well as deleting the key.
alter table referral_record add column personal_data_key_id varchar(100);
alter table referral_record add column personal_data_nonce varchar(100);
alter table referral_record add column personal_data_ciphertext varchar;
-- staff's reason to equip again a household the programme already equipped
alter table referral_record add column second_referral_justification varchar(500);

-- Rows written before these columns existed lack the sealed data: rebuild the referrals read model from the
-- events (see "Rebuilding a read model" in docs/architecture.md), as this processor starts with no token.
delete from referral_record;
delete from tokenEntry where processorName = 'referrals';
