/*
 * Security readiness: collected facts (versioned), officers' attestations,
 * waivers, the latest scorecard of each system with its history, sign-offs,
 * evaluation runs and the daily trend.
 *
 * Instants are UTC ISO 8601 strings with milliseconds (`toISOString()`):
 * their text order is their time order on both databases, so keyset cursors
 * and range filters compare the same way everywhere. Entity refs are stored
 * in lower case.
 */

// @ts-check

/**
 * Keyset columns compare as bytes on both databases: PostgreSQL gets the
 * "C" collation, which is what SQLite's default BINARY collation does.
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
  await knex.schema.createTable('sr_facts', table => {
    table.comment('Facts about systems, one row an observation');
    table.string('id').primary().notNullable().comment('UUID');
    table.string('system_ref').notNullable();
    table.string('type').notNullable();
    table.string('source').notNullable();
    table.string('observed_at').notNullable();
    table.text('value').notNullable().comment('JSON');
    table.string('created_at').notNullable();
    // One observation of a type from a source at an instant: a retried push
    // or two replicas collecting at once store it once.
    table.unique(['system_ref', 'type', 'source', 'observed_at'], {
      indexName: 'sr_facts_observation_key',
    });
    table.index(['observed_at'], 'sr_facts_observed_idx');
  });
  await useByteOrder(knex, 'sr_facts', ['system_ref', 'observed_at']);

  await knex.schema.createTable('sr_attestations', table => {
    table.comment('Attestations of manual checks by security officers');
    table.string('id').primary().notNullable().comment('UUID');
    table.string('system_ref').notNullable();
    table.string('check_id').notNullable();
    table.string('result').notNullable().comment('pass, fail or a number');
    table.text('evidence').notNullable().comment('JSON');
    table.string('attested_by').notNullable();
    table.string('attested_at').notNullable();
    table.string('expires_at').notNullable();
    table.string('reminded_at').nullable();
    table.index(
      ['system_ref', 'check_id', 'attested_at'],
      'sr_attestations_system_idx',
    );
    table.index(['expires_at'], 'sr_attestations_expires_idx');
  });
  await useByteOrder(knex, 'sr_attestations', ['id', 'expires_at']);

  await knex.schema.createTable('sr_waivers', table => {
    table.comment('Waiver requests and decisions');
    table.string('id').primary().notNullable().comment('UUID');
    table.string('system_ref').notNullable();
    table.string('check_id').notNullable();
    table.text('justification').notNullable();
    table.string('requested_by').notNullable();
    table.string('requested_at').notNullable();
    table.string('expires_at').notNullable();
    table.string('status').notNullable();
    table.string('decided_by').nullable();
    table.string('decided_at').nullable();
    table.text('decision_comment').nullable();
    table
      .string('open_key')
      .nullable()
      .comment(
        'system_ref + check_id while requested or granted, else null: one open waiver a check',
      );
    table.unique(['open_key'], { indexName: 'sr_waivers_open_key' });
    table.index(['system_ref', 'check_id'], 'sr_waivers_system_idx');
    table.index(['status', 'requested_at'], 'sr_waivers_status_idx');
  });

  await knex.schema.createTable('sr_scorecards', table => {
    table.comment('The latest result of each system');
    table.string('system_ref').primary().notNullable();
    table.string('state_body_ref').notNullable();
    table.text('title').notNullable();
    table.double('score').nullable();
    table.string('level').notNullable();
    table.text('gates_failed').notNullable().comment('JSON array');
    table.text('result').notNullable().comment('ScorecardResult, JSON');
    table.string('inputs_hash').nullable();
    table.string('evaluated_at').notNullable();
    table.string('changed_at').notNullable();
    table
      .string('signed_hash')
      .nullable()
      .comment('evidenceHash of the latest sign-off');
    table.index(['level', 'system_ref'], 'sr_scorecards_level_idx');
    table.index(['state_body_ref', 'system_ref'], 'sr_scorecards_body_idx');
  });
  await useByteOrder(knex, 'sr_scorecards', ['system_ref']);

  await knex.schema.createTable('sr_history', table => {
    table.comment('Every change of a result, in order');
    table.bigIncrements('id').primary();
    table.string('system_ref').notNullable();
    table.string('evaluated_at').notNullable();
    table.text('entry').notNullable().comment('ScorecardHistoryEntry, JSON');
    table.index(['system_ref', 'evaluated_at', 'id'], 'sr_history_system_idx');
  });
  await useByteOrder(knex, 'sr_history', ['evaluated_at']);

  await knex.schema.createTable('sr_signoffs', table => {
    table.comment('Sign-offs by security officers, with frozen results');
    table.string('id').primary().notNullable().comment('UUID');
    table.string('system_ref').notNullable();
    table.string('level').notNullable();
    table.double('score').nullable();
    table.string('signed_by').notNullable();
    table.string('signed_at').notNullable();
    table.text('comment').nullable();
    table.string('evidence_hash').notNullable();
    table.text('results').notNullable().comment('CheckResult[], JSON');
    table
      .string('latest_key')
      .nullable()
      .comment('system_ref on the latest sign-off of its system, else null');
    table.string('drop_notified_at').nullable();
    table.unique(['latest_key'], { indexName: 'sr_signoffs_latest_key' });
    table.index(['system_ref', 'signed_at'], 'sr_signoffs_system_idx');
  });

  await knex.schema.createTable('sr_runs', table => {
    table.comment('Evaluation runs of one system or of all');
    table.string('id').primary().notNullable().comment('UUID');
    table.string('scope_key').notNullable().comment("'all' or the system ref");
    table.text('scope').notNullable().comment('EvaluationScope, JSON');
    table.string('trigger').notNullable();
    table.string('requested_by').nullable();
    table.string('status').notNullable();
    table.integer('total').notNullable();
    table.integer('done').notNullable();
    table.integer('changed').notNullable();
    table.string('created_at').notNullable();
    table.string('started_at').notNullable();
    table.string('heartbeat_at').nullable();
    table.string('finished_at').nullable();
    table.text('error').nullable();
    table
      .string('active_key')
      .nullable()
      .comment('scope_key while queued or running, else null');
    // Two clicks (or two replicas) make one run of a scope at a time.
    table.unique(['active_key'], { indexName: 'sr_runs_active_key' });
    table.index(['status', 'created_at'], 'sr_runs_status_idx');
    table.index(['created_at', 'id'], 'sr_runs_created_idx');
  });
  await useByteOrder(knex, 'sr_runs', ['id', 'created_at']);

  await knex.schema.createTable('sr_trend', table => {
    table.comment('The levels on each day (Asia/Almaty)');
    table.string('date').primary().notNullable().comment('YYYY-MM-DD');
    table.integer('ready').notNullable();
    table.integer('conditional').notNullable();
    table.integer('not_ready').notNullable();
    table.double('average_score').nullable();
    table.string('recorded_at').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'sr_trend',
    'sr_runs',
    'sr_signoffs',
    'sr_history',
    'sr_scorecards',
    'sr_waivers',
    'sr_attestations',
    'sr_facts',
  ]) {
    await knex.schema.dropTable(table);
  }
};
