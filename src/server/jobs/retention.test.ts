import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends, type TestStore } from '../../store/testing.js';
import { pruneOccurrences } from './retention.js';

const DAY = 86_400_000;

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`occurrence retention on ${backend.name}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => store?.dispose());

    it('drops old scans’ occurrences but keeps the latest scan of every branch, and the findings', async () => {
      const t0 = Date.UTC(2025, 0, 1);
      const old = await ingestScan(
        store,
        testUpload([testFinding(1), testFinding(2)], {}, 'r', 'main'),
        'ci',
        t0,
      );
      const latestMain = await ingestScan(
        store,
        testUpload([testFinding(1)], {}, 'r', 'main'),
        'ci',
        t0 + DAY,
      );
      const onlyFeature = await ingestScan(store, testUpload([testFinding(3)], {}, 'r', 'feature'), 'ci', t0);
      const pruned = await pruneOccurrences(store, t0 + 400 * DAY, 180);
      expect(pruned).toBe(2);
      const left = await store.db.selectFrom('occurrences').select('scan_id').execute();
      expect(new Set(left.map((o) => o.scan_id))).toEqual(new Set([latestMain.scanId, onlyFeature.scanId]));
      expect(left.some((o) => o.scan_id === old.scanId)).toBe(false);
      const findings = await store.db.selectFrom('findings').select('id').execute();
      expect(findings).toHaveLength(3);
      expect(await pruneOccurrences(store, t0 + 400 * DAY, 180)).toBe(0);
    });
  });
}
