import type { Severity } from '../core/severity.js';
import type { Store } from './connect.js';
import { ingestScan } from './ingest.js';
import { triage } from './metrics/test-seed.js';
import { setSetting } from './settings.js';
import { DAY_MS } from './sla.js';
import { testFinding, testUpload } from './test-upload.js';

/** The day the SLA scenarios start (first detection of their findings). */
export const T0 = Date.UTC(2025, 0, 1);
export const day = (n: number) => T0 + n * DAY_MS;

const SCENARIO: [string, Severity][] = [
  ['open-critical', 'critical'],
  ['open-high', 'high'],
  ['confirmed-medium', 'medium'],
  ['progress-low', 'low'],
  ['open-info', 'info'],
  ['reopened-critical', 'critical'],
  ['fixed-high', 'high'],
  ['false-positive-high', 'high'],
  ['accepted-critical', 'critical'],
];

/** The scenario's findings whose SLA clock runs (open, confirmed, in progress). */
export const OPEN_LIKE_NAMES = SCENARIO.slice(0, 6).map(([n]) => n);

/**
 * One project of findings first seen at T0, each named for where it ends: complete scans fix
 * fixed-high and reopened-critical at day 5, reopened-critical comes back at day 10; on day 11
 * people confirm, start work, mark a false positive, and an exception accepts accepted-critical.
 * Ingest runs with `restartOnReopen` on, so reopened-critical's clock restarts at day 10; the
 * setting is back to its default (off) afterwards, which a recomputation then applies.
 */
export async function seedSlaScenario(store: Store, project: string): Promise<void> {
  const all = SCENARIO.map(([name, severity], i) => ({ ...testFinding(i, { severity }), fingerprint: name }));
  const without = (...names: string[]) => all.filter((f) => !names.includes(f.fingerprint));
  const scan = (at: number, findings: typeof all) =>
    ingestScan(store, testUpload(findings, {}, project), 'ci', at);
  await setSetting(store.db, 'sla.restartOnReopen', true, 'seed', T0);
  await scan(T0, all);
  await scan(day(5), without('fixed-high', 'reopened-critical'));
  await scan(day(10), without('fixed-high'));
  await setSetting(store.db, 'sla.restartOnReopen', false, 'seed', T0);
  await triage(store, project, 'confirmed-medium', 'confirmed', day(11));
  await triage(store, project, 'progress-low', 'in_progress', day(11));
  await triage(store, project, 'false-positive-high', 'false_positive', day(11));
  await triage(store, project, 'accepted-critical', 'risk_accepted', day(11));
}

/** Due dates of a project's findings by fingerprint. */
export async function dueDates(store: Store, project: string): Promise<Record<string, number | null>> {
  const rows = await store.db
    .selectFrom('findings')
    .innerJoin('projects', 'projects.id', 'findings.project_id')
    .select(['findings.fingerprint', 'findings.sla_due_at'])
    .where('projects.name', '=', project)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.fingerprint, r.sla_due_at]));
}
