/*
 * The register projection: one row a state information system, its data
 * categories for indexed filtering, and the log of register imports.
 */

// @ts-check

/**
 * Sort keys compare as UTF-8 bytes on both databases: PostgreSQL gets the
 * "C" collation, which is what SQLite's default BINARY collation does, so a
 * page boundary (the keyset cursor) means the same row order everywhere.
 *
 * @param {import('knex').Knex} knex
 * @param {string[]} columns
 */
async function useByteOrder(knex, columns) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  for (const column of columns) {
    await knex.raw(
      'ALTER TABLE registry_systems ALTER COLUMN ?? TYPE text COLLATE "C"',
      [column],
    );
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('registry_systems', table => {
    table.comment('The register: one row a state information system');
    table.string('entity_ref').primary().notNullable();
    table.string('namespace').notNullable();
    table.string('name').notNullable();
    table.text('title_ru').notNullable();
    table.text('title_kk').notNullable();
    table.text('title_en').nullable();
    table
      .text('title_sort')
      .notNullable()
      .comment('NFC, lower-cased Russian title: the key of sort=title');
    table
      .string('registry_number')
      .notNullable()
      .defaultTo('')
      .comment('Empty when the system has no registry number');
    table.string('owner_ref').notNullable().comment('The state body Group');
    table.string('owner_bin').nullable();
    table.string('owner_kind').notNullable();
    table.string('lifecycle_stage').notNullable();
    table.string('platform_status').notNullable();
    table.text('platform_reason').notNullable();
    table.boolean('critical').notNullable();
    table.string('hosting_kind').notNullable();
    table.string('hosting_country').notNullable();
    table.text('data_categories').notNullable().comment('JSON array');
    table
      .text('search_text')
      .notNullable()
      .comment(
        'NFC, lower-cased (ru) titles, registry number and name, for LIKE',
      );
    table.text('record').notNullable().comment('The spec.registry block, JSON');
    table.string('entity_hash').notNullable();
    table
      .string('updated_at')
      .notNullable()
      .comment('UTC ISO 8601 of the last change; text order is time order');
    table
      .bigInteger('sync_generation')
      .notNullable()
      .defaultTo(0)
      .comment('The sync run that last saw the entity (mark and sweep)');

    table.index(['owner_ref', 'entity_ref'], 'registry_systems_owner_idx');
    table.index(['critical', 'entity_ref'], 'registry_systems_critical_idx');
    table.index(['hosting_kind', 'entity_ref'], 'registry_systems_hosting_idx');
    table.index(['sync_generation'], 'registry_systems_generation_idx');
    table.index(['name', 'entity_ref'], 'registry_systems_name_idx');
    table.index(['title_sort', 'entity_ref'], 'registry_systems_title_idx');
    table.index(
      ['registry_number', 'entity_ref'],
      'registry_systems_number_idx',
    );
    table.index(
      ['lifecycle_stage', 'entity_ref'],
      'registry_systems_lifecycle_idx',
    );
    table.index(
      ['platform_status', 'entity_ref'],
      'registry_systems_status_idx',
    );
    table.index(['updated_at', 'entity_ref'], 'registry_systems_updated_idx');
  });
  await useByteOrder(knex, [
    'entity_ref',
    'name',
    'title_sort',
    'registry_number',
    'lifecycle_stage',
    'platform_status',
    'updated_at',
  ]);

  await knex.schema.createTable('registry_system_data_categories', table => {
    table.comment('The data categories of each system, one row a category');
    table.string('entity_ref').notNullable();
    table.string('category').notNullable();
    table.primary(['entity_ref', 'category']);
    table.index(['category', 'entity_ref'], 'registry_data_categories_idx');
  });

  await knex.schema.createTable('registry_imports', table => {
    table.comment('Each run of a register import, as its importer reported it');
    table.bigIncrements('id').primary();
    table.string('source_id').notNullable();
    table.text('source').notNullable();
    table.string('format').notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.string('status').notNullable();
    table.integer('rows_read').notNullable();
    table.integer('imported').notNullable();
    table
      .text('rejected')
      .notNullable()
      .comment('JSON array of {line, reason}');
    table.text('error').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['started_at'], 'registry_imports_started_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('registry_imports');
  await knex.schema.dropTable('registry_system_data_categories');
  await knex.schema.dropTable('registry_systems');
};
