// @ts-check

/**
 * The search text now holds each system's purpose as well as its titles:
 * forgetting the stored hashes makes the next sync rewrite every row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('registry_systems').update({ entity_hash: '' });
};

/**
 * Nothing to undo: the rows are rewritten either way.
 *
 * @param {import('knex').Knex} _knex
 */
exports.down = async function down(_knex) {};
