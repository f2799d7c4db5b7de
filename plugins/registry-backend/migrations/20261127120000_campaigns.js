/*
 * Campaigns: national deadlines over the register, their current progress
 * per system and per state body, the daily history for the burn-up chart,
 * the readiness levels synced from the security readiness plugin, and the
 * notifications already sent (so each is sent once, on any replica).
 */

// @ts-check

/**
 * Keys compared by keyset pages sort as bytes on PostgreSQL too (see the
 * first migration).
 *
 * @param {import('knex').Knex} knex
 * @param {string} table
 * @param {string[]} columns
 */
async function useByteOrder(knex, table, columns) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  for (const column of columns) {
    await knex.raw('ALTER TABLE ?? ALTER COLUMN ?? TYPE text COLLATE "C"', [
      table,
      column,
    ]);
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('registry_campaigns', table => {
    table.comment('Campaigns: national deadlines tracked over the register');
    table.string('id').primary().notNullable();
    table.text('title').notNullable().comment('JSON {ru, kk, en}');
    table.text('description').nullable().comment('JSON {ru, kk, en}');
    table.string('owner').notNullable().comment('User or Group entity ref');
    table.text('scope').notNullable().comment('JSON CampaignScope');
    table.text('goal').notNullable().comment('JSON CampaignGoal');
    table.string('start_date').notNullable().comment('YYYY-MM-DD');
    table.text('milestones').notNullable().comment('JSON CampaignMilestone[]');
    table.string('state').notNullable();
    table.string('source').notNullable().comment('app or config');
    table.integer('version').notNullable();
    table.string('created_by').nullable();
    table.string('updated_by').nullable();
    table.string('created_at').notNullable().comment('UTC ISO 8601');
    table.string('updated_at').notNullable().comment('UTC ISO 8601');
    table
      .text('summary')
      .nullable()
      .comment('JSON of the last computed progress, for the list of campaigns');
    table.index(['state'], 'registry_campaigns_state_idx');
  });

  await knex.schema.createTable('registry_campaign_progress', table => {
    table.comment('The current status of each system in a campaign');
    table.string('campaign_id').notNullable();
    table.string('entity_ref').notNullable();
    table.string('state_body_ref').notNullable();
    table.text('title').notNullable().comment('JSON {ru, kk, en?}');
    table.string('status').notNullable();
    table.boolean('done').notNullable();
    table.text('what_to_do').notNullable().comment('JSON CampaignAction');
    table.primary(['campaign_id', 'entity_ref']);
    table.index(
      ['campaign_id', 'state_body_ref', 'entity_ref'],
      'registry_campaign_progress_body_idx',
    );
    table.index(
      ['campaign_id', 'status', 'entity_ref'],
      'registry_campaign_progress_status_idx',
    );
    table.index(['entity_ref'], 'registry_campaign_progress_system_idx');
  });
  await useByteOrder(knex, 'registry_campaign_progress', ['entity_ref']);

  await knex.schema.createTable('registry_campaign_bodies', table => {
    table.comment('The current progress of each state body in a campaign');
    table.string('campaign_id').notNullable();
    table.string('state_body_ref').notNullable();
    table.text('title').notNullable();
    table.text('responsible').notNullable().comment('JSON array of User refs');
    table.integer('total').notNullable();
    table.integer('done').notNullable();
    table.string('status').notNullable();
    table.primary(['campaign_id', 'state_body_ref']);
  });

  await knex.schema.createTable('registry_campaign_history', table => {
    table.comment(
      'Systems in scope and done per campaign, day and body; one row a day',
    );
    table.string('campaign_id').notNullable();
    table.string('date').notNullable().comment('YYYY-MM-DD, Asia/Almaty');
    table
      .string('state_body_ref')
      .notNullable()
      .comment('Empty for the whole campaign');
    table.integer('total').notNullable();
    table.integer('done').notNullable();
    table.primary(['campaign_id', 'state_body_ref', 'date']);
  });

  await knex.schema.createTable('registry_readiness', table => {
    table.comment('Security readiness levels, synced from its plugin');
    table.string('system_ref').primary().notNullable();
    table.string('level').notNullable();
    table
      .text('passed_checks')
      .nullable()
      .comment('JSON array of check ids; null when not known');
    table.string('evaluated_at').notNullable();
  });

  await knex.schema.createTable('registry_campaign_notifications', table => {
    table.comment('Notifications sent, one row each, so none goes twice');
    table.string('key').primary().notNullable();
    table.string('campaign_id').notNullable();
    table.string('sent_at').notNullable();
    table.index(
      ['campaign_id'],
      'registry_campaign_notifications_campaign_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('registry_campaign_notifications');
  await knex.schema.dropTable('registry_readiness');
  await knex.schema.dropTable('registry_campaign_history');
  await knex.schema.dropTable('registry_campaign_bodies');
  await knex.schema.dropTable('registry_campaign_progress');
  await knex.schema.dropTable('registry_campaigns');
};
