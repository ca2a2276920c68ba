import { sql } from 'kysely';
import type { Store } from '../../store/connect.js';
import { SEARCH_EXPRESSION } from '../../store/migrations/002-finding-list.js';

/** Findings indexed per transaction: short transactions, and the trigram index grows in steps. */
const BATCH = 5000;

/**
 * Puts the findings ingest left pending (new ones, and those whose searched fields changed) into
 * PostgreSQL's text-search index (migration 010), so a search no longer tests them one by one.
 * Each batch locks its pending rows first, then reads the findings: a change committed before
 * the batch is what it indexes, and one committed after marks the row pending again. SQLite has
 * no such index (its search reads the findings). Answers how many findings it indexed.
 */
export async function indexSearch(store: Store, batch = BATCH): Promise<number> {
  if (store.dialect !== 'postgres') return 0;
  let indexed = 0;
  for (;;) {
    const n = await store.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ finding_id: number }>`SELECT finding_id FROM finding_search
        WHERE search_text IS NULL LIMIT ${batch} FOR UPDATE SKIP LOCKED`.execute(trx);
      if (!rows.length) return 0;
      const r = await sql`UPDATE finding_search SET search_text = ${sql.raw(SEARCH_EXPRESSION)} FROM findings
        WHERE findings.id = finding_search.finding_id
        AND finding_search.finding_id = ANY(${rows.map((row) => row.finding_id)}::bigint[])`.execute(trx);
      return Number(r.numAffectedRows ?? 0);
    });
    indexed += n;
    // Fewer than a batch: none left (a row whose finding is gone would stay pending, not loop).
    if (n < batch) return indexed;
  }
}
