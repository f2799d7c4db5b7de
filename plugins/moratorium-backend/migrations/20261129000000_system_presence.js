/*
 * What the scheduled task has seen of the systems that requests are about:
 * whether each one was ever in the catalog, and since when it has been
 * missing. A request about a system that has left the catalog is closed
 * only after the system has been missing on two runs and for the grace
 * period (`moratorium.removedSystems.graceHours`), so a catalog re-import
 * that briefly drops a system changes nothing.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('moratorium_system_presence', table => {
    table.comment(
      'Catalog presence of the systems requests are about, by the scheduled task',
    );
    table
      .string('system_ref')
      .primary()
      .notNullable()
      .comment('System entity ref, lower case');
    table
      .string('seen_at')
      .nullable()
      .comment(
        'When a run found it in the catalog (first, or back after an absence); null if never',
      );
    table
      .string('missing_since')
      .nullable()
      .comment('The first run of its current absence; null while present');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('moratorium_system_presence');
};
