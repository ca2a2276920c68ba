import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../testing.js';
import { burndown } from './burndown.js';
import { DAY, HOUR, seedRemediation, T } from './test-seed.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`burn-down on ${backend.name}`, () => {
    let store: TestStore;
    let web: number;
    const NOW = T + 12 * DAY + 12 * HOUR;
    beforeAll(async () => {
      store = await backend.open();
      await seedRemediation(store);
      web = (
        await store.db.selectFrom('projects').select('id').where('name', '=', 'web').executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => store?.dispose());

    it('counts unresolved findings at the end of each UTC day, today included', async () => {
      const days = await burndown(store, { projectId: web }, 15, NOW);
      expect(days[0]!.date).toBe('2024-12-30');
      expect(days.at(-1)!.date).toBe('2025-01-13');
      // A-F arrive on day 2 (T), G on day 3; A goes on T+2d, E (false positive) T+3d, B T+5d,
      // C and G T+10d; D is closed after today.
      expect(days.map((d) => d.open)).toEqual([0, 0, 6, 7, 6, 5, 5, 4, 4, 4, 4, 4, 2, 2, 2]);
      expect(days.map((d) => d.opened)).toEqual([0, 0, 6, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(days.map((d) => d.resolved)).toEqual([0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 2, 0, 0]);
    });

    it('starts from the backlog left before the first day', async () => {
      const days = await burndown(store, { projectId: web }, 5, NOW);
      // Before T+8d: seven seen, A, E and B resolved.
      expect(days.map((d) => [d.date, d.open])).toEqual([
        ['2025-01-09', 4],
        ['2025-01-10', 4],
        ['2025-01-11', 2],
        ['2025-01-12', 2],
        ['2025-01-13', 2],
      ]);
      // Long after: D closed at T+20d leaves F alone.
      const later = await burndown(store, { projectId: web }, 1, T + 40 * DAY);
      expect(later).toEqual([{ date: '2025-02-10', open: 1, opened: 0, resolved: 0 }]);
    });

    it('spans every project and filters by scanner', async () => {
      const all = await burndown(store, { projectId: null }, 3, T + 4 * DAY + HOUR);
      // Day T+2d: web 6 (G in, A out) + api's H; T+3d: E out; T+4d: H fixed.
      expect(all.map((d) => d.open)).toEqual([7, 6, 5]);
      const sca = await burndown(store, { projectId: null, scanner: 'sca' }, 3, T + 4 * DAY + HOUR);
      expect(sca.map((d) => d.open)).toEqual([1, 1, 0]);
    });
  });
}
