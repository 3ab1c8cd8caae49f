-- No rule bounds the devices one household is given: V26 kept their ids in 3,700 characters, a hundred devices, and
-- the event of a 101st allocation was refused there (parked, the referral left at a hundred). Unbounded now, and the
-- referrals read model (with the partner directory its processor keeps) rebuilt from the start, as V26 did, so that
-- a referral stopped there takes the events it missed.
alter table referral_record alter column allocated_devices set data type varchar;

delete from referral_record;
delete from partner_contact;
delete from partner_record;
delete from tokenEntry where processorName = 'referrals';
delete from deadLetterEntry where processingGroup = 'referrals';
