/*
 * The moratorium workflow: exemption requests with their history, votes,
 * sittings, decisions, conditions and deadlines; idempotency keys; and the
 * hash-chained audit record.
 *
 * Instants are UTC ISO 8601 strings with milliseconds (`toISOString()`):
 * their text order is their time order on both databases, so keyset cursors
 * and `due_at <= ?` compare the same way everywhere.
 */

// @ts-check

/** The `prev_hash` of the first audit entry. */
const GENESIS_HASH = '0'.repeat(64);

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
  await knex.schema.createTable('moratorium_requests', table => {
    table.comment('Exemption requests, one row a request');
    table.string('id').primary().notNullable().comment('UUID');
    table.string('number').notNullable().unique().comment('EX-YYYY-NNNN');
    table.string('state').notNullable();
    table.string('resume_state').nullable();
    table
      .integer('version')
      .notNullable()
      .comment('Optimistic lock: updates match it and add one');
    table.text('content').notNullable().comment('RequestContent, JSON');
    table.string('applicant').notNullable().comment('User ref, lower case');
    table
      .string('state_body_ref')
      .nullable()
      .comment('content.stateBodyRef, lower case');
    table
      .string('system_ref')
      .nullable()
      .comment('content.system.entityRef, lower case');
    table.text('system').nullable().comment('content.system, JSON');
    table.text('purpose').nullable().comment('content.purpose');
    table
      .text('search_text')
      .notNullable()
      .comment('NFC, lower-cased (ru) number, system titles and ref, purpose');
    table.string('submitted_by').nullable();
    table.string('submitted_at').nullable();
    table.string('created_at').notNullable();
    table.string('updated_at').notNullable();
    table.text('similar_systems').notNullable().comment('JSON array');
    table.text('opinions').notNullable().comment('JSON array');
    table.text('questions').nullable();
    table.string('sitting_id').nullable();

    table.index(['updated_at', 'id'], 'moratorium_requests_updated_idx');
    table.index(['created_at', 'id'], 'moratorium_requests_created_idx');
    table.index(['state'], 'moratorium_requests_state_idx');
    table.index(['state_body_ref'], 'moratorium_requests_body_idx');
    table.index(['system_ref'], 'moratorium_requests_system_idx');
    table.index(['applicant'], 'moratorium_requests_applicant_idx');
    table.index(['sitting_id'], 'moratorium_requests_sitting_idx');
  });
  await useByteOrder(knex, 'moratorium_requests', [
    'id',
    'updated_at',
    'created_at',
  ]);

  await knex.schema.createTable('moratorium_counters', table => {
    table.comment('Named counters, e.g. the request numbers of a year');
    table.string('name').primary().notNullable();
    table.bigInteger('value').notNullable();
  });

  await knex.schema.createTable('moratorium_history', table => {
    table.comment('The history of each request, in the order it happened');
    table.bigIncrements('id').primary();
    table.string('request_id').notNullable();
    table.string('action').notNullable();
    table.string('from_state').nullable();
    table.string('to_state').nullable();
    table.string('actor').notNullable();
    table.string('at').notNullable();
    table.text('details').nullable().comment('JSON object');
    table.index(['request_id', 'id'], 'moratorium_history_request_idx');
  });

  await knex.schema.createTable('moratorium_votes', table => {
    table.comment('One vote a member a request');
    table.string('request_id').notNullable();
    table.string('member').notNullable();
    table.string('choice').notNullable();
    table.text('opinion').nullable();
    table.string('at').notNullable();
    table.unique(['request_id', 'member'], {
      indexName: 'moratorium_votes_member_key',
    });
  });

  await knex.schema.createTable('moratorium_sittings', table => {
    table.comment('Commission sittings, one a day');
    table.string('id').primary().notNullable();
    table.string('date').notNullable().comment('YYYY-MM-DD, Asia/Almaty');
    table.string('created_at').notNullable();
    table.unique(['date'], { indexName: 'moratorium_sittings_date_key' });
  });

  await knex.schema.createTable('moratorium_decisions', table => {
    table.comment('Commission decisions; a request may get several');
    table.bigIncrements('id').primary();
    table.string('request_id').notNullable();
    table.string('outcome').notNullable();
    table.string('protocol_number').notNullable();
    table.string('sitting_date').notNullable();
    table.text('reasons').nullable();
    table.string('expires_at').nullable().comment('YYYY-MM-DD, inclusive');
    table.string('recorded_by').notNullable();
    table.string('recorded_at').notNullable();
    table.index(['request_id', 'id'], 'moratorium_decisions_request_idx');
    table.index(['recorded_at', 'id'], 'moratorium_decisions_recorded_idx');
  });
  await useByteOrder(knex, 'moratorium_decisions', ['recorded_at']);

  await knex.schema.createTable('moratorium_conditions', table => {
    table.comment('The conditions of approving decisions');
    table.bigInteger('decision_id').notNullable();
    table.string('id').notNullable();
    table.string('request_id').notNullable();
    table.integer('position').notNullable();
    table.text('text').notNullable();
    table.string('due_date').notNullable().comment('YYYY-MM-DD');
    table.string('status').notNullable();
    table.string('resolved_at').nullable();
    table.string('resolved_by').nullable();
    table.text('evidence').nullable();
    table.primary(['decision_id', 'id']);
    table.index(['request_id', 'id'], 'moratorium_conditions_request_idx');
    table.index(['status', 'due_date'], 'moratorium_conditions_due_idx');
  });

  await knex.schema.createTable('moratorium_deadlines', table => {
    table.comment('Stage and condition deadlines of each request');
    table.string('request_id').notNullable();
    table
      .string('subject')
      .notNullable()
      .comment('A request state or condition:<id>');
    table.string('due_at').notNullable();
    table.string('paused_at').nullable();
    table.integer('remaining_working_days').nullable();
    table.string('reminded_at').nullable();
    table.string('missed_notified_at').nullable();
    table.string('closed_at').nullable();
    table.primary(['request_id', 'subject']);
    table.index(['closed_at', 'due_at'], 'moratorium_deadlines_due_idx');
  });

  await knex.schema.createTable('moratorium_idempotency', table => {
    table.comment('Responses stored under Idempotency-Key, per actor');
    table.string('actor').notNullable();
    table.string('key').notNullable();
    table.string('request_hash').notNullable();
    table.integer('status').notNullable();
    table.text('body').notNullable().comment('JSON');
    table.string('created_at').notNullable();
    table.unique(['actor', 'key'], {
      indexName: 'moratorium_idempotency_key',
    });
  });

  await knex.schema.createTable('moratorium_audit', table => {
    table.comment(
      'Append-only audit chain: hash = sha256(prev_hash + canonical JSON of the entry)',
    );
    table.bigInteger('seq').primary().notNullable().comment('1, 2, 3…');
    table.string('request_id').nullable();
    table.string('actor').notNullable();
    table.string('action').notNullable();
    table.text('payload').notNullable().comment('Canonical JSON');
    table.string('at').notNullable();
    table.string('prev_hash', 64).notNullable();
    table.string('hash', 64).notNullable();
    // A second append on the same head would fork the chain; this refuses it.
    table.unique(['prev_hash'], { indexName: 'moratorium_audit_prev_key' });
    table.index(['request_id', 'seq'], 'moratorium_audit_request_idx');
  });

  await knex.schema.createTable('moratorium_audit_head', table => {
    table.comment(
      'The last audit entry: appends lock this single row, which serializes them',
    );
    table.integer('id').primary().notNullable();
    table.bigInteger('seq').notNullable();
    table.string('hash', 64).notNullable();
  });
  await knex('moratorium_audit_head').insert({
    id: 1,
    seq: 0,
    hash: GENESIS_HASH,
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of [
    'moratorium_audit_head',
    'moratorium_audit',
    'moratorium_idempotency',
    'moratorium_deadlines',
    'moratorium_conditions',
    'moratorium_decisions',
    'moratorium_sittings',
    'moratorium_votes',
    'moratorium_history',
    'moratorium_counters',
    'moratorium_requests',
  ]) {
    await knex.schema.dropTable(table);
  }
};
