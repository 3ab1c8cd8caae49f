-- Which donor holds each SIRET: a SIRET is registered once (Donor, SiretRegistry). Filled for earlier histories by
-- V18, from the events; where two donors were registered with one SIRET before this rule, the first holds it.
create table donor_siret (
    siret    char(14) not null primary key,
    donor_id uuid     not null
);
create unique index donor_siret_donor on donor_siret (donor_id);
