import { sql } from 'kysely';
import type { Store } from '../connect.js';
import { num } from './scope.js';

export interface ScannerRuns {
  scanner: string;
  /** Scans that listed the scanner, whatever its status. */
  runs: number;
  /** Of those, runs that failed (a partial run counts as a run that happened). */
  failed: number;
  lastRunAt: number;
}

export interface ProjectCoverage {
  project: string;
  scans: number;
  lastScanAt: number;
  scanners: ScannerRuns[];
}

export interface CoverageReport {
  /** Every scanner that ran on some project in the period, sorted. */
  scanners: string[];
  /** Projects scanned in the period, by name. */
  projects: ProjectCoverage[];
  /** Projects not scanned in the period, with their last scan ever (null: never). */
  notScanned: { project: string; lastScanAt: number | null }[];
  /** Per scanner, how many projects it covered (a run that did not fail). */
  byScanner: { scanner: string; projects: number }[];
}

/**
 * Which projects ran which scanners in [since, now) (docs/metrics.md#coverage): scans joined
 * with the scanners each one listed.
 */
export async function coverage(
  store: Store,
  projectId: number | null,
  since: number,
  now: number,
): Promise<CoverageReport> {
  const only = (column: string) => (projectId === null ? sql`` : sql`AND ${sql.ref(column)} = ${projectId}`);
  const runs = sql<{ project_id: number; scanner: string; runs: number; failed: number; last: number }>`
    SELECT s.project_id, ss.scanner, count(*) AS runs,
      sum(CASE WHEN ss.status = 'failed' THEN 1 ELSE 0 END) AS failed, max(s.received_at) AS last
    FROM scans s JOIN scan_scanners ss ON ss.scan_id = s.id
    WHERE s.received_at >= ${since} AND s.received_at < ${now} ${only('s.project_id')}
    GROUP BY s.project_id, ss.scanner`.execute(store.db);
  const scans = sql<{ project_id: number; n: number; last: number }>`
    SELECT project_id, count(*) AS n, max(received_at) AS last FROM scans
    WHERE received_at >= ${since} AND received_at < ${now} ${only('project_id')}
    GROUP BY project_id`.execute(store.db);
  const projects = sql<{ id: number; name: string; last: number | null }>`
    SELECT p.id, p.name,
      (SELECT max(received_at) FROM scans WHERE scans.project_id = p.id AND received_at < ${now}) AS last
    FROM projects p WHERE 1 = 1 ${only('p.id')}`.execute(store.db);
  const [r, s, p] = await Promise.all([runs, scans, projects]);
  return report(r.rows, new Map(s.rows.map((x) => [num(x.project_id), x])), p.rows);
}

function report(
  runs: { project_id: number; scanner: string; runs: number; failed: number; last: number }[],
  scans: Map<number, { n: number; last: number }>,
  projects: { id: number; name: string; last: number | null }[],
): CoverageReport {
  const byProject = new Map<number, ScannerRuns[]>();
  const covered = new Map<string, number>();
  for (const r of runs) {
    const run = { scanner: r.scanner, runs: num(r.runs), failed: num(r.failed), lastRunAt: num(r.last) };
    const list = byProject.get(num(r.project_id)) ?? [];
    list.push(run);
    byProject.set(num(r.project_id), list);
    covered.set(r.scanner, (covered.get(r.scanner) ?? 0) + (run.failed < run.runs ? 1 : 0));
  }
  const out: CoverageReport = {
    scanners: [...covered.keys()].sort(),
    projects: [],
    notScanned: [],
    byScanner: [],
  };
  // Sorted here, not in SQL: the engines' collations order names differently.
  for (const p of [...projects].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const scanned = scans.get(num(p.id));
    if (!scanned) {
      out.notScanned.push({ project: p.name, lastScanAt: p.last === null ? null : num(p.last) });
      continue;
    }
    const scanners = (byProject.get(num(p.id)) ?? []).sort((a, b) => (a.scanner < b.scanner ? -1 : 1));
    out.projects.push({ project: p.name, scans: num(scanned.n), lastScanAt: num(scanned.last), scanners });
  }
  out.byScanner = out.scanners.map((scanner) => ({ scanner, projects: covered.get(scanner)! }));
  return out;
}
