import { type RawBuilder, sql } from 'kysely';
import type { Store } from '../connect.js';
import { literals, type MetricScope, num, percent } from './scope.js';

export interface GateCounts {
  /** Scans with a gate verdict. */
  scans: number;
  pass: number;
  warn: number;
  fail: number;
  /** Pass or warn on a commit whose same stage had failed before: made green without a code change. */
  overridden: number;
  /** (pass + warn) / scans: the gate let the pipeline through on its own. */
  passRate: number | null;
  failRate: number | null;
  overrideRate: number | null;
}

export interface GateReport {
  totals: GateCounts;
  byProject: (GateCounts & { project: string })[];
  byStage: (GateCounts & { stage: string | null })[];
  byPolicyVersion: (GateCounts & { policyVersion: string | null })[];
}

interface Row {
  project: string;
  stage: string | null;
  policy_version: string | null;
  verdict: string;
  overridden?: number;
  n: number;
}

const VERDICTS = ['pass', 'warn', 'fail'] as const;

/**
 * Gate verdicts of the scans received in the window (docs/metrics.md#gate). A passing scan is an
 * override when an earlier scan of the same project, commit and stage failed: the code did not
 * change, so an exception, a triage decision or a policy change turned the gate green.
 */
export async function gateReport(store: Store, s: Omit<MetricScope, 'scanner'>): Promise<GateReport> {
  const project = s.projectId === null ? sql`` : sql`AND s.project_id = ${s.projectId}`;
  const inWindow = sql`s.received_at >= ${s.from} AND s.received_at < ${s.to} ${project}`;
  // Grouped by project id, names joined to the few groups after: no sort of every scan by name.
  const grouped = (where: RawBuilder<unknown>) =>
    sql<Row>`
    SELECT p.name AS project, g.stage, g.policy_version, g.verdict, g.n FROM (
      SELECT s.project_id, s.stage, s.policy_version, s.gate_verdict AS verdict, count(*) AS n
      FROM scans s WHERE ${where}
      GROUP BY s.project_id, s.stage, s.policy_version, s.gate_verdict
    ) AS g JOIN projects p ON p.id = g.project_id`.execute(store.db);
  // In WHERE, not in the select list: the engine may then hash the failures (a semi-join)
  // instead of probing the index once per passing scan.
  const overrides = sql`s.gate_verdict IN ${literals(['pass', 'warn'])} AND s.commit_sha IS NOT NULL
    AND EXISTS (SELECT 1 FROM scans l WHERE l.project_id = s.project_id AND l.commit_sha = s.commit_sha
      AND l.gate_verdict = 'fail' AND l.id < s.id
      AND (l.stage = s.stage OR (l.stage IS NULL AND s.stage IS NULL)))`;
  const [all, overridden] = await Promise.all([
    grouped(sql`${inWindow} AND s.gate_verdict IN ${literals(VERDICTS)}`),
    grouped(sql`${inWindow} AND ${overrides}`),
  ]);
  const rows = withOverrides(all.rows, overridden.rows);
  return {
    totals: counts(rows),
    byProject: breakdown(rows, (r) => r.project).map(([project, c]) => ({ project, ...c })),
    byStage: breakdown(rows, (r) => r.stage).map(([stage, c]) => ({ stage, ...c })),
    byPolicyVersion: breakdown(rows, (r) => r.policy_version).map(([policyVersion, c]) => ({
      policyVersion,
      ...c,
    })),
  };
}

/** Moves the overrides out of the pass and warn counts of their group into rows of their own. */
function withOverrides(all: readonly Row[], overrides: readonly Row[]): Row[] {
  const key = (r: Row) => JSON.stringify([r.project, r.stage, r.policy_version, r.verdict]);
  const taken = new Map(overrides.map((o) => [key(o), num(o.n)]));
  return [
    ...all.map((r) => ({ ...r, n: num(r.n) - (taken.get(key(r)) ?? 0) })),
    ...overrides.map((o) => ({ ...o, n: num(o.n), overridden: 1 })),
  ];
}

function counts(rows: readonly Row[]): GateCounts {
  const c = { scans: 0, pass: 0, warn: 0, fail: 0, overridden: 0 };
  for (const r of rows) {
    const n = num(r.n);
    c.scans += n;
    if (r.overridden) c.overridden += n;
    else if (r.verdict === 'pass' || r.verdict === 'warn' || r.verdict === 'fail') c[r.verdict] += n;
  }
  return {
    ...c,
    passRate: percent(c.pass + c.warn, c.scans),
    failRate: percent(c.fail, c.scans),
    overrideRate: percent(c.overridden, c.scans),
  };
}

/** Counts per key, in key order (null last). */
function breakdown<K extends string | null>(rows: readonly Row[], key: (r: Row) => K): [K, GateCounts][] {
  const groups = new Map<K, Row[]>();
  for (const r of rows) {
    const group = groups.get(key(r)) ?? [];
    group.push(r);
    groups.set(key(r), group);
  }
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([k, g]) => [k, counts(g)]);
}
