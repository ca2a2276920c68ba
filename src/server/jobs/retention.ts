import type { Store } from '../../store/connect.js';
import { DAY_MS } from '../../store/sla.js';

/** Days of per-scan occurrences kept: `GATEHOUSE_RETENTION_DAYS`, default 180. */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.GATEHOUSE_RETENTION_DAYS ?? 180);
  return Number.isFinite(n) && n >= 1 ? n : 180;
}

/** Scans whose occurrences go per transaction: short transactions never hold up an ingest for long. */
const SCANS_PER_ROUND = 50;

/**
 * Deletes the occurrences (where each scan saw each finding) of scans older than the retention
 * period, except the latest scan of every project and branch. Findings, their history, scans and
 * the audit log stay: the database stops growing with the number of scans, not with what they found.
 */
export async function pruneOccurrences(
  store: Store,
  now = Date.now(),
  days = retentionDays(),
): Promise<number> {
  const cutoff = now - days * DAY_MS;
  let pruned = 0;
  for (;;) {
    const old = await store.db
      .selectFrom('scans as s')
      .select('s.id')
      .where('s.received_at', '<', cutoff)
      // a newer scan of the same branch exists: this one is not the branch's latest
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('scans as n')
            .select('n.id')
            .whereRef('n.project_id', '=', 's.project_id')
            .whereRef('n.branch', '=', 's.branch')
            .whereRef('n.id', '>', 's.id'),
        ),
      )
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('occurrences as o').select('o.scan_id').whereRef('o.scan_id', '=', 's.id')),
      )
      .limit(SCANS_PER_ROUND)
      .execute();
    if (!old.length) return pruned;
    const ids = old.map((s) => s.id);
    const r = await store.db.deleteFrom('occurrences').where('scan_id', 'in', ids).executeTakeFirst();
    pruned += Number(r.numDeletedRows);
  }
}
