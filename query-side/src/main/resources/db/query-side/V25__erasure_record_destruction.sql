-- How a medium was destroyed and under which certificate, apart: the pages say them in the reader's language (the
-- record's remark says them in the API's words). Rows written before are filled by a rebuild of the register.
alter table erasure_record add column destruction_method varchar(20);
alter table erasure_record add column certificate_reference varchar(100);
