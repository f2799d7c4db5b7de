/*
 * The evidence the moratorium rule takes from sources the governed cannot
 * write, kept by the registry catalog module in the catalog's database:
 *  - registry_first_seen: the day the register first saw each system and the
 *    state body it was first (or last, by a trusted import) owned by. Rows
 *    are inserted once and the day is never changed.
 *  - registry_platform_inventory: the systems the platform inventory lists
 *    as deployed, by inventory source, with cluster and namespace.
 *  - registry_inventory_sources: one row a source with a version that changes
 *    whenever its listing does, so processors reload the listing only then.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('registry_first_seen', table => {
    table.comment('The day the register first saw each system');
    table
      .string('entity_ref', 400)
      .primary()
      .notNullable()
      .comment('Lower-case entity ref of the System');
    table
      .string('first_seen', 10)
      .notNullable()
      .comment('YYYY-MM-DD, Asia/Almaty; never changed');
    table
      .string('owner_ref', 400)
      .notNullable()
      .comment('Lower-case Group ref of the state body that owns it');
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('registry_platform_inventory', table => {
    table.comment('Systems the platform inventory lists as deployed');
    table.string('source_id', 200).notNullable();
    table.string('entity_ref', 400).notNullable();
    table.string('cluster', 200).notNullable();
    table.string('namespace', 200).notNullable();
    table.primary(['source_id', 'entity_ref']);
    table.index(['entity_ref'], 'registry_platform_inventory_ref_idx');
  });
  await knex.schema.createTable('registry_inventory_sources', table => {
    table.string('source_id', 200).primary().notNullable();
    table.string('version', 64).notNullable();
    table.integer('deployments').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('registry_inventory_sources');
  await knex.schema.dropTable('registry_platform_inventory');
  await knex.schema.dropTable('registry_first_seen');
};
