-- V17's indexes on the devices' milestones serve no read (the workshop's figures are kept in tables of their own
-- since V21), yet every insert and update of a device wrote to them: four of the table's eleven indexes
-- (docs/benchmarks.md, "A batch's devices read in one statement, and the staleness measured right").
drop index if exists inventory_device_received_at;
drop index if exists inventory_device_sanitised_at;
drop index if exists inventory_device_ready_at;
drop index if exists inventory_device_handed_over_at;
