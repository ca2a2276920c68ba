import { type Kysely, sql } from 'kysely';
import type { Dialect } from './connect.js';
import type { Tables } from './schema.js';

/** The advisory-lock class of per-project writes ("gate" in ASCII). */
const PROJECT_LOCK = 0x6761_7465;

/**
 * Makes the transaction's writes to one project wait for every other transaction's (ingest,
 * triage, re-matching) on PostgreSQL, until commit. SQLite has a single writer already.
 */
export async function lockProject(trx: Kysely<Tables>, dialect: Dialect, projectId: number): Promise<void> {
  if (dialect === 'postgres')
    await sql`SELECT pg_advisory_xact_lock(${PROJECT_LOCK}, ${projectId})`.execute(trx);
}
