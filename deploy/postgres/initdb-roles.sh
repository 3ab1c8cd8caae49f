#!/bin/sh
# Run by the postgres image at the first start of an empty data volume (docker-entrypoint-initdb.d, compose.yaml):
# the database and one role per app, by roles.sql, with the passwords compose gives.
set -eu
psql --username "$POSTGRES_USER" --dbname postgres --quiet \
    -v database=ordinateurs_solidaires \
    -v command_role=ordinateurs_command -v command_password="$ORDINATEURS_COMMAND_DATABASE_PASSWORD" \
    -v query_role=ordinateurs_query -v query_password="$ORDINATEURS_QUERY_DATABASE_PASSWORD" \
    -v auditor_role=ordinateurs_auditor -v auditor_password="$ORDINATEURS_AUDITOR_DATABASE_PASSWORD" \
    -f /opt/ordinateurs/roles.sql
