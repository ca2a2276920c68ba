import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFindings, listFindings } from '../../store/findings-query.js';
import { ingestScan } from '../../store/ingest.js';
import type { FindingState } from '../../store/schema.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends, type TestStore } from '../../store/testing.js';
import { JOBS } from './index.js';
import { indexSearch } from './index-search.js';

const ALL: FindingState[] = [
  'open',
  'confirmed',
  'in_progress',
  'false_positive',
  'risk_accepted',
  'fixed',
  'closed',
];

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`text search index on ${backend.name}`, () => {
    let store: TestStore;
    const now = Date.now();
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => store?.dispose());

    /** What the list and the count find for `text`, on the plan that uses the search index. */
    async function found(text: string) {
      const filter = { statuses: ALL, text };
      const page = await listFindings(store, {
        filter,
        sort: { key: 'severity', order: 'desc' },
        limit: 100,
        now,
        plan: 'sparse',
      });
      const counts = await countFindings(store, filter, now);
      const count = Object.values(counts).reduce((a, b) => a + b, 0);
      return { titles: page.rows.map((r) => r.title).sort(), count };
    }
    const pending = async () =>
      backend.name === 'postgres'
        ? (
            await store.db
              .selectFrom('finding_search')
              .select('finding_id')
              .where('search_text', 'is', null)
              .execute()
          ).length
        : 0;

    it('finds new findings before the job indexes them, and after', async () => {
      const findings = [1, 2, 3].map((n) => testFinding(n, { message: `call to eval() number ${n}` }));
      findings.push(testFinding(4, { message: 'nothing to see' }));
      await ingestScan(store, testUpload(findings, {}, 'search'), 'ci', now);
      expect(await pending()).toBe(backend.name === 'postgres' ? 4 : 0);
      const want = { titles: ['Problem 1', 'Problem 2', 'Problem 3'], count: 3 };
      expect(await found('EVAL()')).toEqual(want);
      expect(await indexSearch(store)).toBe(backend.name === 'postgres' ? 4 : 0);
      expect(await pending()).toBe(0);
      expect(await found('EVAL()')).toEqual(want);
      expect(await found('number 2')).toEqual({ titles: ['Problem 2'], count: 1 });
      expect(await indexSearch(store)).toBe(0);
    });

    it('finds a finding by what it says now, not by what it said when it was indexed', async () => {
      const changed = [1, 2, 3].map((n) => testFinding(n, { message: `call to eval() number ${n}` }));
      changed[1] = testFinding(2, { message: 'now a call to exec()' });
      changed.push(testFinding(4, { message: 'nothing to see' }));
      await ingestScan(store, testUpload(changed, {}, 'search'), 'ci', now + 1);
      expect(await pending()).toBe(backend.name === 'postgres' ? 1 : 0);
      for (const run of ['before the job', 'after the job']) {
        expect([run, await found('eval()')]).toEqual([run, { titles: ['Problem 1', 'Problem 3'], count: 2 }]);
        expect([run, await found('exec()')]).toEqual([run, { titles: ['Problem 2'], count: 1 }]);
        await indexSearch(store);
      }
      expect(await pending()).toBe(0);
    });

    it('indexes in batches until nothing is pending', async () => {
      const many = Array.from({ length: 25 }, (_, i) =>
        testFinding(100 + i, { message: `batch finding ${i}` }),
      );
      await ingestScan(store, testUpload(many, {}, 'batches'), 'ci', now);
      expect(await indexSearch(store, 10)).toBe(backend.name === 'postgres' ? 25 : 0);
      expect(await pending()).toBe(0);
      expect((await found('batch finding')).count).toBe(25);
    });

    it('runs every minute with the other jobs', () => {
      expect(JOBS.find((j) => j.name === 'index-search')?.everyMinutes).toBe(1);
    });
  });
}
