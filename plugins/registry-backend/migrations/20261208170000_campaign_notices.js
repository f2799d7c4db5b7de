/*
 * What campaign notices were sent to whom (issue 18, digests instead of
 * floods): one row per campaign, recipient (a state body), kind (the daily
 * notice or the weekly digest) and period (the day or the ISO week). The
 * primary key lets one replica send a period's notice; the content hash
 * lets the next day's notice be skipped when nothing changed; the summary
 * is what the notice said (counts by status and the worst systems).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('registry_campaign_notices', table => {
    table.comment('Campaign notices sent to state bodies, one per period');
    table.string('campaign_id').notNullable();
    table.string('recipient').notNullable().comment('Group or User entity ref');
    table
      .string('kind')
      .notNullable()
      .comment('body-daily, body-digest or owner-late-bodies');
    table
      .string('period')
      .notNullable()
      .comment('YYYY-MM-DD for a daily notice, YYYY-Www for a weekly digest');
    table.string('content_hash', 64).notNullable();
    table.text('summary').notNullable().comment('JSON: what the notice said');
    table.string('sent_at').notNullable();
    table.primary(['campaign_id', 'recipient', 'kind', 'period']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('registry_campaign_notices');
};
