import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../connect.js';
import { testFinding } from '../test-upload.js';
import { backends, type TestStore } from '../testing.js';
import { burndown } from './burndown.js';
import { mttr } from './mttr.js';
import { ruleNoise } from './noise.js';
import { secretsReport } from './secrets.js';
import { slaReport } from './sla.js';
import { takeSnapshots } from './snapshot.js';
import { dayOf } from './snapshot-days.js';
import { NOW, seedHistory } from './test-history.js';
import { DAY, HOUR, scan, seedNoise, seedRemediation, seedSecrets, T } from './test-seed.js';

/** Windows that start and end at midnight, inside a day, and run up to now (today is live). */
const WINDOWS = [
  { from: T, to: T + 30 * DAY },
  { from: T - DAY + 5 * HOUR, to: T + 12 * DAY + 3 * HOUR },
  { from: T + 2 * DAY, to: T + 3 * DAY },
  { from: T + 10 * DAY + 7 * HOUR, to: NOW },
];
const SCANNERS = [undefined, 'sast', 'secrets'];

/** Every metric the snapshots serve, over every window, scope and scanner. */
async function answers(store: Store, projects: (number | null)[]) {
  const out: Record<string, unknown> = {};
  for (const projectId of projects) {
    for (const scanner of SCANNERS) {
      const scope = { projectId, ...(scanner ? { scanner } : {}) };
      const at = `${projectId}/${scanner}`;
      out[`burndown ${at}`] = await burndown(store, scope, 50, NOW);
      for (const [i, w] of WINDOWS.entries()) {
        out[`mttr ${at} ${i}`] = await mttr(store, { ...scope, ...w });
        out[`sla ${at} ${i}`] = await slaReport(store, { ...scope, ...w }, NOW);
        out[`noise ${at} ${i}`] = await ruleNoise(store, { ...scope, ...w }, { minTriaged: 1, limit: 500 });
      }
    }
    for (const [i, w] of WINDOWS.entries())
      for (const period of ['day', 'week'] as const)
        out[`secrets ${projectId} ${i} ${period}`] = await secretsReport(store, { projectId, ...w }, period);
  }
  return out;
}

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`metrics from daily snapshots on ${backend.name}`, () => {
    let store: TestStore;
    let projects: (number | null)[];
    beforeAll(async () => {
      store = await backend.open();
      await seedHistory(store);
      await seedRemediation(store);
      await seedSecrets(store);
      const ids = await store.db.selectFrom('projects').select(['id', 'name']).execute();
      projects = [null, ...['alpha', 'web', 'vault'].map((n) => ids.find((p) => p.name === n)!.id)];
    });
    afterAll(async () => store?.dispose());

    it('answer exactly what the live queries answered before the snapshots existed', async () => {
      const live = await answers(store, projects);
      const run = await takeSnapshots(store, { now: NOW, retentionDays: 730 });
      // From the first day with data (T) to the last complete day (today is T + 40 days).
      expect(run.days).toEqual(Array.from({ length: 40 }, (_, i) => dayOf(T) + i));
      expect(run.openRebuilt).toBe(true);
      const rows = await store.db
        .selectFrom('metric_daily_bins')
        .select('day')
        .where('project_id', '=', 0)
        .execute();
      expect(rows.length).toBeGreaterThan(10);
      const frozen = await answers(store, projects);
      for (const k of Object.keys(live)) expect(frozen[k], k).toEqual(live[k]);
    });

    it('keep what a day recorded when a finding changes later, and show today’s changes in what is open now', async () => {
      const web = projects[2]!;
      const window = { projectId: web, from: T, to: T + 30 * DAY };
      const before = await mttr(store, window);
      const openBefore = (await slaReport(store, { ...window, projectId: null }, NOW)).open.total;
      // A fixed at T+2d comes back today: live it would leave the fixed findings; the snapshot keeps it.
      await scan(
        store,
        NOW + HOUR,
        [testFinding(0, { fingerprint: 'A', title: 'A', severity: 'critical' })],
        { complete: false },
      );
      expect((await mttr(store, window)).fixed).toEqual(before.fixed);
      const open = (await slaReport(store, { ...window, projectId: null }, NOW + 2 * HOUR)).open;
      expect(open.total).toBe(openBefore + 1);
      const counted = await store.db
        .selectFrom('findings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', 'in', ['open', 'confirmed', 'in_progress'])
        .executeTakeFirstOrThrow();
      expect(open.total).toBe(Number(counted.n));
      // The next day's run refreshes the open backlog by what changed instead of taking it whole.
      const next = await takeSnapshots(store, { now: NOW + DAY + HOUR, retentionDays: 730 });
      expect([next.days, next.openRebuilt]).toEqual([[dayOf(NOW)], true]);
      const kept = await store.db
        .selectFrom('metric_open_findings')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(kept.n)).toBe(Number(counted.n));
      const later = (await slaReport(store, { ...window, projectId: null }, NOW + DAY + 2 * HOUR)).open;
      expect(later.total).toBe(Number(counted.n));
    });
  });

  describe.skipIf(backend.skip)(`rule noise from daily snapshots on ${backend.name}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await backend.open();
      await seedNoise(store);
    });
    afterAll(async () => store?.dispose());

    it('adds up the days: a finding triaged on two snapshotted days counts on each', async () => {
      const window = { projectId: null, from: T, to: T + 10 * DAY };
      const options = { minTriaged: 1, limit: 10 };
      const ruleA = async () =>
        (await ruleNoise(store, window, options)).find((r) => r.ruleId === 'sast/rule-a');
      // f4: false positive at T+3d, back to open at T+4d. Live: one triaged finding, no false positive.
      expect(await ruleA()).toMatchObject({ triaged: 4, falsePositives: 2 });
      await takeSnapshots(store, { now: T + 30 * DAY, retentionDays: 730 });
      expect(await ruleA()).toMatchObject({ triaged: 5, falsePositives: 2 });
    });
  });
}
