/*
 * The register at national scale:
 *  - the sync no longer marks every row it sees (mark and sweep rewrote all
 *    rows on each run); it writes changed rows only and sweeps by ref, so
 *    `sync_generation` goes;
 *  - indexes that serve a filter together with the default sort (name), and
 *    the GROUP BY of the statistics from the index alone;
 *  - on PostgreSQL, the data categories' entity_ref gets the "C" collation
 *    of registry_systems.entity_ref, so the data category filter can probe
 *    the categories' primary key row by row instead of joining whole tables;
 *  - on PostgreSQL, a trigram index for the free-text search (LIKE '%…%')
 *    when the pg_trgm extension exists or can be created; without it the
 *    same query scans the table, with the same results.
 */

// @ts-check

const TRGM_INDEX = 'registry_systems_search_trgm_idx';

/** @type {Array<[string, string[]]>} */
const INDEXES = [
  [
    'registry_systems_status_name_idx',
    ['platform_status', 'name', 'entity_ref'],
  ],
  [
    'registry_systems_stage_name_idx',
    ['lifecycle_stage', 'name', 'entity_ref'],
  ],
  ['registry_systems_owner_name_idx', ['owner_ref', 'name', 'entity_ref']],
  [
    'registry_systems_owner_status_idx',
    ['owner_ref', 'platform_status', 'entity_ref'],
  ],
];

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
  await knex.schema.alterTable('registry_systems', table => {
    table.dropIndex([], 'registry_systems_generation_idx');
  });
  await knex.schema.alterTable('registry_systems', table => {
    table.dropColumn('sync_generation');
  });
  await knex.schema.alterTable('registry_systems', table => {
    for (const [name, columns] of INDEXES) {
      table.index(columns, name);
    }
  });
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw(
    'ALTER TABLE registry_system_data_categories ALTER COLUMN entity_ref TYPE text COLLATE "C"',
  );
  if (await hasTrigrams(knex)) {
    await knex.raw(
      'CREATE INDEX ?? ON registry_systems USING gin (search_text gin_trgm_ops)',
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
    await knex.raw(
      'ALTER TABLE registry_system_data_categories ALTER COLUMN entity_ref TYPE varchar(255) COLLATE "default"',
    );
  }
  await knex.schema.alterTable('registry_systems', table => {
    for (const [name] of INDEXES) {
      table.dropIndex([], name);
    }
  });
  await knex.schema.alterTable('registry_systems', table => {
    table
      .bigInteger('sync_generation')
      .notNullable()
      .defaultTo(0)
      .comment('The sync run that last saw the entity (mark and sweep)');
    table.index(['sync_generation'], 'registry_systems_generation_idx');
  });
};
