import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../testing.js';
import { secretsReport } from './secrets.js';
import { DAY, seedSecrets, T } from './test-seed.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`secrets detected and blocked on ${backend.name}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await backend.open();
      await seedSecrets(store);
    });
    afterAll(async () => store?.dispose());

    it('counts new secrets and gates that failed with secrets, per week', async () => {
      const r = await secretsReport(store, { projectId: null, from: T, to: T + 14 * DAY }, 'week');
      expect(r).toEqual([
        { start: T, detected: 2, stillOpen: 1, blocked: 1 },
        { start: T + 7 * DAY, detected: 1, stillOpen: 1, blocked: 1 },
      ]);
    });

    it('counts per day, the last period cut at the end of the window', async () => {
      const r = await secretsReport(store, { projectId: null, from: T, to: T + 8 * DAY + 1 }, 'day');
      expect(r).toHaveLength(9);
      expect(r.map((p) => [p.detected, p.stillOpen, p.blocked])).toEqual([
        [0, 0, 0],
        [1, 1, 1],
        [1, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
        [1, 1, 1],
      ]);
    });

    it('keeps to one project', async () => {
      await store.db
        .insertInto('projects')
        .values({
          name: 'other',
          repository: null,
          default_branch: null,
          tier: 'medium',
          team_id: null,
          created_at: T,
        })
        .execute();
      const other = (
        await store.db
          .selectFrom('projects')
          .select('id')
          .where('name', '=', 'other')
          .executeTakeFirstOrThrow()
      ).id;
      const r = await secretsReport(store, { projectId: other, from: T, to: T + 14 * DAY }, 'week');
      expect(r.map((p) => p.detected + p.blocked)).toEqual([0, 0]);
    });
  });
}
