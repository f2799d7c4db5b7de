/*
 * Indexes found missing by `yarn bench:plans` at 100,000 systems, where the
 * plans read the whole scorecards table:
 *  - the national summary (GROUP BY level; GROUP BY state body, level, with
 *    the count, sum and latest evaluation): read from the index alone;
 *  - the review queue's systems awaiting sign-off (no sign-off, or one of
 *    other evidence): a partial index of exactly those systems, in the
 *    queue's order, which also serves its count;
 *  - the current attestation of each system and check (none newer by
 *    attested_at, then id), which expiry reminders and the queue look up
 *    for each attestation in an expiry range: the whole key in one index;
 *  - on PostgreSQL, sign-offs' latest_key gets the "C" collation of
 *    sr_scorecards.system_ref, which it joins (the scorecard list with its
 *    signed level): a join across two collations cannot probe an index.
 */

// @ts-check

const AWAITING_INDEX = 'sr_scorecards_awaiting_idx';
const CURRENT_ATTESTATION_INDEX = 'sr_attestations_current_idx';

/** @type {Array<[string, string[]]>} */
const INDEXES = [
  ['sr_scorecards_level_summary_idx', ['level', 'score', 'evaluated_at']],
  ['sr_scorecards_body_summary_idx', ['state_body_ref', 'level', 'score']],
];

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('sr_scorecards', table => {
    for (const [name, columns] of INDEXES) {
      table.index(columns, name);
    }
  });
  // The same condition as the store's awaitingSignOff filter, so that
  // PostgreSQL and SQLite can prove the query implies it.
  await knex.raw(
    'CREATE INDEX ?? ON sr_scorecards (system_ref) WHERE signed_hash IS NULL OR inputs_hash IS NULL OR signed_hash <> inputs_hash',
    [AWAITING_INDEX],
  );
  await knex.schema.alterTable('sr_attestations', table => {
    table.index(
      ['system_ref', 'check_id', 'attested_at', 'id'],
      CURRENT_ATTESTATION_INDEX,
    );
  });
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'ALTER TABLE sr_signoffs ALTER COLUMN latest_key TYPE text COLLATE "C"',
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw(
      'ALTER TABLE sr_signoffs ALTER COLUMN latest_key TYPE varchar(255) COLLATE "default"',
    );
  }
  await knex.schema.alterTable('sr_attestations', table => {
    table.dropIndex([], CURRENT_ATTESTATION_INDEX);
  });
  await knex.raw('DROP INDEX ??', [AWAITING_INDEX]);
  await knex.schema.alterTable('sr_scorecards', table => {
    for (const [name] of INDEXES) {
      table.dropIndex([], name);
    }
  });
};
