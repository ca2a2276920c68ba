import type { Kysely } from 'kysely';
import type { StoreMigration } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: the schema is being changed
type Db = Kysely<any>;

/**
 * Server-wide settings people change through the API (src/store/settings.ts): one row per key,
 * the value as JSON, and who set it when. A key without a row has its default in code, so a new
 * setting needs no migration.
 */
async function settings(db: Db): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export const settingsMigration: StoreMigration = {
  name: '007-settings',
  async up(db) {
    await settings(db);
  },
};
