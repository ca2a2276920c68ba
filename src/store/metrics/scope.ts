import { type Kysely, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { SEVERITIES, type Severity } from '../../core/severity.js';
import type { Tables } from '../schema.js';

export { DAY_MS } from '../sla.js';

/** Which findings a metric reads: one project or all (null), optionally one scanner. */
export interface FindingScope {
  projectId: number | null;
  scanner?: string;
}

/** A scope and a half-open time window [from, to), in epoch ms. */
export interface MetricScope extends FindingScope {
  from: number;
  to: number;
}

/** Statuses someone still has to work on (they run against an SLA). */
export const OPEN_LIKE = ['open', 'confirmed', 'in_progress'] as const;
/** Resolved by a person: these carry `closed_at` (a scan's fix carries `fixed_at`). */
export const CLOSED_BY_PERSON = ['closed', 'false_positive'] as const;

/**
 * Constant lists written into the SQL text, not bound: the partial indexes of migration 006 name
 * these values, and an engine only uses such an index when the query names them too.
 */
export function literals(values: readonly string[]): RawBuilder<unknown> {
  return sql`(${sql.join(values.map((v) => sql.lit(v)))})`;
}

/** Restricts a query on `findings` to the scope's project and scanner. */
export function inScope<O>(
  q: SelectQueryBuilder<Tables, 'findings', O>,
  s: FindingScope,
): SelectQueryBuilder<Tables, 'findings', O> {
  let out = q;
  if (s.projectId !== null) out = out.where('project_id', '=', s.projectId);
  if (s.scanner !== undefined) out = out.where('scanner', '=', s.scanner);
  return out;
}

/**
 * Whole periods of `length` ms from `origin` to the time in `column` (never before `origin`).
 * Integer division on both engines: better-sqlite3 binds numbers as REAL, so the origin is cast
 * to an integer type first, and `length` is written as an integer literal.
 */
export function periodIndex(column: string, origin: number, length: number): RawBuilder<number> {
  return sql<number>`((${sql.ref(column)} - CAST(${origin} AS BIGINT)) / ${sql.lit(Math.trunc(length))})`;
}

/**
 * Findings a scan fixed within the window. `fixed_at` is set only when a complete scan finds
 * the finding gone and cleared when it comes back, so no status test is needed, and the
 * covering index `findings_fixed_at` answers alone.
 */
export function fixedInWindow(db: Kysely<Tables>, s: MetricScope) {
  return inScope(
    db
      .selectFrom('findings')
      .select(['severity_rank', 'first_seen_at', 'sla_due_at', sql<number>`fixed_at`.as('resolved_at')])
      .where('fixed_at', '>=', s.from)
      .where('fixed_at', '<', s.to),
    s,
  );
}

/**
 * Findings a person closed or marked false positive within the window (and no scan fixed):
 * `closed_at` is set by that decision and cleared when the finding is reopened.
 */
export function closedInWindow(db: Kysely<Tables>, s: MetricScope) {
  return inScope(
    db
      .selectFrom('findings')
      .select(['severity_rank', 'first_seen_at', 'sla_due_at', sql<number>`closed_at`.as('resolved_at')])
      .where('fixed_at', 'is', null)
      .where('closed_at', '>=', s.from)
      .where('closed_at', '<', s.to),
    s,
  );
}

/** Findings resolved within the window, with when: the two above, each from its own index. */
export function resolvedInWindow(db: Kysely<Tables>, s: MetricScope) {
  return fixedInWindow(db, s).unionAll(closedInWindow(db, s));
}

/** Severity names by rank (critical 4 … info 0). */
export function severityOfRank(rank: number): Severity | undefined {
  return SEVERITIES[SEVERITIES.length - 1 - rank];
}

/** One value per severity, worst first: every severity is always listed. */
export function perSeverity<T>(make: (s: Severity) => T): Record<Severity, T> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, make(s)])) as Record<Severity, T>;
}

/** Milliseconds as days with one decimal. */
export function days(ms: number): number {
  return Math.round((ms / 86_400_000) * 10) / 10;
}

/** A share as a percentage with one decimal; null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** Counts come back as numbers on SQLite and (for int8 and numeric) on PostgreSQL; null sums are 0. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
