/*
 * The commission decides the terms (issue 15):
 * - a draft decision the secretary puts on the agenda, that members vote on;
 * - ballot rounds: each draft (and each new sitting after a deferral) opens
 *   a round, and votes are kept per round instead of being deleted;
 * - the number of deferrals, limited by configuration;
 * - a revocation proposed by one person, waiting for a second;
 * - whether the content changed while information was requested.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('moratorium_requests', table => {
    table
      .integer('ballot_round')
      .notNullable()
      .defaultTo(0)
      .comment('The current ballot round; votes of this round count');
    table
      .integer('deferrals')
      .notNullable()
      .defaultTo(0)
      .comment('How many times the commission deferred the request');
    table
      .text('draft_decision')
      .nullable()
      .comment('DraftDecision JSON: the terms members vote on');
    table
      .text('revocation_proposal')
      .nullable()
      .comment('RevocationProposal JSON, waiting for a second person');
    table
      .boolean('content_changed')
      .notNullable()
      .defaultTo(false)
      .comment('Content changed while information was requested');
  });
  await knex.schema.alterTable('moratorium_votes', table => {
    table
      .integer('round')
      .notNullable()
      .defaultTo(0)
      .comment('The ballot round (moratorium_requests.ballot_round)');
  });
  await knex.schema.alterTable('moratorium_votes', table => {
    table.dropUnique(['request_id', 'member'], 'moratorium_votes_member_key');
    table.unique(['request_id', 'round', 'member'], {
      indexName: 'moratorium_votes_round_member_key',
    });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  // Only the latest round's vote of each member fits the old key.
  await knex.raw(
    `DELETE FROM moratorium_votes WHERE round <> (
       SELECT r.ballot_round FROM moratorium_requests r
       WHERE r.id = moratorium_votes.request_id)`,
  );
  await knex.schema.alterTable('moratorium_votes', table => {
    table.dropUnique(
      ['request_id', 'round', 'member'],
      'moratorium_votes_round_member_key',
    );
    table.unique(['request_id', 'member'], {
      indexName: 'moratorium_votes_member_key',
    });
  });
  await knex.schema.alterTable('moratorium_votes', table => {
    table.dropColumn('round');
  });
  await knex.schema.alterTable('moratorium_requests', table => {
    table.dropColumn('ballot_round');
    table.dropColumn('deferrals');
    table.dropColumn('draft_decision');
    table.dropColumn('revocation_proposal');
    table.dropColumn('content_changed');
  });
};
