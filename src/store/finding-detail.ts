import type { Kysely, Selectable } from 'kysely';
import type { FindingEventTable, FindingSeenTable, FindingTable, Tables } from './schema.js';

/** Events a finding's page shows: the newest ones when a finding has had more. */
const HISTORY_LIMIT = 1000;
/** Where it was seen: the latest scans only (one row per scan that reported it). */
const OCCURRENCE_LIMIT = 20;

export interface OccurrenceRow {
  scan_id: number;
  branch: string;
  commit_sha: string | null;
  path: string;
  start_line: number | null;
  received_at: number;
}

export interface FindingDetail {
  finding: Selectable<FindingTable> & Pick<Selectable<FindingSeenTable>, 'last_seen_at'>;
  project: string;
  /** Oldest first. */
  history: Selectable<FindingEventTable>[];
  /** Newest first. */
  occurrences: OccurrenceRow[];
}

export async function findingDetail(db: Kysely<Tables>, id: number): Promise<FindingDetail | undefined> {
  const row = await db
    .selectFrom('findings')
    .innerJoin('projects', 'projects.id', 'findings.project_id')
    .innerJoin('finding_seen', 'finding_seen.finding_id', 'findings.id')
    .selectAll('findings')
    .select(['projects.name as project_name', 'finding_seen.last_seen_at'])
    .where('findings.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { project_name, ...finding } = row;
  const [history, occurrences] = await Promise.all([findingHistory(db, id), latestOccurrences(db, id)]);
  return { finding, project: project_name, history, occurrences };
}

async function findingHistory(db: Kysely<Tables>, id: number) {
  const newest = await db
    .selectFrom('finding_events')
    .selectAll()
    .where('finding_id', '=', id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(HISTORY_LIMIT)
    .execute();
  return newest.reverse();
}

async function latestOccurrences(db: Kysely<Tables>, id: number): Promise<OccurrenceRow[]> {
  return db
    .selectFrom('occurrences')
    .innerJoin('scans', 'scans.id', 'occurrences.scan_id')
    .select([
      'occurrences.scan_id',
      'scans.branch',
      'scans.commit_sha',
      'occurrences.path',
      'occurrences.start_line',
      'scans.received_at',
    ])
    .where('occurrences.finding_id', '=', id)
    .orderBy('occurrences.scan_id', 'desc')
    .limit(OCCURRENCE_LIMIT)
    .execute();
}
