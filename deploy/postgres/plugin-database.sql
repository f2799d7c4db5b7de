-- One plugin database of a QazTech Backstage deployment (see README.md):
-- created and owned by the owner role, with the application role allowed to
-- read and write rows. Run once per plugin database, as a superuser, after
-- roles.sql (Backstage names them backstage_plugin_<pluginId>):
--
--   for id in app auth catalog moratorium notifications permission registry \
--       scaffolder search security-readiness signals techdocs user-settings; do
--     psql "$ADMIN_URL" -v owner=qaztech_owner -v app=qaztech_app \
--       -v database="backstage_plugin_$id" -f deploy/postgres/plugin-database.sql
--   done
--
-- Safe to run again (e.g. after a new plugin's first migration).

\set ON_ERROR_STOP on
\if :{?owner}
\else
  \set owner qaztech_owner
\endif
\if :{?app}
\else
  \set app qaztech_app
\endif

SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L', :'database', :'owner', 'UTF8')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database')
\gexec

REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"app";

\connect :"database"

-- Only the owner creates objects; the application uses them.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";

-- Tables and sequences the owner's migrations create from now on.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO :"app";

-- Those that already exist (a database migrated before this script ran).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";

-- Audit rows are append-only: INSERT and SELECT, never UPDATE, DELETE or
-- TRUNCATE. The moratorium's own migration (20261128000000_audit_append_only)
-- revokes these too when it runs, and adds a trigger that refuses them even
-- to the owner outside a maintenance transaction.
SELECT format('REVOKE UPDATE, DELETE, TRUNCATE ON moratorium_audit FROM %I', :'app')
WHERE to_regclass('public.moratorium_audit') IS NOT NULL
\gexec

SELECT format('REVOKE UPDATE, DELETE, TRUNCATE ON moratorium_audit_checkpoints FROM %I', :'app')
WHERE to_regclass('public.moratorium_audit_checkpoints') IS NOT NULL
\gexec
