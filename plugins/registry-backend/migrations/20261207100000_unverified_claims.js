/*
 * The claims of a system's record that the evidence does not bear out
 * (written by the registry catalog module; docs/moratorium-rule.md), so the
 * register can show them and filter on them. `claims_unverified` is indexed
 * for the filter; the claims themselves are JSON.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('registry_systems', table => {
    table
      .boolean('claims_unverified')
      .notNullable()
      .defaultTo(false)
      .comment('Whether the record claims more than the evidence shows');
    table
      .text('unverified_claims')
      .nullable()
      .comment('JSON: the unverified claims, each with claim and evidence');
    table.index(
      ['claims_unverified', 'platform_status'],
      'registry_systems_unverified_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('registry_systems', table => {
    table.dropIndex([], 'registry_systems_unverified_idx');
  });
  await knex.schema.alterTable('registry_systems', table => {
    table.dropColumn('unverified_claims');
    table.dropColumn('claims_unverified');
  });
};
