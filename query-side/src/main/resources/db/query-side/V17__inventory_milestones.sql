-- The dashboard's monthly flow and lead times: when each device first held no donor's data, was ready and was
-- handed over (received_at is already kept). Filled in by replaying the events, as V13 did.
alter table inventory_device add column sanitised_at timestamp with time zone;
alter table inventory_device add column ready_at timestamp with time zone;
alter table inventory_device add column handed_over_at timestamp with time zone;
create index inventory_device_received_at on inventory_device (received_at);
create index inventory_device_sanitised_at on inventory_device (sanitised_at);
create index inventory_device_ready_at on inventory_device (ready_at);
create index inventory_device_handed_over_at on inventory_device (handed_over_at);

delete from inventory_medium;
delete from inventory_device;
delete from tokenEntry where processorName = 'inventory';
delete from deadLetterEntry where processingGroup = 'inventory';
