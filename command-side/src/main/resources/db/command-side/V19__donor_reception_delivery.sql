-- The delivery each device was received in, by the batch id its donor and reference make: a file is imported as a
-- delivery only when no device was received into it one by one (DeviceRule.DELIVERY_FILE_IS_WHOLE). Filled for
-- earlier histories by V20.
alter table donor_reception add column batch_id uuid;

create index donor_reception_by_batch on donor_reception (batch_id);
