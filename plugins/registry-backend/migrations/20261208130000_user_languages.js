/*
 * The language each person picked in the app's Settings, so notifications
 * reach them in it (docs/translations.md). A person with no row reads the
 * default language, Russian.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('registry_user_languages', table => {
    table.comment('The language each user picked in Settings');
    table
      .string('user_ref', 255)
      .primary()
      .notNullable()
      .comment('The user entity ref, e.g. user:default/aigerim');
    table.string('language', 8).notNullable().comment('ru, kk or en');
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .comment('When the user last picked it');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('registry_user_languages');
};
