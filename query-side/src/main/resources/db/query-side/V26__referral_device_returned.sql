-- A device the household gave back is no longer named as its device, and the referral says when it was given back;
-- a household given several devices keeps each one allocated (the count alone of V10 lost which is left once one
-- allocation is cancelled; it stays, the number of those). Rows written before say neither: the referrals read
-- model (and the partner directory its processor keeps) is rebuilt from the start, as V10 did.
alter table referral_record add column device_returned_at timestamp with time zone;
alter table referral_record add column allocated_devices varchar(3700) not null default '';

delete from referral_record;
delete from partner_contact;
delete from partner_record;
delete from tokenEntry where processorName = 'referrals';
delete from deadLetterEntry where processingGroup = 'referrals';
