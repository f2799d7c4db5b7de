/*
 * Found by `yarn bench:plans` at 100,000 systems (50,000 requests), where
 * the plans read whole tables:
 *  - on PostgreSQL, moratorium_requests.id has the "C" collation (keyset
 *    pages) while the request_id columns that join it kept the default one.
 *    A join across two collations cannot probe either side's index, so the
 *    list of requests (with its current deadline), the deadline scan and
 *    the decision lists hashed whole tables. request_id gets "C" too.
 *  - the count of a list that hides other people's drafts (state, applicant,
 *    state body) is read from an index holding those columns;
 *  - the scheduler's deadline scan reads a partial index of the open,
 *    running deadlines still owing a notice, a few rows however many
 *    requests there are;
 *  - decisions carry their request's state body (it never changes), so the
 *    decisions register counts a body's or an outcome's decisions from an
 *    index instead of joining every decision to its request;
 *  - on PostgreSQL, a trigram index for the free-text search (LIKE '%…%')
 *    when the pg_trgm extension exists or can be created, as the register
 *    has; without it the search reads the table, with the same results.
 */

// @ts-check

const TABLES = [
  'moratorium_deadlines',
  'moratorium_decisions',
  'moratorium_conditions',
];
const VISIBILITY_INDEX = 'moratorium_requests_visibility_idx';
const DUE_INDEX = 'moratorium_deadlines_unnotified_idx';
const TRGM_INDEX = 'moratorium_requests_search_trgm_idx';
const DECISION_BODY_INDEX = 'moratorium_decisions_body_idx';
const DECISION_OUTCOME_INDEX = 'moratorium_decisions_outcome_idx';

/**
 * Whether pg_trgm is there, creating it when the user may. A failed CREATE
 * EXTENSION runs in a savepoint so the migration's transaction survives.
 *
 * @param {import('knex').Knex} knex
 */
async function hasTrigrams(knex) {
  const installed = await knex.raw(
    "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'",
  );
  if (installed.rows.length > 0) {
    return true;
  }
  try {
    await knex.transaction(async tx => {
      await tx.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('moratorium_decisions', table => {
    table.string('state_body_ref').nullable();
  });
  await knex('moratorium_decisions').update({
    state_body_ref: knex('moratorium_requests')
      .select('state_body_ref')
      .where(
        'moratorium_requests.id',
        knex.ref('moratorium_decisions.request_id'),
      ),
  });
  await knex.schema.alterTable('moratorium_decisions', table => {
    table.index(['state_body_ref', 'id'], DECISION_BODY_INDEX);
    table.index(['outcome', 'id'], DECISION_OUTCOME_INDEX);
  });
  await knex.schema.alterTable('moratorium_requests', table => {
    table.index(['state', 'state_body_ref', 'applicant'], VISIBILITY_INDEX);
  });
  await knex.raw(
    'CREATE INDEX ?? ON moratorium_deadlines (due_at) WHERE closed_at IS NULL AND paused_at IS NULL AND (reminded_at IS NULL OR missed_notified_at IS NULL)',
    [DUE_INDEX],
  );
  if (knex.client.config.client !== 'pg') {
    return;
  }
  for (const table of TABLES) {
    await knex.raw(
      'ALTER TABLE ?? ALTER COLUMN request_id TYPE text COLLATE "C"',
      [table],
    );
  }
  if (await hasTrigrams(knex)) {
    await knex.raw(
      'CREATE INDEX ?? ON moratorium_requests USING gin (search_text gin_trgm_ops)',
      [TRGM_INDEX],
    );
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP INDEX IF EXISTS ??', [TRGM_INDEX]);
    for (const table of TABLES) {
      await knex.raw(
        'ALTER TABLE ?? ALTER COLUMN request_id TYPE varchar(255) COLLATE "default"',
        [table],
      );
    }
  }
  await knex.raw('DROP INDEX ??', [DUE_INDEX]);
  await knex.schema.alterTable('moratorium_requests', table => {
    table.dropIndex([], VISIBILITY_INDEX);
  });
  await knex.schema.alterTable('moratorium_decisions', table => {
    table.dropIndex([], DECISION_BODY_INDEX);
    table.dropIndex([], DECISION_OUTCOME_INDEX);
  });
  await knex.schema.alterTable('moratorium_decisions', table => {
    table.dropColumn('state_body_ref');
  });
};
