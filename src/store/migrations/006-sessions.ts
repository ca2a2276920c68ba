import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { StoreMigration } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: the schema is being changed
type Db = Kysely<any>;

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/**
 * What signing in needs on users: a count of failed sign-ins in a row and the lock it leads to,
 * an optional project scope (as tokens have), and when they last signed in. One ALTER per
 * column: SQLite adds one column per statement.
 */
async function userColumns(db: Db): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('locked_until', 'bigint').execute();
  await db.schema
    .alterTable('users')
    .addColumn('project_id', 'bigint', (c) => c.references('projects.id'))
    .execute();
  await db.schema.alterTable('users').addColumn('last_login_at', 'bigint').execute();
}

/**
 * Browser sessions. The id is the SHA-256 of the secret the cookie carries, so a copy of the
 * database signs nobody in. The CSRF token is derived from the secret (src/server/csrf.ts), so
 * it needs no column.
 */
async function sessions(db: Db): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('last_seen_at', 'bigint', notNull)
    .addColumn('expires_at', 'bigint', notNull)
    .addColumn('user_agent', 'text')
    .execute();
  // Ending every session of a user (disabled, new password), and purging expired ones.
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();
  await db.schema.createIndex('sessions_expires').on('sessions').columns(['expires_at']).execute();
}

export const sessionsMigration: StoreMigration = {
  name: '006-sessions',
  async up(db) {
    await userColumns(db);
    await sessions(db);
  },
};
