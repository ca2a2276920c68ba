import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from './connect.js';
import { SEARCH_EXPRESSION } from './migrations/002-finding-list.js';
import type { FindingState, Tables } from './schema.js';
import { DUE_SOON_MS, OPEN_LIKE, type SlaState } from './sla-state.js';

/** What the finding list and its count select; every field narrows, none widens. */
export interface FindingFilter {
  /** Already limited to what the credential may see; undefined = every project. */
  projectIds?: readonly number[];
  scanners?: readonly string[];
  /** severity_rank values (critical 4 … info 0). */
  severityRanks?: readonly number[];
  statuses: readonly FindingState[];
  rules?: readonly string[];
  /** Substring of the title, message, path or rule id (case-insensitive, taken literally). */
  text?: string;
  /** Epoch ms, both inclusive. */
  firstSeenFrom?: number;
  firstSeenTo?: number;
  sla?: SlaState;
}

type Eb = ExpressionBuilder<Tables, 'findings'>;

/**
 * The statuses a query visits: an SLA state other than `none` only exists for findings someone
 * still has to fix, so `sla=overdue` with `status=closed` selects nothing at all.
 */
export function effectiveStatuses(f: FindingFilter): FindingState[] {
  if (f.sla === undefined || f.sla === 'none') return [...f.statuses];
  return f.statuses.filter((s) => OPEN_LIKE.includes(s));
}

/** How the text condition is written: `indexed` lets PostgreSQL search its trigram index. */
export type TextMode = 'indexed' | 'scan';

/**
 * Every condition but status, SLA and project, which the caller sets (the list splits on them).
 * `scan` writes the text search so no index can answer it: for a query known to match many rows,
 * reading the sort index and testing each row beats collecting every match first.
 */
export function commonConditions(
  eb: Eb,
  f: FindingFilter,
  dialect: Dialect,
  text: TextMode = 'indexed',
): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [];
  if (f.scanners?.length) and.push(eb('scanner', 'in', f.scanners));
  if (f.severityRanks?.length) and.push(eb('severity_rank', 'in', f.severityRanks));
  if (f.rules?.length) and.push(eb('rule_id', 'in', f.rules));
  if (f.firstSeenFrom !== undefined) and.push(eb('first_seen_at', '>=', f.firstSeenFrom));
  if (f.firstSeenTo !== undefined) and.push(eb('first_seen_at', '<=', f.firstSeenTo));
  if (f.text) and.push(textCondition(eb, f.text, dialect, dialect === 'postgres' && text === 'indexed'));
  return eb.and(and);
}

/** Status and SLA state for one status: the form a list branch uses (an index prefix). */
export function oneStatusCondition(
  eb: Eb,
  f: FindingFilter,
  status: FindingState,
  now: number,
): Expression<SqlBool> {
  const sla = slaCondition(eb, f.sla, status, now);
  return sla ? eb.and([eb('status', '=', status), sla]) : eb('status', '=', status);
}

/**
 * Status and SLA state for all the filter's statuses: statuses the SLA filter does not concern,
 * OR statuses it does AND the SLA condition — never one OR over every row, which no index answers.
 */
export function statusCondition(eb: Eb, f: FindingFilter, now: number): Expression<SqlBool> {
  const statuses = effectiveStatuses(f);
  const sla = slaCondition(eb, f.sla, 'open', now);
  const bound = sla ? statuses.filter((s) => OPEN_LIKE.includes(s)) : [];
  const free = statuses.filter((s) => !bound.includes(s));
  const or: Expression<SqlBool>[] = [];
  if (free.length) or.push(eb('status', 'in', free));
  if (sla && bound.length) or.push(eb.and([eb('status', 'in', bound), sla]));
  return eb.or(or);
}

/**
 * Case-insensitive substring of any of the four fields (SQLite's LIKE ignores ASCII case). On
 * PostgreSQL, `indexed` searches them as one string (002's expression; the fields are joined by
 * a control character no search text may contain, so a match never spans two fields) in
 * `finding_search`, whose trigram index a job keeps (migration 010), and tests the findings the
 * job has not indexed yet themselves: a finding is found from the moment it is stored. The scan form hides inside a CASE, which the
 * planner cannot estimate and takes to match half the rows: it is only used once the list knows
 * the text matches often (or another filter is narrow), and PostgreSQL's own guess for four
 * ORed ILIKEs (a few rows in a million) would have it read every row instead of the first ones
 * in sort order.
 */
function textCondition(eb: Eb, text: string, dialect: Dialect, indexed: boolean): Expression<SqlBool> {
  const pattern = likePattern(text);
  const like = sql.raw(dialect === 'postgres' ? 'ILIKE' : 'LIKE');
  if (indexed)
    return sql<SqlBool>`${eb.ref('findings.id')} IN (
      SELECT finding_id FROM finding_search WHERE search_text ILIKE ${pattern} ESCAPE '\\'
      UNION ALL
      SELECT s.finding_id FROM finding_search s INNER JOIN findings pending ON pending.id = s.finding_id
      WHERE s.search_text IS NULL AND ${sql.raw(SEARCH_EXPRESSION)} ILIKE ${pattern} ESCAPE '\\')`;
  const any = eb.or(
    (['title', 'message', 'path', 'rule_id'] as const).map(
      (c) => sql<SqlBool>`${eb.ref(c)} ${like} ${pattern} ESCAPE '\\'`,
    ),
  );
  return sql<SqlBool>`CASE WHEN ${any} THEN TRUE ELSE FALSE END`;
}

/** `%text%` with LIKE's wildcards in the text taken literally (escape character: backslash). */
export function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/**
 * The SLA condition for rows of one status, or undefined when the status alone decides (every
 * finding that is not open-like has no SLA state; effectiveStatuses already dropped those that
 * cannot be overdue, due soon or ok).
 */
function slaCondition(
  eb: Eb,
  sla: SlaState | undefined,
  status: FindingState,
  now: number,
): Expression<SqlBool> | undefined {
  if (sla === undefined || !OPEN_LIKE.includes(status)) return undefined;
  switch (sla) {
    case 'overdue':
      return eb('sla_due_at', '<', now);
    case 'due_soon':
      return eb.and([eb('sla_due_at', '>=', now), eb('sla_due_at', '<', now + DUE_SOON_MS)]);
    case 'ok':
      return eb('sla_due_at', '>=', now + DUE_SOON_MS);
    case 'none':
      return eb('sla_due_at', 'is', null);
  }
}
