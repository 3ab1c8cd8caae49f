-- A device the household gave back is no longer named as its device; the referral says when it was given back.
-- Rows written before still name it: the referrals read model (and the partner directory its processor keeps) is
-- rebuilt from the start, as V10 did.
alter table referral_record add column device_returned_at timestamp with time zone;

delete from referral_record;
delete from partner_contact;
delete from partner_record;
delete from tokenEntry where processorName = 'referrals';
