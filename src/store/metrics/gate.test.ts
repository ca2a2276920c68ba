import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../testing.js';
import { gateReport } from './gate.js';
import { DAY, seedGate, T } from './test-seed.js';

const rates = (scans: number, pass: number, warn: number, fail: number, overridden: number) => ({
  scans,
  pass,
  warn,
  fail,
  overridden,
  passRate: Math.round(((pass + warn) / scans) * 1000) / 10,
  failRate: Math.round((fail / scans) * 1000) / 10,
  overrideRate: Math.round((overridden / scans) * 1000) / 10,
});

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`gate pass rate on ${backend.name}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await backend.open();
      await seedGate(store);
    });
    afterAll(async () => store?.dispose());

    it('counts verdicts, with passes on a commit that failed the same stage before as overrides', async () => {
      const r = await gateReport(store, { projectId: null, from: T, to: T + 30 * DAY });
      // Nine verdicts: pass c2, c3 deploy, api; warn c3 deploy; fail c1, c3 build, c9; overrides c1, c9.
      expect(r.totals).toEqual(rates(9, 3, 1, 3, 2));
      expect(r.totals).toMatchObject({ passRate: 44.4, failRate: 33.3, overrideRate: 22.2 });
      expect(r.byProject).toEqual([
        { project: 'api', ...rates(3, 1, 0, 1, 1) },
        { project: 'web', ...rates(6, 2, 1, 2, 1) },
      ]);
      expect(r.byStage).toEqual([
        { stage: 'build', ...rates(4, 1, 0, 2, 1) },
        { stage: 'deploy', ...rates(2, 1, 1, 0, 0) },
        { stage: null, ...rates(3, 1, 0, 1, 1) },
      ]);
      expect(r.byPolicyVersion).toEqual([
        { policyVersion: 'v1', ...rates(4, 1, 0, 2, 1) },
        { policyVersion: 'v2', ...rates(4, 1, 1, 1, 1) },
        { policyVersion: null, ...rates(1, 1, 0, 0, 0) },
      ]);
    });

    it('looks before the window for the failure an override follows', async () => {
      // The pass of c1 at T+31d follows the failure at T: an override though the failure is out.
      const r = await gateReport(store, { projectId: null, from: T + 30 * DAY, to: T + 40 * DAY });
      expect(r.totals).toEqual(rates(1, 0, 0, 0, 1));
    });

    it('keeps to one project, and answers zeros and nulls for an empty window', async () => {
      const api = (
        await store.db.selectFrom('projects').select('id').where('name', '=', 'api').executeTakeFirstOrThrow()
      ).id;
      const r = await gateReport(store, { projectId: api, from: T, to: T + 30 * DAY });
      expect(r.byProject.map((p) => p.project)).toEqual(['api']);
      expect(r.totals.scans).toBe(3);
      const empty = await gateReport(store, { projectId: null, from: T - DAY, to: T });
      expect(empty.totals).toEqual({
        scans: 0,
        pass: 0,
        warn: 0,
        fail: 0,
        overridden: 0,
        passRate: null,
        failRate: null,
        overrideRate: null,
      });
      expect(empty.byProject).toEqual([]);
    });
  });
}
