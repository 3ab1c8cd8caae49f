-- A device is found by what is in hand: its asset tag (already unique and indexed), its serial or one of its media's
-- serials, each as printed on its label.
create index inventory_device_serial on inventory_device (serial_number);
create index inventory_medium_serial on inventory_medium (serial_number);
