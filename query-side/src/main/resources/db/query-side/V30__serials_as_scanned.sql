-- A device is found by what is in hand as a scanner or staff give it: its serial and its media's compared as they
-- read (MediumSerials: case, spaces and dashes aside), no longer as typed. The device's reading beside its serial, as
-- its media's have had since V29; the serials' own indexes served the search as typed, which no query makes now (nor
-- will a one-pass rebuild put them back: their notes go too). The erasure register's serial key (strip and capitals
-- until now) becomes the same reading. Both filled by V31, in Java, by the very code that keeps them; the devices'
-- readings indexed once filled, by V32.
alter table inventory_device add column serial_scanned varchar(200);
drop index if exists inventory_device_serial;
drop index if exists inventory_medium_serial;
delete from read_model_index_set_aside where index_name in ('inventory_device_serial', 'inventory_medium_serial');
