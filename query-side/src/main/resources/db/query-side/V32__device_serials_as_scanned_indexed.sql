-- The devices' serials as they read (V30), filled by V31: indexed once they are all there, rather than the index
-- written again at each row filled.
create index inventory_device_serial_scanned on inventory_device (serial_scanned);
