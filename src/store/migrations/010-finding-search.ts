import { type Kysely, sql } from 'kysely';
import { SEARCH_EXPRESSION } from './002-finding-list.js';
import type { StoreMigration } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: the schema is being changed
type Db = Kysely<any>;

/**
 * PostgreSQL's text search moves out of the finding row: a trigram index on findings took half of
 * the time of inserting 100,000 new findings (each row adds ~90 trigrams, and twice the WAL of
 * the row itself). `finding_search` holds the searched text (002's expression) under that index;
 * a new finding, or one whose searched fields change, gets its row with no text (pending), which
 * the `index-search` job fills. The search reads the index and tests the pending findings
 * themselves, so it finds every finding whatever the job has done (findings-filter.ts).
 */
async function searchTable(db: Db): Promise<void> {
  await db.schema
    .createTable('finding_search')
    .addColumn('finding_id', 'bigint', (c) => c.primaryKey())
    .addColumn('search_text', 'text')
    .execute();
  await sql`INSERT INTO finding_search (finding_id, search_text)
    SELECT id, ${sql.raw(SEARCH_EXPRESSION)} FROM findings`.execute(db);
  await sql`CREATE INDEX finding_search_pending ON finding_search (finding_id) WHERE search_text IS NULL`.execute(
    db,
  );
  const { rows } = await sql`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db);
  if (rows.length)
    await sql`CREATE INDEX finding_search_text ON finding_search USING gin (search_text gin_trgm_ops)
      WHERE search_text IS NOT NULL`.execute(db);
  await sql`DROP INDEX IF EXISTS findings_search`.execute(db);
  await sql`CREATE FUNCTION findings_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    INSERT INTO finding_search (finding_id) SELECT id FROM new_findings;
    RETURN NULL; END $$`.execute(db);
  await sql`CREATE TRIGGER findings_search_insert AFTER INSERT ON findings
    REFERENCING NEW TABLE AS new_findings FOR EACH STATEMENT
    EXECUTE FUNCTION findings_search_insert()`.execute(db);
  await sql`CREATE FUNCTION findings_search_stale() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    UPDATE finding_search SET search_text = NULL WHERE finding_id = NEW.id;
    RETURN NULL; END $$`.execute(db);
  await sql`CREATE TRIGGER findings_search_stale AFTER UPDATE OF title, message, path, rule_id ON findings
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.message IS DISTINCT FROM NEW.message
      OR OLD.path IS DISTINCT FROM NEW.path OR OLD.rule_id IS DISTINCT FROM NEW.rule_id)
    EXECUTE FUNCTION findings_search_stale()`.execute(db);
}

export const findingSearch: StoreMigration = {
  name: '010-finding-search',
  async up(db, dialect) {
    if (dialect !== 'postgres') return;
    await searchTable(db);
    await sql`ANALYZE finding_search`.execute(db);
  },
};
