/*
 * Signed audit entries and published checkpoints (issue 15, item 7).
 *
 * - moratorium_audit gets the id of the key that signed each entry and its
 *   Ed25519 signature of the entry's hash. Entries recorded before this
 *   migration stay unsigned; verification accepts them only as a prefix of
 *   the chain, vouched for by the first checkpoint that covers them.
 * - moratorium_audit_checkpoints keeps the signed checkpoints (entry count,
 *   head hash, time) that the scheduled task publishes, for the public
 *   record; the same checkpoints go to a sink outside the database.
 * - On PostgreSQL the checkpoints are append-only like the chain, and the
 *   head may only move forward one entry at a time onto an entry that
 *   exists, so the application role can no longer roll the head back.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('moratorium_audit', table => {
    table
      .string('key_id')
      .nullable()
      .comment('The signing key (moratorium.audit.signingKeys[].id)');
    table
      .text('signature')
      .nullable()
      .comment('Ed25519 signature of the hash (its 64 hex characters), base64');
  });
  await knex.schema.createTable('moratorium_audit_checkpoints', table => {
    table.comment(
      'Signed checkpoints of the audit chain: entry count and head hash at a time',
    );
    table.bigIncrements('id').primary();
    table.bigInteger('count').notNullable().comment('Entries in the chain');
    table.string('head_hash', 64).notNullable().comment('Hash of entry count');
    table.string('published_at').notNullable().comment('ISO 8601, UTC');
    table.string('key_id').notNullable();
    table.text('signature').notNullable().comment('Ed25519, base64');
    table.index(['count'], 'moratorium_audit_checkpoints_count_idx');
  });

  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw(`
    CREATE TRIGGER moratorium_audit_checkpoints_append_only_rows
    BEFORE UPDATE OR DELETE ON moratorium_audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION moratorium_audit_append_only()
  `);
  await knex.raw(`
    CREATE TRIGGER moratorium_audit_checkpoints_append_only_truncate
    BEFORE TRUNCATE ON moratorium_audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION moratorium_audit_append_only()
  `);
  await knex.raw(`
    DO $$
    DECLARE
      grantee text;
    BEGIN
      EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON moratorium_audit_checkpoints FROM PUBLIC';
      FOR grantee IN
        SELECT DISTINCT pg_get_userbyid(a.grantee)
        FROM pg_class c, aclexplode(c.relacl) a
        WHERE c.oid = 'moratorium_audit_checkpoints'::regclass
          AND a.grantee <> 0
          AND a.grantee <> c.relowner
          AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
      LOOP
        EXECUTE format(
          'REVOKE UPDATE, DELETE, TRUNCATE ON moratorium_audit_checkpoints FROM %I',
          grantee
        );
      END LOOP;
    END
    $$
  `);
  // The head moves forward by one, onto the entry just appended; anything
  // else is the owner's deliberate maintenance (see deploy/postgres/README.md).
  await knex.raw(`
    CREATE OR REPLACE FUNCTION moratorium_audit_head_forward_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(current_setting('qaztech.audit_maintenance', true), '') = 'on'
        AND pg_has_role(
          current_user,
          (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
          'USAGE'
        )
      THEN
        RETURN NEW;
      END IF;
      IF NEW.id = OLD.id
        AND NEW.seq = OLD.seq + 1
        AND EXISTS (
          SELECT 1 FROM moratorium_audit
          WHERE seq = NEW.seq AND hash = NEW.hash AND prev_hash = OLD.hash
        )
      THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'moratorium_audit_head only moves forward onto the entry just appended'
        USING ERRCODE = 'insufficient_privilege';
    END
    $$
  `);
  await knex.raw(`
    CREATE TRIGGER moratorium_audit_head_forward_only
    BEFORE UPDATE ON moratorium_audit_head
    FOR EACH ROW EXECUTE FUNCTION moratorium_audit_head_forward_only()
  `);
  await knex.raw(`
    CREATE TRIGGER moratorium_audit_head_no_delete
    BEFORE DELETE ON moratorium_audit_head
    FOR EACH ROW EXECUTE FUNCTION moratorium_audit_append_only()
  `);
  await knex.raw(`
    CREATE TRIGGER moratorium_audit_head_no_truncate
    BEFORE TRUNCATE ON moratorium_audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION moratorium_audit_append_only()
  `);
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    for (const trigger of [
      'moratorium_audit_head_no_truncate',
      'moratorium_audit_head_no_delete',
      'moratorium_audit_head_forward_only',
    ]) {
      await knex.raw(
        `DROP TRIGGER IF EXISTS ${trigger} ON moratorium_audit_head`,
      );
    }
    await knex.raw(
      'DROP FUNCTION IF EXISTS moratorium_audit_head_forward_only()',
    );
  }
  await knex.schema.dropTable('moratorium_audit_checkpoints');
  await knex.schema.alterTable('moratorium_audit', table => {
    table.dropColumn('signature');
    table.dropColumn('key_id');
  });
};
