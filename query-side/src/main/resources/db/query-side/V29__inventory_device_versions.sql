-- The sequence of each device's last event the inventory applied: the device's version as its row shows it, which
-- the device's page draws its forms at (a form drawn before another step is refused) and the API gives beside it.
-- Taken from the read model, not the store, so that a page drawn while the inventory lags names the version its
-- fields show. And each medium's serial as a scanner may read it (MediumSerials: case, spaces and dashes left
-- out), by which a device's page finds another device listing a medium of the same serial. Filled in by replaying
-- the events: the inventory is rebuilt from the start, as V28 did.
delete from inventory_hand_over;
delete from inventory_medium;
delete from inventory_device;
delete from inventory_count;
delete from workshop_month;
delete from workshop_cohort;
delete from workshop_lead_time;
delete from tokenEntry where processorName = 'inventory';
delete from deadLetterEntry where processingGroup = 'inventory';

alter table inventory_device add column last_sequence bigint not null;
alter table inventory_medium add column serial_scanned varchar(200);
create index inventory_medium_serial_scanned on inventory_medium (serial_scanned);
