-- The two PostgreSQL roles of a QazTech Backstage deployment (see README.md).
-- Run once per cluster, as a superuser or a role with CREATEROLE:
--
--   psql "$ADMIN_URL" -v owner=qaztech_owner -v app=qaztech_app \
--     -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" \
--     -f deploy/postgres/roles.sql
--
-- Then run plugin-database.sql once for each plugin database.

\set ON_ERROR_STOP on
\if :{?owner}
\else
  \set owner qaztech_owner
\endif
\if :{?app}
\else
  \set app qaztech_app
\endif

-- Owns the plugin databases and every table in them; runs the migrations.
-- CREATEDB: Backstage creates a missing backstage_plugin_<id> database.
CREATE ROLE :"owner" LOGIN CREATEDB NOCREATEROLE NOSUPERUSER;
\if :{?owner_password}
  ALTER ROLE :"owner" PASSWORD :'owner_password';
\endif

-- What the running backend connects as: reads and writes rows, owns
-- nothing, may not change the schema, and may not UPDATE, DELETE or
-- TRUNCATE audit rows. Not a member of the owner role, so it cannot
-- SET ROLE its way around that.
CREATE ROLE :"app" LOGIN NOCREATEDB NOCREATEROLE NOSUPERUSER NOINHERIT;
\if :{?app_password}
  ALTER ROLE :"app" PASSWORD :'app_password';
\endif
