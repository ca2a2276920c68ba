import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestStore } from '../testing.js';
import { coverage } from './coverage.js';
import { DAY, scan, T } from './test-seed.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`pipeline coverage on ${backend.name}`, () => {
    let store: TestStore;
    const NOW = T + 40 * DAY;
    beforeAll(async () => {
      store = await backend.open();
      const ran = (...runs: [string, 'ok' | 'partial' | 'failed'][]) => ({
        complete: false,
        scanners: runs.map(([name, status]) => ({ name, status, findings: 0 })),
      });
      await scan(store, T + 15 * DAY, [], ran(['sast', 'ok'], ['secrets', 'ok'], ['sca', 'failed']), 'web');
      await scan(store, T + 20 * DAY, [], ran(['sast', 'ok'], ['iac', 'partial']), 'web');
      await scan(store, T + 5 * DAY, [], ran(['sast', 'ok']), 'api');
      await scan(store, T + 41 * DAY, [], ran(['dast', 'ok']), 'api');
      await store.db
        .insertInto('projects')
        .values({
          name: 'empty',
          repository: null,
          default_branch: null,
          tier: 'medium',
          team_id: null,
          created_at: T,
        })
        .execute();
    });
    afterAll(async () => store?.dispose());

    it('lists the scanners each project ran in the last days, and the projects not scanned', async () => {
      const r = await coverage(store, null, NOW - 30 * DAY, NOW);
      expect(r.scanners).toEqual(['iac', 'sast', 'sca', 'secrets']);
      expect(r.byScanner).toEqual([
        { scanner: 'iac', projects: 1 },
        { scanner: 'sast', projects: 1 },
        { scanner: 'sca', projects: 0 },
        { scanner: 'secrets', projects: 1 },
      ]);
      expect(r.projects).toEqual([
        {
          project: 'web',
          scans: 2,
          lastScanAt: T + 20 * DAY,
          scanners: [
            { scanner: 'iac', runs: 1, failed: 0, lastRunAt: T + 20 * DAY },
            { scanner: 'sast', runs: 2, failed: 0, lastRunAt: T + 20 * DAY },
            { scanner: 'sca', runs: 1, failed: 1, lastRunAt: T + 15 * DAY },
            { scanner: 'secrets', runs: 1, failed: 0, lastRunAt: T + 15 * DAY },
          ],
        },
      ]);
      // api's scan after "now" is not seen; its last one before is.
      expect(r.notScanned).toEqual([
        { project: 'api', lastScanAt: T + 5 * DAY },
        { project: 'empty', lastScanAt: null },
      ]);
    });

    it('keeps to one project', async () => {
      const api = (
        await store.db.selectFrom('projects').select('id').where('name', '=', 'api').executeTakeFirstOrThrow()
      ).id;
      const r = await coverage(store, api, NOW - 40 * DAY, NOW);
      expect(r.projects.map((p) => [p.project, p.scanners.map((s) => s.scanner)])).toEqual([
        ['api', ['sast']],
      ]);
      expect(r.notScanned).toEqual([]);
    });
  });
}
