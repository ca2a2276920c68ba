import type { Kysely, Selectable } from 'kysely';
import type { ScanScannerTable, ScanTable, Tables } from './schema.js';

export interface ScanDetail {
  scan: Selectable<ScanTable>;
  project: string;
  scanners: Selectable<ScanScannerTable>[];
}

/** One stored scan with its project's name and what each scanner reported. */
export async function scanDetail(db: Kysely<Tables>, id: number): Promise<ScanDetail | undefined> {
  const row = await db
    .selectFrom('scans')
    .innerJoin('projects', 'projects.id', 'scans.project_id')
    .selectAll('scans')
    .select('projects.name as project_name')
    .where('scans.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { project_name, ...scan } = row;
  const scanners = await db
    .selectFrom('scan_scanners')
    .selectAll()
    .where('scan_id', '=', id)
    .orderBy('scanner')
    .execute();
  return { scan, project: project_name, scanners };
}
