-- Which devices of each donation batch have been processed (refurbished or recycled, both only once every medium
-- is erased), for the rule that a donor reconciles a batch only once all of it is processed.
create table donation_batch_device (
    device_id uuid    not null primary key,
    batch_id  uuid    not null,
    processed boolean not null default false
);

create index donation_batch_device_by_batch on donation_batch_device (batch_id);
