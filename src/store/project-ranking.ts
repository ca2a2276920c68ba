import { type RawBuilder, sql } from 'kysely';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { Store } from './connect.js';
import { literals, num, OPEN_LIKE, perSeverity, severityOfRank } from './metrics/scope.js';
import type { Tier } from './schema.js';

/**
 * Projects in any order a reader asks for, including orders that depend on their open findings
 * (worst first) and on their last scan, a page at a time with a keyset cursor.
 */

export const PROJECT_SORTS = ['risk', 'name', 'tier', 'critical', 'high', 'last_scan'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

/**
 * Risk = tier weight × Σ open-like findings × severity weight. Integers, so the SQL that sorts
 * and the code that reports the score agree exactly. A critical finding weighs twice a high one
 * and five times a medium; a project of the critical tier weighs four times one of the low tier.
 */
export const RISK_WEIGHTS = {
  severity: { critical: 10, high: 5, medium: 2, low: 1, info: 0 } satisfies Record<Severity, number>,
  tier: { critical: 4, high: 3, medium: 2, low: 1 } satisfies Record<Tier, number>,
};

export interface RankingQuery {
  sort: ProjectSort;
  order: 'asc' | 'desc';
  /** A project-scoped credential's project; null: every project. */
  projectId: number | null;
  /** A LIKE pattern over the name (escape character: backslash). */
  namePattern?: string;
  tier?: Tier;
  team?: string;
  limit: number;
  /** The sort key and name of the last row of the previous page. */
  after?: { key: string | number; name: string };
}

export interface RankedProject {
  id: number;
  name: string;
  repository: string | null;
  defaultBranch: string | null;
  tier: Tier;
  team: { id: number; name: string } | null;
  open: Record<Severity, number>;
  risk: number;
  lastScanAt: number | null;
  /** The value the page is sorted by, for the cursor. */
  key: string | number;
}

const caseOf = (column: string, weights: Record<string, number>) =>
  sql.raw(
    `CASE ${column} ${Object.entries(weights)
      .map(([k, w]) => `WHEN '${k}' THEN ${w}`)
      .join(' ')} ELSE 0 END`,
  );

const TIER_RANK = { critical: 4, high: 3, medium: 2, low: 1 } satisfies Record<Tier, number>;
const SEVERITY_WEIGHT = sql.raw(
  `CASE severity_rank ${SEVERITIES.map((s, i) => `WHEN ${SEVERITIES.length - 1 - i} THEN ${RISK_WEIGHTS.severity[s]}`).join(' ')} ELSE 0 END`,
);

/** Open-like findings per project: critical, high and the severity-weighted sum. */
const OPEN_AGGREGATE = sql`(SELECT project_id,
    sum(CASE WHEN severity_rank = 4 THEN 1 ELSE 0 END) AS critical,
    sum(CASE WHEN severity_rank = 3 THEN 1 ELSE 0 END) AS high,
    sum(${SEVERITY_WEIGHT}) AS weighted
  FROM findings WHERE status IN ${literals(OPEN_LIKE)} GROUP BY project_id)`;
const LAST_SCAN = sql`(SELECT project_id, max(received_at) AS at FROM scans GROUP BY project_id)`;

/** The sort key's SQL and which aggregates it needs joined. */
function sortKey(sort: ProjectSort): { key: RawBuilder<unknown>; open: boolean; scans: boolean } {
  switch (sort) {
    case 'name':
      return { key: sql`p.name`, open: false, scans: false };
    case 'tier':
      return { key: caseOf('p.tier', TIER_RANK), open: false, scans: false };
    case 'critical':
      return { key: sql`COALESCE(o.critical, 0)`, open: true, scans: false };
    case 'high':
      return { key: sql`COALESCE(o.high, 0)`, open: true, scans: false };
    case 'risk':
      return {
        key: sql`COALESCE(o.weighted, 0) * ${caseOf('p.tier', RISK_WEIGHTS.tier)}`,
        open: true,
        scans: false,
      };
    case 'last_scan':
      // Never scanned sorts as the oldest scan of all.
      return { key: sql`COALESCE(s.at, -1)`, open: false, scans: true };
  }
}

/**
 * One page of projects in the asked order (ties by name), with `more` when
 * another page follows. Orders by open findings aggregate every open-like finding; the others
 * read the projects alone, and the page's counts are then read per project.
 */
export async function rankProjects(
  store: Store,
  q: RankingQuery,
): Promise<{ rows: RankedProject[]; more: boolean }> {
  const k = sortKey(q.sort);
  const where: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (q.projectId !== null) where.push(sql`p.id = ${q.projectId}`);
  if (q.namePattern !== undefined) where.push(sql`p.name LIKE ${q.namePattern} ESCAPE '\\'`);
  if (q.tier) where.push(sql`p.tier = ${q.tier}`);
  if (q.team) where.push(sql`t.name = ${q.team}`);
  const cmp = sql.raw(q.order === 'desc' ? '<' : '>');
  const dir = sql.raw(q.order === 'desc' ? 'DESC' : 'ASC');
  // Ties go by name, A to Z whatever the order: names are unique, so the cursor is exact.
  const after = !q.after
    ? sql``
    : q.sort === 'name'
      ? sql`WHERE r.name ${cmp} ${q.after.name}`
      : sql`WHERE (r.k ${cmp} ${q.after.key} OR (r.k = ${q.after.key} AND r.name > ${q.after.name}))`;
  const { rows } = await sql<{ id: number; k: string | number }>`
    SELECT r.id, r.k FROM (
      SELECT p.id, p.name, ${k.key} AS k FROM projects p
      LEFT JOIN teams t ON t.id = p.team_id
      ${k.open ? sql`LEFT JOIN ${OPEN_AGGREGATE} o ON o.project_id = p.id` : sql``}
      ${k.scans ? sql`LEFT JOIN ${LAST_SCAN} s ON s.project_id = p.id` : sql``}
      WHERE ${sql.join(where, sql` AND `)}
    ) r ${after}
    ORDER BY r.k ${dir}, r.name ASC
    LIMIT ${q.limit + 1}`.execute(store.db);
  const page = rows.slice(0, q.limit);
  const keys = new Map(page.map((r) => [Number(r.id), q.sort === 'name' ? String(r.k) : num(r.k)]));
  const details = await projectDetails(store, [...keys.keys()]);
  return {
    rows: [...keys].map(([id, key]) => ({ ...details.get(id)!, key })),
    more: rows.length > q.limit,
  };
}

/** Settings, team, open counts, risk and last scan of these projects. */
async function projectDetails(store: Store, ids: number[]): Promise<Map<number, Omit<RankedProject, 'key'>>> {
  if (!ids.length) return new Map();
  const db = store.db;
  const [projects, counts, scans] = await Promise.all([
    db
      .selectFrom('projects')
      .leftJoin('teams', 'teams.id', 'projects.team_id')
      .select([
        'projects.id',
        'projects.name',
        'projects.repository',
        'projects.default_branch',
        'projects.tier',
        'projects.team_id',
        'teams.name as team_name',
      ])
      .where('projects.id', 'in', ids)
      .execute(),
    db
      .selectFrom('findings')
      .select(['project_id', 'severity_rank', (eb) => eb.fn.countAll().as('n')])
      .where('project_id', 'in', ids)
      .where('status', 'in', OPEN_LIKE)
      .groupBy(['project_id', 'severity_rank'])
      .execute(),
    db
      .selectFrom('scans')
      .select(['project_id', (eb) => eb.fn.max('received_at').as('at')])
      .where('project_id', 'in', ids)
      .groupBy('project_id')
      .execute(),
  ]);
  const open = new Map<number, Record<Severity, number>>();
  for (const r of counts) {
    const sev = severityOfRank(num(r.severity_rank));
    if (!sev) continue;
    const c = open.get(Number(r.project_id)) ?? perSeverity(() => 0);
    c[sev] = num(r.n);
    open.set(Number(r.project_id), c);
  }
  const last = new Map(scans.map((r) => [Number(r.project_id), num(r.at)]));
  return new Map(
    projects.map((p) => {
      const counted = open.get(p.id) ?? perSeverity(() => 0);
      return [
        p.id,
        {
          id: p.id,
          name: p.name,
          repository: p.repository,
          defaultBranch: p.default_branch,
          tier: p.tier,
          team: p.team_id === null ? null : { id: p.team_id, name: p.team_name ?? '' },
          open: counted,
          risk: riskOf(counted, p.tier),
          lastScanAt: last.get(p.id) ?? null,
        },
      ];
    }),
  );
}

export function riskOf(open: Record<Severity, number>, tier: Tier): number {
  const weighted = SEVERITIES.reduce((a, s) => a + open[s] * RISK_WEIGHTS.severity[s], 0);
  return weighted * RISK_WEIGHTS.tier[tier];
}
