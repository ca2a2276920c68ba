import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { FindingCursor, FindingSort } from './findings-cursor.js';
import type { FindingFilter } from './findings-filter.js';
import type { FindingSeenTable, FindingTable, Tables } from './schema.js';

/** What a list row carries: everything but the stored report JSON, and when it was last seen. */
export const SUMMARY_COLUMNS = [
  'id',
  'project_id',
  'scanner',
  'rule_id',
  'title',
  'message',
  'severity',
  'severity_rank',
  'confidence',
  'status',
  'path',
  'start_line',
  'advisory_id',
  'package_purl',
  'first_seen_at',
  'sla_due_at',
  'fixed_at',
  'closed_at',
  'reopened_count',
  'exception_id',
] as const;

export type FindingSummaryRow = Pick<Selectable<FindingTable>, (typeof SUMMARY_COLUMNS)[number]> &
  Pick<Selectable<FindingSeenTable>, 'last_seen_at'>;

/** The findings with when each was last seen (migration 008 keeps that out of the finding row). */
export function findingsSeen(db: Kysely<Tables>) {
  return db.selectFrom('findings').innerJoin('finding_seen', 'finding_seen.finding_id', 'findings.id');
}

/** The summary columns of a query from `findingsSeen`. */
export function summarySelect<Q extends SelectQueryBuilder<Tables, 'findings' | 'finding_seen', object>>(
  q: Q,
) {
  return q.select([...SUMMARY_COLUMNS, 'finding_seen.last_seen_at']);
}

export interface ListRequest {
  filter: FindingFilter;
  sort: FindingSort;
  /** Rows a page holds. */
  limit: number;
  /** Where the previous page ended. */
  after?: FindingCursor;
  now: number;
  /** Forces one of the two plans (tests and benchmarks); normally chosen from the filter. */
  plan?: 'sparse' | 'dense';
  /** How long PostgreSQL may read in sort order before falling back (tests; with plan `dense`, enables the fallback). */
  walkBudgetMs?: number;
}

export interface ListPage {
  rows: FindingSummaryRow[];
  /** Where this page ended, when more rows follow. */
  next?: FindingCursor;
  /** How the page was read, for benchmarks: `fallback` is in order, out of time, then sorted. */
  plan?: 'sparse' | 'dense' | 'fallback';
}

/** Only the filter's projects (already limited to what the credential may see). */
export function visible<Q extends SelectQueryBuilder<Tables, 'findings', object>>(q: Q, f: FindingFilter): Q {
  // -1 is never an id: it keeps `IN ()`, a syntax error, out of the query for an empty list.
  return f.projectIds ? (q.where('project_id', 'in', [...f.projectIds, -1]) as Q) : q;
}
