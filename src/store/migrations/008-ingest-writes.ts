import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';
import type { StoreMigration } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: the schema is being changed
type Db = Kysely<any>;

/**
 * When each finding was last seen, out of the finding row: a scan that sees 100,000 findings again
 * writes 100,000 narrow rows here instead of rewriting 100,000 wide finding rows and every index
 * on them. `finding_status` is a copy of `findings.status`, kept by triggers, so the list sorted by
 * last seen still reads its page from one index, status first, as 002's index on findings did.
 */
async function findingSeen(db: Db): Promise<void> {
  await db.schema
    .createTable('finding_seen')
    .addColumn('finding_id', 'bigint', (c) => c.primaryKey())
    .addColumn('finding_status', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_scan_id', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO finding_seen (finding_id, finding_status, last_seen_at, last_scan_id)
    SELECT id, status, last_seen_at, last_scan_id FROM findings`.execute(db);
  await db.schema
    .createIndex('finding_seen_status_last_seen')
    .on('finding_seen')
    .columns(['finding_status', 'last_seen_at', 'finding_id'])
    .execute();
  await db.schema.dropIndex('findings_status_last_seen').execute();
  await db.schema.alterTable('findings').dropColumn('last_seen_at').execute();
  await db.schema.alterTable('findings').dropColumn('last_scan_id').execute();
  // Closing reads finding_seen.last_scan_id: presence changes only when a finding comes or goes.
  await db.schema.alterTable('finding_presence').dropColumn('last_scan_id').execute();
}

/**
 * A new finding gets its row (last seen = first seen), and a status change is copied, whoever
 * makes it (ingest, triage, exceptions, jobs). PostgreSQL inserts the new rows once per
 * statement, from the statement's transition table; SQLite's row triggers run in-process.
 */
async function seenTriggers(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER findings_seen_insert AFTER INSERT ON findings BEGIN
      INSERT INTO finding_seen (finding_id, finding_status, last_seen_at, last_scan_id)
      VALUES (NEW.id, NEW.status, NEW.first_seen_at, NEW.first_scan_id); END`.execute(db);
    await sql`CREATE TRIGGER findings_seen_status AFTER UPDATE OF status ON findings
      WHEN OLD.status IS NOT NEW.status BEGIN
      UPDATE finding_seen SET finding_status = NEW.status WHERE finding_id = NEW.id; END`.execute(db);
    return;
  }
  await sql`CREATE FUNCTION findings_seen_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    INSERT INTO finding_seen (finding_id, finding_status, last_seen_at, last_scan_id)
    SELECT id, status, first_seen_at, first_scan_id FROM new_findings;
    RETURN NULL; END $$`.execute(db);
  await sql`CREATE TRIGGER findings_seen_insert AFTER INSERT ON findings
    REFERENCING NEW TABLE AS new_findings FOR EACH STATEMENT
    EXECUTE FUNCTION findings_seen_insert()`.execute(db);
  await sql`CREATE FUNCTION findings_seen_status() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    UPDATE finding_seen SET finding_status = NEW.status WHERE finding_id = NEW.id;
    RETURN NULL; END $$`.execute(db);
  await sql`CREATE TRIGGER findings_seen_status AFTER UPDATE OF status ON findings
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION findings_seen_status()`.execute(db);
}

/**
 * The SHA-256 of `data`, so a scan that reports a finding unchanged rewrites nothing; and the
 * severity a person set in triage, which wins over the scanner's (kept in `data`) on every later
 * scan. Findings triaged before this migration get theirs back from their history; the next scan
 * that sees them applies it (severity, and the due date with it).
 */
async function findingColumns(db: Db): Promise<void> {
  await db.schema.alterTable('findings').addColumn('data_hash', 'text').execute();
  await db.schema.alterTable('findings').addColumn('triaged_severity', 'text').execute();
  await sql`UPDATE findings SET triaged_severity = (
      SELECT e.to_status FROM finding_events e WHERE e.finding_id = findings.id AND e.kind = 'severity'
      ORDER BY e.at DESC, e.id DESC LIMIT 1)
    WHERE id IN (SELECT finding_id FROM finding_events WHERE kind = 'severity')`.execute(db);
}

/**
 * On PostgreSQL a foreign key check is a query per inserted row that also locks the parent row,
 * writing to its page: the occurrences of a scan that sees 100,000 findings again dirtied every
 * finding's page (5x the WAL), and the history, presence and occurrence rows of a first scan
 * tripled their insert time. Only ingest writes these rows, for findings it holds under the
 * project lock, and findings and scans are never deleted. SQLite's checks are index lookups and stay.
 */
async function dropBulkForeignKeys(db: Db): Promise<void> {
  for (const [table, constraint] of [
    ['finding_events', 'finding_events_finding_id_fkey'],
    ['finding_presence', 'finding_presence_finding_id_fkey'],
    ['occurrences', 'occurrences_finding_id_fkey'],
    ['occurrences', 'occurrences_scan_id_fkey'],
  ])
    await sql`ALTER TABLE ${sql.table(table!)} DROP CONSTRAINT ${sql.ref(constraint!)}`.execute(db);
}

export const ingestWrites: StoreMigration = {
  name: '008-ingest-writes',
  async up(db, dialect) {
    await findingSeen(db);
    await seenTriggers(db, dialect);
    await findingColumns(db);
    if (dialect === 'postgres') {
      await dropBulkForeignKeys(db);
      await sql`ANALYZE finding_seen`.execute(db);
    }
  },
};
