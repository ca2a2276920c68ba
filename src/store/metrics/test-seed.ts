import type { Finding } from '../../core/finding.js';
import type { Severity } from '../../core/severity.js';
import type { Store } from '../connect.js';
import { ingestScan } from '../ingest.js';
import type { FindingState } from '../schema.js';
import { testFinding, testUpload } from '../test-upload.js';
import type { ScanUpload } from '../upload.js';
import { CLOSED_BY_PERSON, DAY_MS, OPEN_LIKE } from './scope.js';

/**
 * Scenarios for the metric tests (store and HTTP), with the numbers worked out by hand in the
 * tests. T is a fixed day; every scan is ingested at an explicit time.
 */
export const T = Date.UTC(2025, 0, 1);
export const DAY = DAY_MS;
export const HOUR = 3_600_000;

type Over = Partial<Finding>;
const finding = (name: string, severity: Severity, over: Over = {}): Finding => ({
  ...testFinding(0, { severity, ...over }),
  fingerprint: name,
  title: name,
});

export async function scan(
  store: Store,
  at: number,
  findings: Finding[],
  over: Partial<ScanUpload> = {},
  project = 'web',
  branch = 'main',
) {
  return ingestScan(store, testUpload(findings, over, project, branch), 'test', at);
}

/** A person's status change: the finding's row and its history, as triage must write them (docs/metrics.md). */
export async function triage(
  store: Store,
  project: string,
  fingerprint: string,
  to: FindingState,
  at: number,
) {
  const f = await store.db
    .selectFrom('findings')
    .innerJoin('projects', 'projects.id', 'findings.project_id')
    .select(['findings.id', 'findings.status'])
    .where('projects.name', '=', project)
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirstOrThrow();
  const closed = (CLOSED_BY_PERSON as readonly string[]).includes(to);
  const reopened = (OPEN_LIKE as readonly string[]).includes(to);
  await store.db
    .updateTable('findings')
    .set({
      status: to,
      closed_at: closed ? at : null,
      ...(reopened ? { fixed_at: null } : {}),
      updated_at: at,
    })
    .where('id', '=', f.id)
    .execute();
  await store.db
    .insertInto('finding_events')
    .values({
      finding_id: f.id,
      at,
      actor: 'tester',
      kind: 'status',
      from_status: f.status,
      to_status: to,
      comment: null,
      scan_id: null,
    })
    .execute();
}

/**
 * Project web, scanner sast, branch main: A..F at T, G at T+1d; complete scans then fix
 * A at T+2d (2 days), B at T+5d (5), C and G at T+10d (10 and 9); a person closes D at T+20d (20)
 * and marks E false positive at T+3d (3); F (info) stays open. Project api: H (high, sca) seen
 * at T, fixed at T+4d (4).
 */
export async function seedRemediation(store: Store): Promise<void> {
  const [A, B, C, D, E, F, G] = [
    finding('A', 'critical'),
    finding('B', 'critical'),
    finding('C', 'high'),
    finding('D', 'medium'),
    finding('E', 'low'),
    finding('F', 'info'),
    finding('G', 'critical'),
  ];
  await scan(store, T, [A, B, C, D, E, F]);
  await scan(store, T + DAY, [A, B, C, D, E, F, G]);
  await scan(store, T + 2 * DAY, [B, C, D, E, F, G]);
  await triage(store, 'web', 'E', 'false_positive', T + 3 * DAY);
  await scan(store, T + 5 * DAY, [C, D, E, F, G]);
  await scan(store, T + 10 * DAY, [D, E, F]);
  await triage(store, 'web', 'D', 'closed', T + 20 * DAY);
  const sca = [{ name: 'sca', status: 'ok' as const, findings: 0 }];
  await scan(store, T, [finding('H', 'high', { scanner: 'sca' })], { scanners: sca }, 'api');
  await scan(store, T + 4 * DAY, [], { scanners: sca }, 'api');
}

/**
 * Project ages: one open finding per scan (diff scans close nothing), first seen at the given
 * age before `now`, with the severity given.
 */
export async function seedAges(store: Store, now: number): Promise<void> {
  const ages: [number, Severity][] = [
    [0, 'critical'],
    [7.5, 'critical'],
    [8, 'high'],
    [30.9, 'high'],
    [31, 'medium'],
    [90, 'medium'],
    [91, 'low'],
    [180, 'low'],
    [181, 'info'],
    [200, 'info'],
  ];
  for (const [age, severity] of ages)
    await scan(store, now - age * DAY, [finding(`age-${age}`, severity)], { complete: false }, 'ages');
}

const gate = (
  project: string,
  commit: string | undefined,
  stage: string | undefined,
  verdict: string | undefined,
  policy?: string,
): Partial<ScanUpload> => ({
  context: { project, branch: 'ci', ...(commit ? { commit } : {}), ...(stage ? { stage } : {}) },
  complete: false,
  ...(verdict ? { gateVerdict: verdict } : {}),
  ...(policy ? { policyVersion: policy } : {}),
});

/**
 * Gate verdicts from T: web c1/build fail then pass (override); c2 pass; c3 deploy warn, c3 build
 * fail, c3 deploy pass (not an override: the failure was another stage); api c9 (no stage) fail
 * then warn (override); api without commit pass; one scan without verdict; one after T+30d.
 */
