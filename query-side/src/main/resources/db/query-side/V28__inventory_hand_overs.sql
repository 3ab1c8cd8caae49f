-- Every hand-over of a device, kept when the household gives it back: a donor's report counts the devices each
-- ceremony saw handed over from these, which a later return no longer lowers (a device's row says only where it is
-- now). Filled in by replaying the events: the inventory is rebuilt from the start, as V17 did.
create table inventory_hand_over (
    device_id       uuid   not null,
    sequence_number bigint not null,
    donor_id        uuid   not null,
    referral_id     uuid,
    ceremony_id     uuid,
    handed_over_at  timestamp with time zone,
    primary key (device_id, sequence_number)
);
create index inventory_hand_over_donor on inventory_hand_over (donor_id, handed_over_at);

delete from inventory_medium;
delete from inventory_device;
delete from inventory_count;
delete from workshop_month;
delete from workshop_cohort;
delete from workshop_lead_time;
delete from tokenEntry where processorName = 'inventory';
delete from deadLetterEntry where processingGroup = 'inventory';
