import { type Kysely, type Selectable, sql } from 'kysely';
import type { ScanScannerTable, ScanTable, Tables } from './schema.js';

export interface ScanListFilter {
  /** One project, or every project (undefined). */
  projectId?: number;
  branch?: string;
  verdict?: 'pass' | 'warn' | 'fail';
  /** Receipt time and id of the last scan of the previous page. */
  before?: { at: number; id: number };
  limit: number;
}

export interface ListedScan {
  scan: Selectable<ScanTable>;
  project: string;
  scanners: Selectable<ScanScannerTable>[];
}

/**
 * Scans newest first (by receipt, then id), one page and whether more follow. The order is the
 * `scans_project_received` index's for one project and `scans_received`'s for all.
 */
export async function listScans(
  db: Kysely<Tables>,
  f: ScanListFilter,
): Promise<{ scans: ListedScan[]; more: boolean }> {
  let q = db
    .selectFrom('scans')
    .innerJoin('projects', 'projects.id', 'scans.project_id')
    .selectAll('scans')
    .select('projects.name as project_name')
    .orderBy('scans.received_at', 'desc')
    .orderBy('scans.id', 'desc')
    .limit(f.limit + 1);
  if (f.projectId !== undefined) q = q.where('scans.project_id', '=', f.projectId);
  if (f.branch !== undefined) q = q.where('scans.branch', '=', f.branch);
  if (f.verdict !== undefined) q = q.where('scans.gate_verdict', '=', f.verdict);
  if (f.before) {
    const { at, id } = f.before;
    q = q.where(
      sql<boolean>`(scans.received_at < ${at} OR (scans.received_at = ${at} AND scans.id < ${id}))`,
    );
  }
  const rows = await q.execute();
  const page = rows.slice(0, f.limit);
  const scanners = page.length
    ? await db
        .selectFrom('scan_scanners')
        .selectAll()
        .where(
          'scan_id',
          'in',
          page.map((r) => r.id),
        )
        .orderBy('scanner')
        .execute()
    : [];
  return {
    scans: page.map(({ project_name, ...scan }) => ({
      scan,
      project: project_name,
      scanners: scanners.filter((s) => Number(s.scan_id) === scan.id),
    })),
    more: rows.length > f.limit,
  };
}
