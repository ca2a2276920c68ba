import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../testing.js';
import { mttr } from './mttr.js';
import { DAY, seedRemediation, T } from './test-seed.js';

const none = { count: 0, meanDays: null, medianDays: null };

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`MTTR on ${backend.name}`, () => {
    let store: TestStore;
    let web: number;
    beforeAll(async () => {
      store = await backend.open();
      await seedRemediation(store);
      web = (
        await store.db.selectFrom('projects').select('id').where('name', '=', 'web').executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => store?.dispose());

    it('averages fixed_at - first_seen_at of findings fixed in the window, per severity', async () => {
      const r = await mttr(store, { projectId: web, from: T, to: T + 30 * DAY });
      // Critical A 2, B 5, G 9 days; high C 10 days.
      expect(r.fixed.bySeverity.critical).toEqual({ count: 3, meanDays: 5.3, medianDays: 5 });
      expect(r.fixed.bySeverity.high).toEqual({ count: 1, meanDays: 10, medianDays: 10 });
      expect(r.fixed.bySeverity.medium).toEqual(none);
      expect(r.fixed.all).toEqual({ count: 4, meanDays: 6.5, medianDays: 7 });
    });

    it('counts closed and false-positive findings as resolved, at closed_at', async () => {
      const r = await mttr(store, { projectId: web, from: T, to: T + 30 * DAY });
      // Adds D closed after 20 days and E marked false positive after 3: 2 3 5 9 10 20.
      expect(r.resolved.bySeverity.medium).toEqual({ count: 1, meanDays: 20, medianDays: 20 });
      expect(r.resolved.bySeverity.low).toEqual({ count: 1, meanDays: 3, medianDays: 3 });
      expect(r.resolved.bySeverity.info).toEqual(none);
      expect(r.resolved.all).toEqual({ count: 6, meanDays: 8.2, medianDays: 7 });
    });

    it('takes the window as [from, to) on the remediation time', async () => {
      const r = await mttr(store, { projectId: web, from: T + 3 * DAY, to: T + 20 * DAY });
      // Fixed: B 5, G 9, C 10. Resolved: also E (T+3d, the start is in); D (T+20d) is out.
      expect(r.fixed.all).toEqual({ count: 3, meanDays: 8, medianDays: 9 });
      expect(r.fixed.bySeverity.critical).toEqual({ count: 2, meanDays: 7, medianDays: 7 });
      expect(r.resolved.all).toEqual({ count: 4, meanDays: 6.8, medianDays: 7 });
    });

    it('spans every project without a project, and filters by scanner', async () => {
      const all = await mttr(store, { projectId: null, from: T, to: T + 30 * DAY });
      // api's H (high, sca) fixed after 4 days joins: 2 4 5 9 10.
      expect(all.fixed.all).toEqual({ count: 5, meanDays: 6, medianDays: 5 });
      expect(all.fixed.bySeverity.high).toEqual({ count: 2, meanDays: 7, medianDays: 7 });
      const sca = await mttr(store, { projectId: null, scanner: 'sca', from: T, to: T + 30 * DAY });
      expect(sca.fixed.all).toEqual({ count: 1, meanDays: 4, medianDays: 4 });
      expect(sca.resolved.bySeverity.critical).toEqual(none);
    });

    it('answers nulls for an empty window', async () => {
      const r = await mttr(store, { projectId: null, from: T - 10 * DAY, to: T });
      expect(r.fixed.all).toEqual(none);
      expect(r.resolved.all).toEqual(none);
    });
  });
}
