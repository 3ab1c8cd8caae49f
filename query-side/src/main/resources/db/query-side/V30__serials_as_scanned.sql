-- A device is found by what is in hand as a scanner or staff give it: its serial and its media's compared as they
-- read (MediumSerials: case, spaces and dashes aside), no longer as typed. The device's reading beside its serial, as
-- its media's have had since V29; the serials' own indexes served the search as typed, which no query makes now. The
-- erasure register's serial key (strip and capitals until now) becomes the same reading. Both filled by V31, in Java,
-- by the very code that keeps them.
alter table inventory_device add column serial_scanned varchar(200);
create index inventory_device_serial_scanned on inventory_device (serial_scanned);
drop index inventory_device_serial;
drop index inventory_medium_serial;
