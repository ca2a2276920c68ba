import type { Kysely } from 'kysely';
import type { Tables } from '../../src/store/schema.js';
import { loadFingerprint } from './load-findings.js';
import { type Expected, type ReplayScan, replay, streamKey } from './load-replay.js';
import { type Attempt, accepted } from './load-upload.js';

/**
 * Checks, directly in the database, that a set of concurrent uploads left what serial uploads in
 * scan-id order would have: each accepted upload is one scan and no refused one is; each scan's
 * counts and occurrences are its report's; no finding is lost, duplicated or in the wrong state;
 * each branch has exactly its last scan's findings present; the history has one event per change.
 */

export interface Verdict {
  ok: boolean;
  /** What was checked, for the report. */
  counts: { scans: number; findings: number; open: number; fixed: number; reopenEvents: number };
  /** Problems by kind, a few examples each. */
  problems: { kind: string; count: number; examples: string[] }[];
}

class Problems {
  private readonly byKind = new Map<string, { count: number; examples: string[] }>();

  add(kind: string, example: string): void {
    const p = this.byKind.get(kind) ?? { count: 0, examples: [] };
    p.count++;
    if (p.examples.length < 5) p.examples.push(example);
    this.byKind.set(kind, p);
  }

  list(): Verdict['problems'] {
    return [...this.byKind].map(([kind, p]) => ({ kind, ...p }));
  }
}

interface ScanRow {
  id: number;
  project: string;
  branch: string;
  pipeline_id: string | null;
  findings_count: number;
  new_count: number;
  reopened_count: number;
  fixed_count: number;
}

export async function verifyLoad(db: Kysely<Tables>, attempts: readonly Attempt[]): Promise<Verdict> {
  const problems = new Problems();
  const scans = await readScans(db);
  const replayed = matchScans(scans, attempts, problems);
  const expected = replay(replayed);
  checkScanCounts(scans, expected, problems);
  await checkOccurrences(db, replayed, problems);
  const ids = await checkFindings(db, attempts, expected, problems);
  await checkPresence(db, ids, expected, problems);
  await checkEvents(db, expected, problems);
  const all = [...expected.findings.values()].flatMap((m) => [...m.values()]);
  const list = problems.list();
  return {
    ok: list.length === 0,
    counts: {
      scans: scans.length,
      findings: all.length,
      open: all.filter((f) => f.open).length,
      fixed: all.filter((f) => !f.open).length,
      reopenEvents: expected.events.reopened,
    },
    problems: list,
  };
}

async function readScans(db: Kysely<Tables>) {
  const rows = await db
    .selectFrom('scans')
    .innerJoin('projects', 'projects.id', 'scans.project_id')
    .select([
      'scans.id',
      'projects.name as project',
      'scans.branch',
      'scans.pipeline_id',
      'scans.findings_count',
      'scans.new_count',
      'scans.reopened_count',
      'scans.fixed_count',
    ])
    .execute();
  // bigint columns come back as strings from a plain pg pool
  return rows.map((s) => ({
    ...s,
    id: Number(s.id),
    findings_count: Number(s.findings_count),
    new_count: Number(s.new_count),
    reopened_count: Number(s.reopened_count),
    fixed_count: Number(s.fixed_count),
  }));
}

/** Pairs scan rows with uploads by pipeline id: the replay's input. */
function matchScans(
  scans: readonly ScanRow[],
  attempts: readonly Attempt[],
  problems: Problems,
): ReplayScan[] {
  const byPipeline = new Map(attempts.map((a) => [a.pipeline, a]));
  const recorded = new Map<string, number>();
  const out: ReplayScan[] = [];
  for (const s of scans) {
    const a = byPipeline.get(s.pipeline_id ?? '');
    if (!a) {
      problems.add('scan matching no upload', `scan ${s.id} (pipeline ${s.pipeline_id})`);
      continue;
    }
    if (recorded.has(a.pipeline))
      problems.add('upload recorded twice', `${a.pipeline}: scans ${recorded.get(a.pipeline)} and ${s.id}`);
    recorded.set(a.pipeline, s.id);
    if (!accepted(a))
      problems.add('refused upload recorded', `${a.pipeline} (HTTP ${a.status}): scan ${s.id}`);
    else if (a.scan?.id !== s.id)
      problems.add('answer names another scan', `${a.pipeline}: ${a.scan?.id} vs ${s.id}`);
    if (a.project !== s.project || a.branch !== s.branch)
      problems.add('scan in the wrong place', `${a.pipeline}: ${s.project} ${s.branch}`);
    out.push({ id: s.id, project: s.project, branch: s.branch, ns: a.ns });
  }
  for (const a of attempts) {
    if (!accepted(a)) continue;
    if (!recorded.has(a.pipeline)) problems.add('accepted upload lost', `${a.pipeline} (scan ${a.scan?.id})`);
    if (a.scan?.duplicate) problems.add('distinct upload taken as a duplicate', a.pipeline);
  }
  return out;
}

