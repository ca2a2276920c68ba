import type { Kysely, Selectable } from 'kysely';
import type { Store } from './connect.js';
import { type FindingSort, SORT_COLUMNS } from './findings-cursor.js';
import { effectiveStatuses, type FindingFilter } from './findings-filter.js';
import { ingestScan } from './ingest.js';
import type { FindingState, FindingTable, Tables } from './schema.js';
import { DAY_MS } from './sla.js';
import { slaState } from './sla-state.js';
import { testFinding, testUpload } from './test-upload.js';

export const ALL_STATES: FindingState[] = [
  'open',
  'confirmed',
  'in_progress',
  'false_positive',
  'risk_accepted',
  'fixed',
  'closed',
];
export const OPEN_STATES: FindingState[] = ['open', 'confirmed', 'in_progress'];

/**
 * A finding set for list tests: two projects, two scanners, every status, every SLA state, ties
 * in every sort key, findings without an SLA (info has no policy here), and titles with LIKE's
 * wildcards in them. Times are relative to `now` (the real clock: the API computes SLA states
 * from it).
 */
export async function seedFindingSet(store: Store, now = Date.now()): Promise<{ now: number }> {
  const db = store.db;
  await db.deleteFrom('sla_policies').where('severity', '=', 'info').execute();
  const alpha = (ns: number[]) =>
    ns.map((n) => testFinding(n, n % 9 === 0 ? { scanner: 'secrets', ruleId: 'secrets/aws-key' } : {}));
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
  // Old findings (overdue unless low or info), then a scan that fixes 0..29 and brings 60..89.
  await ingestScan(store, testUpload(alpha(range(0, 60)), {}, 'alpha'), 'ci', now - 120 * DAY_MS);
  await ingestScan(store, testUpload(alpha(range(30, 90)), {}, 'alpha'), 'ci', now - 3 * DAY_MS);
  const beta = range(100, 150).map((n) => testFinding(n));
  beta.push(
    testFinding(150, { title: 'Literal 100% match_here' }),
    testFinding(151, { title: 'Literal 100X matchXhere' }),
    testFinding(152, { title: 'Back\\slash' }),
  );
  await ingestScan(store, testUpload(beta, {}, 'beta'), 'ci', now - 10 * DAY_MS);
  await setStatus(db, 'alpha', [31, 32, 33], 'confirmed');
  await setStatus(db, 'alpha', [34, 35], 'in_progress');
  await setStatus(db, 'alpha', [36, 37, 38], 'false_positive');
  await setStatus(db, 'beta', [101, 102], 'closed');
  await setStatus(db, 'beta', [103], 'risk_accepted');
  return { now };
}

async function setStatus(db: Kysely<Tables>, project: string, ns: number[], status: FindingState) {
  const p = await db
    .selectFrom('projects')
    .select('id')
    .where('name', '=', project)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('findings')
    .set({ status })
    .where('project_id', '=', p.id)
    .where(
      'fingerprint',
      'in',
      ns.map((n) => `fp-${n}`),
    )
    .execute();
}

/** A finding row with when it was last seen (kept apart since migration 008), as the list reads it. */
export type Row = Selectable<FindingTable> & { last_seen_at: number };

/** Every finding of the store, as rows for the references below. */
export async function allFindingRows(store: Store): Promise<Row[]> {
  return store.db
    .selectFrom('findings')
    .innerJoin('finding_seen', 'finding_seen.finding_id', 'findings.id')
    .selectAll('findings')
    .select('finding_seen.last_seen_at')
    .execute();
}

/** What the finding list must return, computed in plain code from every row (test reference). */
export function expectedRows(rows: Row[], f: FindingFilter, now: number): Row[] {
  const statuses = effectiveStatuses(f);
  const text = f.text?.toLowerCase();
  return rows.filter(
    (r) =>
      (!f.projectIds || f.projectIds.includes(r.project_id)) &&
      (!f.scanners || f.scanners.includes(r.scanner)) &&
      (!f.severityRanks || f.severityRanks.includes(r.severity_rank)) &&
      statuses.includes(r.status) &&
      (!f.rules || f.rules.includes(r.rule_id)) &&
      (!text || [r.title, r.message, r.path, r.rule_id].some((v) => v.toLowerCase().includes(text))) &&
      (f.firstSeenFrom === undefined || r.first_seen_at >= f.firstSeenFrom) &&
      (f.firstSeenTo === undefined || r.first_seen_at <= f.firstSeenTo) &&
      (!f.sla || slaState(r.status, r.sla_due_at, now) === f.sla),
  );
}

/** The rank of every rule id and path in the database's own order (its collation decides). */
export async function textRanks(store: Store): Promise<Map<string, number>> {
  const ranks = new Map<string, number>();
  for (const column of ['rule_id', 'path'] as const) {
    const values = await store.db.selectFrom('findings').select(column).distinct().orderBy(column).execute();
    for (const [i, v] of values.entries()) ranks.set(v[column], i);
  }
  return ranks;
}

/** The list's order (test reference): sort value, then id the same way; no due date last ascending. */
export function sortedRows(rows: Row[], sort: FindingSort, ranks: Map<string, number>): Row[] {
  const column = SORT_COLUMNS[sort.key];
  const key = (r: Row): number | null => {
    const v = r[column];
    return typeof v === 'string' ? ranks.get(v)! : (v as number | null);
  };
  const sign = sort.order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null) return sign;
      if (kb === null) return -sign;
      return sign * (ka - kb);
    }
    return sign * (a.id - b.id);
  });
}
