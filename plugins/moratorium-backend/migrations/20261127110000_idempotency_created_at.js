/*
 * Stored Idempotency-Key responses are purged by age (the scheduled task);
 * this index serves that delete.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('moratorium_idempotency', table => {
    table.index(['created_at'], 'moratorium_idempotency_created_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('moratorium_idempotency', table => {
    table.dropIndex(['created_at'], 'moratorium_idempotency_created_idx');
  });
};
