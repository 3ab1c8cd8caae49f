-- When each donor's devices were received: an agreement is not terminated before a day on which it alone covered
-- a device received (Donor, DonorAgreements). Filled for earlier histories by V16, from the events.
create table donor_reception (
    device_id   uuid                     not null primary key,
    donor_id    uuid                     not null,
    received_at timestamp with time zone not null
);
create index donor_reception_donor on donor_reception (donor_id, received_at);
