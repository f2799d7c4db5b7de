/*
 * The audit chain is append-only on PostgreSQL, whoever connects:
 *
 * - a trigger refuses UPDATE, DELETE and TRUNCATE of moratorium_audit, with
 *   SQLSTATE 42501 (insufficient_privilege), unless the table's owner turns
 *   on the maintenance setting for its transaction
 *   (`SET LOCAL qaztech.audit_maintenance = 'on'`);
 * - UPDATE, DELETE and TRUNCATE granted to any other role (e.g. through
 *   default privileges) are revoked, so the application role of
 *   deploy/postgres gets a plain permission error.
 *
 * SQLite has no roles; its audit chain relies on verification alone.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw(`
    CREATE OR REPLACE FUNCTION moratorium_audit_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(current_setting('qaztech.audit_maintenance', true), '') = 'on'
        AND pg_has_role(
          current_user,
          (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
          'USAGE'
        )
      THEN
        IF TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'moratorium_audit is append-only: % of audit entries is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
          HINT = 'Only the owner of the table may change it, in a transaction with SET LOCAL qaztech.audit_maintenance = ''on'' (see deploy/postgres/README.md).';
    END
    $$
  `);
  await knex.raw(`
    CREATE TRIGGER moratorium_audit_append_only_rows
    BEFORE UPDATE OR DELETE ON moratorium_audit
    FOR EACH ROW EXECUTE FUNCTION moratorium_audit_append_only()
  `);
  await knex.raw(`
    CREATE TRIGGER moratorium_audit_append_only_truncate
    BEFORE TRUNCATE ON moratorium_audit
    FOR EACH STATEMENT EXECUTE FUNCTION moratorium_audit_append_only()
  `);
  await knex.raw(`
    DO $$
    DECLARE
      grantee text;
    BEGIN
      EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON moratorium_audit FROM PUBLIC';
      FOR grantee IN
        SELECT DISTINCT pg_get_userbyid(a.grantee)
        FROM pg_class c, aclexplode(c.relacl) a
        WHERE c.oid = 'moratorium_audit'::regclass
          AND a.grantee <> 0
          AND a.grantee <> c.relowner
          AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
      LOOP
        EXECUTE format(
          'REVOKE UPDATE, DELETE, TRUNCATE ON moratorium_audit FROM %I',
          grantee
        );
      END LOOP;
    END
    $$
  `);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw(
    'DROP TRIGGER IF EXISTS moratorium_audit_append_only_truncate ON moratorium_audit',
  );
  await knex.raw(
    'DROP TRIGGER IF EXISTS moratorium_audit_append_only_rows ON moratorium_audit',
  );
  await knex.raw('DROP FUNCTION IF EXISTS moratorium_audit_append_only()');
};
