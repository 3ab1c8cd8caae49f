-- The fingerprint of every document issued (donor reports, sanitisation certificates), for the verify endpoint.
create table issued_document (
    sha256      varchar(64) not null primary key,
    document_id uuid        not null,
    kind        varchar(50) not null,
    donor_id    uuid,
    issued_at   timestamp with time zone not null
);
