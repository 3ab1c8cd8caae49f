-- What a device's erasure rests on: the media declared for it (even if taken out since), the donor's statement
-- that its storage was removed before the gift, or nothing (an empty media list, as older releases accepted).
-- Filled in by replaying the events: the inventory is rebuilt from the start, as V10 did for referrals.
alter table inventory_device add column media_declared boolean not null default false;
alter table inventory_device add column storage_removal_stated_by varchar(200);
alter table inventory_device add column storage_removal_stated_on date;
alter table inventory_device add column storage_removal_document varchar(100);

delete from inventory_medium;
delete from inventory_device;
delete from tokenEntry where processorName = 'inventory';
-- a rebuild applies every event again: whatever still fails is parked anew, not behind its old letters
delete from deadLetterEntry where processingGroup = 'inventory';
