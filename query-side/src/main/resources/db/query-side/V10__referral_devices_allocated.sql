-- A household may be given several devices: a cancelled allocation puts it back in line only once none is left.
-- The count comes from the events: the referrals read model (and the partner directory its processor keeps) is
-- rebuilt from the start, as V7 did.
alter table referral_record add column devices_allocated integer not null default 0;

delete from referral_record;
delete from partner_contact;
delete from partner_record;
delete from tokenEntry where processorName = 'referrals';
