import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../testing.js';
import { mttd } from './mttd.js';
import { DAY, seedDetection, T } from './test-seed.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`MTTD on ${backend.name}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await backend.open();
      await seedDetection(store);
    });
    afterAll(async () => store?.dispose());

    it('stores the advisory publication time of dependency findings', async () => {
      const rows = await store.db
        .selectFrom('findings')
        .select(['fingerprint', 'advisory_published_at'])
        .orderBy('fingerprint')
        .execute();
      const at = Object.fromEntries(rows.map((r) => [r.fingerprint, r.advisory_published_at]));
      expect(at).toMatchObject({ v1: T - 10 * DAY, v3: T + DAY, v5: null, v7: null });
    });

    it('averages first seen minus publication, a detection before publication counting 0', async () => {
      const r = await mttd(store, { projectId: null, from: T - DAY, to: T + 10 * DAY });
      // High v1 10, v2 4; critical v3 0 (seen before publication), v4 32.
      expect(r.bySeverity.high).toEqual({ count: 2, meanDays: 7, medianDays: 7 });
      expect(r.bySeverity.critical).toEqual({ count: 2, meanDays: 16, medianDays: 16 });
      expect(r.bySeverity.low).toEqual({ count: 0, meanDays: null, medianDays: null });
      expect(r.all).toEqual({ count: 4, meanDays: 11.5, medianDays: 7 });
      expect(r.undated).toBe(2);
    });

    it('filters by scanner', async () => {
      const r = await mttd(store, { projectId: null, scanner: 'sast', from: T - DAY, to: T + 10 * DAY });
      expect(r.all.count).toBe(0);
      expect(r.undated).toBe(0);
    });
  });
}