export async function seedGate(store: Store): Promise<void> {
  const scans: [number, Partial<ScanUpload>][] = [
    [0, gate('web', 'c1', 'build', 'fail', 'v1')],
    [1, gate('web', 'c1', 'build', 'pass', 'v1')],
    [2, gate('web', 'c2', 'build', 'pass', 'v1')],
    [3, gate('web', 'c3', 'deploy', 'warn', 'v2')],
    [4, gate('web', 'c3', 'build', 'fail', 'v2')],
    [5, gate('web', 'c3', 'deploy', 'pass', 'v2')],
    [6, gate('api', 'c9', undefined, 'fail', 'v1')],
    [7, gate('api', 'c9', undefined, 'warn', 'v2')],
    [8, gate('api', undefined, undefined, 'pass')],
    [9, gate('api', 'c10', undefined, undefined)],
    [31 * 24, gate('web', 'c1', 'build', 'pass', 'v1')],
  ];
  for (const [hours, over] of scans) await scan(store, T + hours * HOUR, [], over);
}

/**
 * Project vault: secrets s1 (T+1d), s2 (T+2d, fixed T+3d), s3 (T+8d). Gates failing with secrets
 * at T+1d and T+8d; passing with secrets at T+2d; failing without secrets at T+9d.
 */
export async function seedSecrets(store: Store): Promise<void> {
  const secret = (name: string) => finding(name, 'high', { scanner: 'secrets', ruleId: 'secrets/aws' });
  const [s1, s2, s3] = [secret('s1'), secret('s2'), secret('s3')];
  const ran = (findings: number) => ({
    scanners: [
      { name: 'secrets', status: 'ok' as const, findings },
      { name: 'sast', status: 'ok' as const, findings: 0 },
    ],
  });
  await scan(store, T + DAY, [s1, finding('x', 'high')], { ...ran(1), gateVerdict: 'fail' }, 'vault');
  await scan(store, T + 2 * DAY, [s1, s2, finding('x', 'high')], { ...ran(2), gateVerdict: 'pass' }, 'vault');
  await scan(store, T + 3 * DAY, [s1, finding('x', 'high')], ran(1), 'vault');
  await scan(store, T + 8 * DAY, [s1, s3, finding('x', 'high')], { ...ran(2), gateVerdict: 'fail' }, 'vault');
  await scan(store, T + 9 * DAY, [finding('x', 'high')], { gateVerdict: 'fail', complete: false }, 'vault');
}

/**
 * Triage decisions between T+1d and T+4d: project lint sast/rule-a f1, f2 false positive, f3
 * confirmed, f4 false positive then back to open; project lint-api sast/rule-b g1, g2 false
 * positive, g3 in progress; lint sast/rule-c h1 false positive; lint f5 (rule-a) false positive at
 * T+20d.
 */
export async function seedNoise(store: Store): Promise<void> {
  const rule = (ruleId: string, names: string[]) => names.map((n) => finding(n, 'medium', { ruleId }));
  await scan(
    store,
    T,
    [...rule('sast/rule-a', ['f1', 'f2', 'f3', 'f4', 'f5']), ...rule('sast/rule-c', ['h1'])],
    { complete: false },
    'lint',
  );
  await scan(store, T, rule('sast/rule-b', ['g1', 'g2', 'g3']), { complete: false }, 'lint-api');
  const decisions: [string, string, FindingState, number][] = [
    ['lint', 'f1', 'false_positive', 1],
    ['lint', 'f2', 'false_positive', 2],
    ['lint', 'f3', 'confirmed', 2],
    ['lint', 'f4', 'false_positive', 3],
    ['lint', 'f4', 'open', 4],
    ['lint-api', 'g1', 'false_positive', 1],
    ['lint-api', 'g2', 'false_positive', 1],
    ['lint-api', 'g3', 'in_progress', 1],
    ['lint', 'h1', 'false_positive', 1],
    ['lint', 'f5', 'false_positive', 20],
  ];
  for (const [project, name, to, day] of decisions) await triage(store, project, name, to, T + day * DAY);
}

/**
 * Dependency findings of project deps (window [T-1d, T+10d) in the tests): v1 high published
 * 10 days before T, v2 high 4 days before, v3 critical published the day after detection (0),
 * v4 critical seen at T+2d published 30 days before T (32); v5 has no publication date, v7 an
 * unreadable one; v6 was seen before the window.
 */
export async function seedDetection(store: Store): Promise<void> {
  const dep = (name: string, severity: Severity, published?: string) =>
    finding(name, severity, {
      scanner: 'sca',
      ruleId: 'sca/vulnerable-dependency',
      vulnerability: {
        id: `GHSA-${name}`,
        aliases: [],
        package: { ecosystem: 'npm', name, version: '1.0.0', purl: `pkg:npm/${name}@1.0.0` },
        fixedVersions: [],
        ...(published ? { published } : {}),
      },
    });
  const iso = (t: number) => new Date(t).toISOString();
  const diff = { complete: false, scanners: [{ name: 'sca', status: 'ok' as const, findings: 0 }] };
  await scan(store, T - 5 * DAY, [dep('v6', 'low', iso(T - 100 * DAY))], diff, 'deps');
  await scan(
    store,
    T,
    [
      dep('v1', 'high', iso(T - 10 * DAY)),
      dep('v2', 'high', iso(T - 4 * DAY)),
      dep('v3', 'critical', iso(T + DAY)),
      dep('v5', 'medium'),
      dep('v7', 'medium', 'not a date'),
    ],
    diff,
    'deps',
  );
  await scan(store, T + 2 * DAY, [dep('v4', 'critical', iso(T - 30 * DAY))], diff, 'deps');
}
