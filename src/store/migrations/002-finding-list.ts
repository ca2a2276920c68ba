import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';
import type { StoreMigration } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before (and shape) the typed schema
type Db = Kysely<any>;

/**
 * The finding list reads each page in order from an index whose prefix is the status (see
 * findings-branches.ts). 001 covers the severity, SLA and rule orders; these cover first seen
 * (001's index on first_seen_at alone makes a rare status skip most of it), last seen and path,
 * which otherwise sort every open finding for each page.
 */
async function sortIndexes(db: Db): Promise<void> {
  await db.schema
    .createIndex('findings_status_first_seen')
    .on('findings')
    .columns(['status', 'first_seen_at', 'id'])
    .execute();
  await db.schema
    .createIndex('findings_status_last_seen')
    .on('findings')
    .columns(['status', 'last_seen_at', 'id'])
    .execute();
  await db.schema
    .createIndex('findings_status_path')
    .on('findings')
    .columns(['status', 'path', 'id'])
    .execute();
}

/**
 * What the text search of the finding list matches on PostgreSQL (findings-filter.ts uses this
 * very string, so the query and the index cannot drift apart): the four fields joined by a
 * control character that no search text may contain.
 */
export const SEARCH_EXPRESSION = '(title || chr(31) || message || chr(31) || path || chr(31) || rule_id)';

/**
 * Substring search over title, message, path and rule on PostgreSQL: a trigram index, when the
 * pg_trgm extension can be created (it ships with PostgreSQL and is trusted since 13, so a
 * database owner may create it). Without it the search still works, by scanning.
 */
async function textIndex(db: Db): Promise<void> {
  // A failed CREATE EXTENSION inside the block rolls back only the block, not the migration.
  await sql`DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; EXCEPTION WHEN OTHERS THEN NULL; END $$`.execute(
    db,
  );
  const { rows } = await sql`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
  if (rows.length === 0) return;
  await sql`CREATE INDEX findings_search ON findings USING gin (${sql.raw(SEARCH_EXPRESSION)} gin_trgm_ops)`.execute(
    db,
  );
}

/** The audit log is read newest first, filtered by project, actor or action. */
async function auditIndexes(db: Db): Promise<void> {
  for (const column of ['project_id', 'actor', 'action'])
    await db.schema
      .createIndex(`audit_events_${column}`)
      .on('audit_events')
      .columns([column, 'id'])
      .execute();
}

export const findingList: StoreMigration = {
  name: '002-finding-list',
  async up(db: Db, dialect: Dialect) {
    await sortIndexes(db);
    if (dialect === 'postgres') await textIndex(db);
    await auditIndexes(db);
  },
};
