-- The programme's database and one PostgreSQL role per app (docs/security.md, "Database roles"). Run it once, as a
-- superuser, before the apps' first start:
--   psql -v database=ordinateurs_solidaires \
--        -v command_role=ordinateurs_command -v command_password=... \
--        -v query_role=ordinateurs_query -v query_password=... \
--        -v auditor_role=ordinateurs_auditor -v auditor_password=... \
--        -f deploy/postgres/roles.sql
-- then sign the command side in as command_role with ORDINATEURS_DATABASE_QUERY_SIDE_ROLE=query_role and
-- ORDINATEURS_DATABASE_AUDITOR_ROLE=auditor_role, the query side as query_role with the same auditor role, and an
-- auditor's deploy/audit.sh as auditor_role. Each app grants the others, at its start, exactly the reads they need
-- of its tables.
\set ON_ERROR_STOP on

create role :"command_role" login password :'command_password';
create role :"query_role" login password :'query_password';
create role :"auditor_role" login password :'auditor_password';

-- the command side owns the database, so the schema public (PostgreSQL 15 and later) and the tables it creates
create database :"database" owner :"command_role";
revoke all on database :"database" from public;
grant connect on database :"database" to :"query_role", :"auditor_role";

\connect :"database"
-- before PostgreSQL 15 anyone could create tables in public
revoke create on schema public from public;
-- the query side creates its own tables beside the store; of the command side's it only reads what it is granted
grant usage, create on schema public to :"query_role";
-- the auditor creates nothing, and reads only what the replay needs
grant usage on schema public to :"auditor_role";
