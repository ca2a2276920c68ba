import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../testing.js';
import { openBacklog, slaReport } from './sla.js';
import { DAY, seedAges, seedRemediation, T } from './test-seed.js';

const projectId = async (store: TestStore, name: string) =>
  (await store.db.selectFrom('projects').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`SLA metrics on ${backend.name}`, () => {
    let store: TestStore;
    const NOW = T + 400 * DAY;
    beforeAll(async () => {
      store = await backend.open();
      await seedRemediation(store);
      await seedAges(store, NOW);
    });
    afterAll(async () => store?.dispose());

    it('splits what was resolved in the window into in time and late, and counts open breaches', async () => {
      const web = await projectId(store, 'web');
      // Due dates (medium tier): critical 7 days, high 30, medium 90, low 180, info 365.
      // Met: A (T+2d, due T+7d), B (T+5d), C (T+10d, due T+30d), D (T+20d), E (T+3d).
      // Late: G (first seen T+1d, due T+8d, fixed T+10d). F (info, due T+365d) is open at T+400d.
      const r = await slaReport(store, { projectId: web, from: T, to: T + 30 * DAY }, NOW);
      expect(r.compliance).toMatchObject({
        met: 5,
        late: 1,
        openOverdue: 1,
        resolvedInTimePercent: 83.3,
        compliancePercent: 71.4,
      });
      expect(r.compliance.bySeverity.critical).toEqual({
        met: 2,
        late: 1,
        openOverdue: 0,
        resolvedInTimePercent: 66.7,
        compliancePercent: 66.7,
      });
      expect(r.compliance.bySeverity.info).toEqual({
        met: 0,
        late: 0,
        openOverdue: 1,
        resolvedInTimePercent: null,
        compliancePercent: 0,
      });
      // Before F's due date there is no open breach.
      const early = await slaReport(store, { projectId: web, from: T, to: T + 30 * DAY }, T + 30 * DAY);
      expect(early.compliance).toMatchObject({ openOverdue: 0, compliancePercent: 83.3 });
    });

    it('buckets open findings by whole days of age, and counts those past due', async () => {
      const ages = await projectId(store, 'ages');
      const r = await openBacklog(store, { projectId: ages }, NOW);
      expect(r.byAge.map((b) => [b.bucket, b.open])).toEqual([
        ['0-7', 2],
        ['8-30', 2],
        ['31-90', 2],
        ['91-180', 2],
        ['>180', 2],
      ]);
      expect(r.byAge[0]!.bySeverity).toEqual({ critical: 2, high: 0, medium: 0, low: 0, info: 0 });
      expect(r.byAge[4]!.bySeverity).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 2 });
      // Past due: the critical 7.5 days old (7) and the high 30.9 days old (30); the medium and
      // low due exactly now are not past due yet.
      expect(r).toMatchObject({ total: 10, overdue: 2 });
      expect(r.bySeverity).toEqual({
        critical: { open: 2, overdue: 1 },
        high: { open: 2, overdue: 1 },
        medium: { open: 2, overdue: 0 },
        low: { open: 2, overdue: 0 },
        info: { open: 2, overdue: 0 },
      });
    });

    it('spans every project and filters by scanner', async () => {
      const all = await openBacklog(store, { projectId: null }, NOW);
      // ages' ten, web's F; E is a false positive and D closed, so not open.
      expect(all.total).toBe(11);
      expect((await openBacklog(store, { projectId: null, scanner: 'sca' }, NOW)).total).toBe(0);
      const r = await slaReport(store, { projectId: null, from: T, to: T + 30 * DAY }, NOW);
      // api's H (fixed after 4 days, due in 30) is in time too.
      expect(r.compliance).toMatchObject({ met: 6, late: 1, openOverdue: 3 });
    });
  });
}
