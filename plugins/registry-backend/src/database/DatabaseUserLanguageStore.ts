import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { UserLanguage, isUserLanguage } from '@qaztech/plugin-registry-common';
import type { UserLanguageReader } from '@qaztech/plugin-registry-node';
import { Knex } from 'knex';

const TABLE = 'registry_user_languages';

/** Refs looked up in one query (SQLite allows 999 bound values). */
const CHUNK = 500;

type Row = { user_ref: string; language: string; updated_at: Date | string };

/**
 * The language each person picked in the app's Settings, kept in the
 * registry's database.
 */
export class DatabaseUserLanguageStore implements UserLanguageReader {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseUserLanguageStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({
        directory: resolvePackagePath(
          '@qaztech/plugin-registry-backend',
          'migrations',
        ),
      });
    }
    return new DatabaseUserLanguageStore(client);
  }

  private constructor(private readonly db: Knex) {}

  /** Records a person's language, replacing the one they picked before. */
  async setLanguage(userRef: string, language: UserLanguage): Promise<void> {
    await this.db<Row>(TABLE)
      .insert({ user_ref: userRef, language, updated_at: new Date() })
      .onConflict('user_ref')
      .merge(['language', 'updated_at']);
  }

  /** The language a person picked, if any. */
  async getLanguage(userRef: string): Promise<UserLanguage | undefined> {
    const row = await this.db<Row>(TABLE).where({ user_ref: userRef }).first();
    return row && isUserLanguage(row.language) ? row.language : undefined;
  }

  async getLanguages(
    userEntityRefs: string[],
  ): Promise<Record<string, UserLanguage>> {
    const refs = [...new Set(userEntityRefs)];
    const languages: Record<string, UserLanguage> = {};
    for (let i = 0; i < refs.length; i += CHUNK) {
      const rows: Row[] = await this.db<Row>(TABLE).whereIn(
        'user_ref',
        refs.slice(i, i + CHUNK),
      );
      for (const row of rows) {
        if (isUserLanguage(row.language)) {
          languages[row.user_ref] = row.language;
        }
      }
    }
    return languages;
  }
}
