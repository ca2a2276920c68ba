import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../testing.js';
import { ruleNoise } from './noise.js';
import { DAY, seedNoise, T } from './test-seed.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`rule noise on ${backend.name}`, () => {
    let store: TestStore;
    const window = { from: T, to: T + 10 * DAY };
    beforeAll(async () => {
      store = await backend.open();
      await seedNoise(store);
    });
    afterAll(async () => store?.dispose());

    it('lists false-positive rates per rule from triage decisions, worst first', async () => {
      const r = await ruleNoise(store, { projectId: null, ...window }, { minTriaged: 2, limit: 50 });
      // rule-b: g1, g2 of 3; rule-a: f1, f2 of f1-f4 (f4 went back to open; f5 is after the window).
      expect(r).toEqual([
        { scanner: 'sast', ruleId: 'sast/rule-b', triaged: 3, falsePositives: 2, falsePositiveRate: 66.7 },
        { scanner: 'sast', ruleId: 'sast/rule-a', triaged: 4, falsePositives: 2, falsePositiveRate: 50 },
      ]);
    });

    it('leaves out rules with fewer triaged findings than asked, and limits the list', async () => {
      const r = await ruleNoise(store, { projectId: null, ...window }, { minTriaged: 1, limit: 2 });
      expect(r.map((x) => [x.ruleId, x.falsePositiveRate])).toEqual([
        ['sast/rule-c', 100],
        ['sast/rule-b', 66.7],
      ]);
    });

    it('keeps to one project and one scanner', async () => {
      const lint = (
        await store.db
          .selectFrom('projects')
          .select('id')
          .where('name', '=', 'lint')
          .executeTakeFirstOrThrow()
      ).id;
      const r = await ruleNoise(store, { projectId: lint, ...window }, { minTriaged: 1, limit: 50 });
      expect(r.map((x) => x.ruleId)).toEqual(['sast/rule-c', 'sast/rule-a']);
      expect(
        await ruleNoise(store, { projectId: null, scanner: 'iac', ...window }, { minTriaged: 1, limit: 50 }),
      ).toEqual([]);
    });
  });
}
