import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`scan detail API on ${backend.name}`, () => {
    let s: TestServer;
    let scanId: number;
    let otherId: number;
    const at = Date.UTC(2026, 4, 2, 8, 30);

    beforeAll(async () => {
      s = await startTestServer(backend);
      await ingestScan(
        s.store,
        testUpload([testFinding(1), testFinding(2)], {}, 'shop'),
        'token:ci',
        at - 1000,
      );
      const upload = testUpload(
        [testFinding(1), testFinding(3, { scanner: 'secrets' })],
        {
          context: {
            project: 'shop',
            branch: 'release',
            commit: 'f00d',
            repository: 'https://git.example/shop',
            pipelineId: '981',
            stage: 'build',
          },
          gateVerdict: 'fail',
          policyVersion: 'p-7',
          toolVersion: '0.1.0',
          startedAt: '2026-05-02T08:29:00.000Z',
        },
        'shop',
      );
      upload.scanners = [
        { name: 'sast', status: 'ok', findings: 1 },
        { name: 'secrets', status: 'partial', findings: 1 },
      ];
      scanId = (await ingestScan(s.store, upload, 'token:ci', at)).scanId;
      otherId = (await ingestScan(s.store, testUpload([testFinding(9)], {}, 'bank'), 'token:ci')).scanId;
    });
    afterAll(async () => s?.close());

    const get = async (
      role: 'admin' | 'auditor' | 'ci' | 'developer',
      id: number | string,
      project?: string,
    ) => s.call(await s.token(role, project), 'GET', `/api/v1/scans/${id}`);

    it('shows where a scan came from, what each scanner did and what it changed', async () => {
      const r = await get('auditor', scanId);
      expect(r.status).toBe(200);
      expect(r.json.scan).toEqual({
        id: scanId,
        project: 'shop',
        branch: 'release',
        commit: 'f00d',
        repository: 'https://git.example/shop',
        pipeline: '981',
        stage: 'build',
        complete: true,
        source: 'gatehouse',
        toolVersion: '0.1.0',
        startedAt: '2026-05-02T08:29:00.000Z',
        finishedAt: null,
        receivedAt: '2026-05-02T08:30:00.000Z',
        uploadedBy: 'token:ci',
        gate: { verdict: 'fail', policyVersion: 'p-7' },
        counts: { findings: 2, new: 1, reopened: 0, fixed: 0 },
        scanners: [
          { name: 'sast', status: 'ok', findings: 1 },
          { name: 'secrets', status: 'partial', findings: 1 },
        ],
      });
    });

    it('hides other projects from a project-scoped credential, and unknown scans from everyone', async () => {
      expect((await get('developer', scanId, 'shop')).status).toBe(200);
      const other = await get('developer', otherId, 'shop');
      expect([other.status, other.json.error.code]).toEqual([404, 'not_found']);
      expect((await get('admin', 999999)).status).toBe(404);
    });

    it('is for roles that read, and takes numeric ids only', async () => {
      const ci = await get('ci', scanId);
      expect([ci.status, ci.json.error.code]).toEqual([403, 'forbidden']);
      const bad = await get('admin', 'latest');
      expect([bad.status, bad.json.error.code]).toEqual([400, 'bad_request']);
    });
  });
}
