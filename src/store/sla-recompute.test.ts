import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSetting, setSetting } from './settings.js';
import { slaPolicyFor } from './sla.js';
import { recomputeDueDates } from './sla-recompute.js';
import { day, dueDates, seedSlaScenario } from './test-sla.js';
import { backends, type TestStore } from './testing.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`SLA settings and due-date recomputation on ${backend.name}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await backend.open();
      await seedSlaScenario(store, 'web');
      await seedSlaScenario(store, 'api');
    });
    afterAll(async () => store?.dispose());

    it('reads restartOnReopen as false until set, then as set; a corrupt value reads as the default', async () => {
      expect(await getSetting(store.db, 'sla.restartOnReopen')).toBe(false);
      await setSetting(store.db, 'sla.restartOnReopen', true, 'admin@example.com', day(1));
      expect(await getSetting(store.db, 'sla.restartOnReopen')).toBe(true);
      expect(await store.db.selectFrom('settings').selectAll().execute()).toEqual([
        { key: 'sla.restartOnReopen', value: 'true', updated_at: day(1), updated_by: 'admin@example.com' },
      ]);
      const policy = await slaPolicyFor(store.db, store.dialect, 'high');
      expect(policy.restartOnReopen).toBe(true);
      expect([...policy.days]).toEqual(
        expect.arrayContaining([
          ['critical', 7],
          ['info', 365],
        ]),
      );
      for (const value of ['"yes"', 'not json'])
        await store.db
          .updateTable('settings')
          .set({ value })
          .where('key', '=', 'sla.restartOnReopen')
          .execute();
      expect(await getSetting(store.db, 'sla.restartOnReopen')).toBe(false);
      await setSetting(store.db, 'sla.restartOnReopen', false, 'admin@example.com', day(2));
    });

    it('moves only open-like due dates of the project, from first detection or from the last reopen', async () => {
      const before = { web: await dueDates(store, 'web'), api: await dueDates(store, 'api') };
      // As ingest set them: from detection, the reopened one from its reopen on day 10.
      expect(before.web).toEqual({
        'open-critical': day(7),
        'open-high': day(30),
        'confirmed-medium': day(90),
        'progress-low': day(180),
        'open-info': day(365),
        'reopened-critical': day(17),
        'fixed-high': day(30),
        'false-positive-high': day(30),
        'accepted-critical': day(7),
      });
      await store.db.updateTable('sla_policies').set({ days: 2 }).where('tier', '=', 'medium').execute();
      await store.db
        .deleteFrom('sla_policies')
        .where('tier', '=', 'medium')
        .where('severity', '=', 'info')
        .execute();
      const web = await store.db
        .selectFrom('projects')
        .select('id')
        .where('name', '=', 'web')
        .executeTakeFirstOrThrow();

      const fromFirst = await recomputeDueDates(store.db, {
        projectId: web.id,
        restartOnReopen: false,
        now: day(20),
      });
      const untouched = {
        'fixed-high': day(30),
        'false-positive-high': day(30),
        'accepted-critical': day(7),
      };
      expect(fromFirst).toBe(6);
      expect(await dueDates(store, 'web')).toEqual({
        'open-critical': day(2),
        'open-high': day(2),
        'confirmed-medium': day(2),
        'progress-low': day(2),
        'open-info': null,
        'reopened-critical': day(2),
        ...untouched,
      });
      expect(await dueDates(store, 'api')).toEqual(before.api);

      const fromReopen = await recomputeDueDates(store.db, {
        projectId: web.id,
        restartOnReopen: true,
        now: day(20),
      });
      expect(fromReopen).toBe(1);
      expect((await dueDates(store, 'web'))['reopened-critical']).toBe(day(12));
      expect(
        await recomputeDueDates(store.db, { projectId: web.id, restartOnReopen: true, now: day(20) }),
      ).toBe(0);
      const updated = await store.db
        .selectFrom('findings')
        .select(['fingerprint', 'updated_at'])
        .where('project_id', '=', web.id)
        .where('fingerprint', 'in', ['open-critical', 'fixed-high'])
        .orderBy('fingerprint')
        .execute();
      expect(updated).toEqual([
        { fingerprint: 'fixed-high', updated_at: day(5) },
        { fingerprint: 'open-critical', updated_at: day(20) },
      ]);

      expect(
        await recomputeDueDates(store.db, { projectId: null, restartOnReopen: true, now: day(21) }),
      ).toBe(6);
      expect((await dueDates(store, 'api'))['reopened-critical']).toBe(day(12));
    });
  });
}
