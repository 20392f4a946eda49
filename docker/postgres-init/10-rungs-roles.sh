#!/bin/sh
# Runs once, when the postgres container initialises an empty volume (as the container's superuser).
# Creates the two roles Rungs uses: rungs_owner owns the database and its schema (Flyway migrates as it), rungs_app is
# what the application's connection pool uses: no superuser, DML only (Rungs grants it after every migration).
set -eu
: "${RUNGS_DB_OWNER_PASSWORD:?set RUNGS_DB_OWNER_PASSWORD}"
: "${RUNGS_DB_APP_PASSWORD:?set RUNGS_DB_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v owner_password="$RUNGS_DB_OWNER_PASSWORD" -v app_password="$RUNGS_DB_APP_PASSWORD" <<'SQL'
create role rungs_owner login nosuperuser nocreatedb nocreaterole password :'owner_password';
create role rungs_app login nosuperuser nocreatedb nocreaterole password :'app_password';
create database rungs owner rungs_owner;
revoke all on database rungs from public;
grant connect on database rungs to rungs_app;
\connect rungs
alter schema public owner to rungs_owner;
revoke all on schema public from public;
grant usage on schema public to rungs_app;
alter default privileges for role rungs_owner in schema public
    grant select, insert, update, delete on tables to rungs_app;
alter default privileges for role rungs_owner in schema public grant usage, select on sequences to rungs_app;
SQL
