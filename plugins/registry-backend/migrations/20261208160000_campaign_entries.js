// @ts-check

/**
 * When each system entered each campaign's scope, so a system is judged only
 * against the milestones that passed after it arrived (issue 17). Written
 * once per campaign and system, never moved.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('registry_campaign_entries', table => {
    table.comment(
      'The day (Asia/Almaty) each system first entered each campaign scope',
    );
    table.string('campaign_id').notNullable();
    table.string('entity_ref').notNullable().comment('Lower case');
    table.string('entered_on').notNullable().comment('YYYY-MM-DD');
    table.primary(['campaign_id', 'entity_ref']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('registry_campaign_entries');
};