function checkScanCounts(scans: readonly ScanRow[], expected: Expected, problems: Problems): void {
  for (const s of scans) {
    const e = expected.scans.get(s.id);
    if (!e) continue;
    const got = {
      findings: s.findings_count,
      new: s.new_count,
      reopened: s.reopened_count,
      fixed: s.fixed_count,
    };
    if (JSON.stringify(got) !== JSON.stringify(e))
      problems.add(
        'scan counts differ from the replay',
        `scan ${s.id}: ${JSON.stringify(got)}, replay ${JSON.stringify(e)}`,
      );
  }
}

async function checkOccurrences(db: Kysely<Tables>, scans: readonly ReplayScan[], problems: Problems) {
  const rows = await db
    .selectFrom('occurrences')
    .select([
      'scan_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.count<number>('finding_id').distinct().as('d'),
    ])
    .groupBy('scan_id')
    .execute();
  const got = new Map(rows.map((r) => [Number(r.scan_id), r]));
  for (const s of scans) {
    const r = got.get(s.id);
    got.delete(s.id);
    if (Number(r?.n ?? 0) !== s.ns.length || Number(r?.d ?? 0) !== s.ns.length)
      problems.add(
        'occurrences differ from the report',
        `scan ${s.id}: ${r?.n ?? 0} (${r?.d ?? 0} distinct), report ${s.ns.length}`,
      );
  }
  for (const id of got.keys()) problems.add('occurrences of an unknown scan', `scan ${id}`);
}

/** Compares every finding row with the replay; returns finding id -> [project, number] for the presence check. */
async function checkFindings(
  db: Kysely<Tables>,
  attempts: readonly Attempt[],
  expected: Expected,
  problems: Problems,
): Promise<Map<number, [string, number]>> {
  const numbers = new Set(attempts.flatMap((a) => a.ns));
  const byFingerprint = new Map([...numbers].map((n) => [loadFingerprint(n), n]));
  const rows = await db
    .selectFrom('findings')
    .innerJoin('projects', 'projects.id', 'findings.project_id')
    .select([
      'findings.id',
      'projects.name as project',
      'findings.fingerprint',
      'findings.status',
      'findings.reopened_count',
      'findings.first_scan_id',
    ])
    .execute();
  const ids = new Map<number, [string, number]>();
  const seen = new Set<string>();
  for (const r of rows) {
    const n = byFingerprint.get(r.fingerprint);
    const e = n === undefined ? undefined : expected.findings.get(r.project)?.get(n);
    if (n === undefined || !e) {
      problems.add('finding nobody uploaded', `${r.project} ${r.fingerprint}`);
      continue;
    }
    const key = `${r.project} ${n}`;
    if (seen.has(key)) problems.add('duplicated finding', `${r.project} ${r.fingerprint}`);
    seen.add(key);
    ids.set(Number(r.id), [r.project, n]);
    const got = [r.status, Number(r.reopened_count), Number(r.first_scan_id)];
    const want = [e.open ? 'open' : 'fixed', e.reopened, e.firstScan];
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.add(
        'finding state differs from the replay',
        `finding ${r.id} (${r.project}): status, reopened, first scan ${JSON.stringify(got)}, replay ${JSON.stringify(want)}`,
      );
  }
  for (const [project, findings] of expected.findings)
    for (const n of findings.keys())
      if (!seen.has(`${project} ${n}`)) problems.add('lost finding', `${project} ${loadFingerprint(n)}`);
  return ids;
}

async function checkPresence(
  db: Kysely<Tables>,
  ids: ReadonlyMap<number, [string, number]>,
  expected: Expected,
  problems: Problems,
): Promise<void> {
  const rows = await db
    .selectFrom('finding_presence')
    .select(['finding_id', 'branch'])
    .where('present', '=', 1)
    .execute();
  const got = new Map<string, Set<number>>();
  for (const r of rows) {
    const f = ids.get(Number(r.finding_id));
    if (!f) continue; // already reported as a finding nobody uploaded
    const key = streamKey(f[0], r.branch);
    if (!got.has(key)) got.set(key, new Set());
    got.get(key)!.add(f[1]);
  }
  for (const key of new Set([...got.keys(), ...expected.present.keys()])) {
    const want = expected.present.get(key) ?? new Set<number>();
    const have = got.get(key) ?? new Set<number>();
    const missing = [...want].filter((n) => !have.has(n)).length;
    const extra = [...have].filter((n) => !want.has(n)).length;
    if (missing || extra)
      problems.add(
        'branch differs from its last scan',
        `${key}: ${missing} of its last scan's findings not present, ${extra} present it did not report`,
      );
  }
}

async function checkEvents(db: Kysely<Tables>, expected: Expected, problems: Problems): Promise<void> {
  const rows = await db
    .selectFrom('finding_events')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .execute();
  const got: Record<string, number> = {};
  for (const r of rows) got[r.kind] = Number(r.n);
  const want: Record<string, number> = { ...expected.events };
  for (const kind of new Set([...Object.keys(got), ...Object.keys(want)]))
    if ((got[kind] ?? 0) !== (want[kind] ?? 0))
      problems.add(
        'history differs from the replay',
        `${kind} events: ${got[kind] ?? 0}, replay ${want[kind] ?? 0}`,
      );
}
