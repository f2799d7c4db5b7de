/*
 * Indexes found missing by `yarn bench:plans` at 100,000 systems, where the
 * plans read whole tables:
 *  - the statistics (GROUP BY owner, platform status, lifecycle stage) and
 *    the count of a status and stage filter: one index holds all three
 *    columns, so both are read from the index alone;
 *  - a campaign's history by body (WHERE campaign_id ORDER BY date, body):
 *    the index is in that order and holds the figures.
 */

// @ts-check

/** @type {Array<[string, string, string[]]>} */
const INDEXES = [
  [
    'registry_systems',
    'registry_systems_facets_idx',
    ['platform_status', 'lifecycle_stage', 'owner_ref'],
  ],
  [
    'registry_campaign_history',
    'registry_campaign_history_date_idx',
    ['campaign_id', 'date', 'state_body_ref', 'total', 'done'],
  ],
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const [table, name, columns] of INDEXES) {
    await knex.schema.alterTable(table, t => {
      t.index(columns, name);
    });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const [table, name] of INDEXES) {
    await knex.schema.alterTable(table, t => {
      t.dropIndex([], name);
    });
  }
};
