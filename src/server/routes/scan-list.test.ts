import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, scan } from '../../store/metrics/test-seed.js';
import { testFinding } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`GET /api/v1/scans on ${backend.name}`, () => {
    let s: TestServer;
    let reader: string;
    const now = Date.now();
    const ids: number[] = [];
    beforeAll(async () => {
      s = await startTestServer(backend);
      reader = await s.token('auditor');
      const a = testFinding(1, { fingerprint: 'a' });
      const b = testFinding(2, { fingerprint: 'b', scanner: 'secrets', ruleId: 'secrets/aws' });
      const ctx = (commit: string, branch = 'main') => ({ project: 'web', branch, commit, stage: 'build' });
      const scanners = [
        { name: 'sast', status: 'ok' as const, findings: 1 },
        { name: 'secrets', status: 'failed' as const, findings: 0 },
      ];
      for (const [at, findings, over] of [
        [now - 3 * DAY, [a, b], { context: ctx('c1'), gateVerdict: 'fail', policyVersion: 'v1' }],
        [now - 2 * DAY, [a], { context: ctx('c2'), gateVerdict: 'pass', scanners }],
        [now - 2 * DAY, [a], { context: ctx('c3', 'feature'), gateVerdict: 'warn' }],
        [now - DAY, [], { context: ctx('c4') }],
      ] as const)
        ids.push((await scan(s.store, at, [...findings], over, 'web')).scanId);
      await scan(s.store, now, [a], {}, 'api');
    });
    afterAll(async () => s?.close());

    const list = async (qs: string, token = reader) => {
      const r = await s.call(token, 'GET', `/api/v1/scans?${qs}`);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return r.json as { scans: { id: number; project: string }[]; next: string | null };
    };

    it("lists a project's scans newest first with verdict, changes and scanners", async () => {
      const r = await list('project=web');
      expect(r.scans.map((x) => x.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
      expect(r.next).toBeNull();
      expect(r.scans[2]).toEqual({
        id: ids[1],
        project: 'web',
        branch: 'main',
        commit: 'c2',
        pipeline: null,
        stage: 'build',
        complete: true,
        source: 'gatehouse',
        receivedAt: new Date(now - 2 * DAY).toISOString(),
        uploadedBy: 'test',
        gate: { verdict: 'pass', policyVersion: null },
        // b stays open: the secrets scanner failed, so its absence proves nothing.
        counts: { findings: 1, new: 0, reopened: 0, fixed: 0 },
        scanners: [
          { name: 'sast', status: 'ok', findings: 1 },
          { name: 'secrets', status: 'failed', findings: 0 },
        ],
      });
      expect(r.scans[3]).toMatchObject({
        gate: { verdict: 'fail', policyVersion: 'v1' },
        counts: { new: 2 },
      });
      expect((await list('')).scans).toHaveLength(5);
    });

    it('filters by branch and verdict, and pages with the cursor (same receipt time included)', async () => {
      expect((await list('project=web&branch=feature')).scans.map((x) => x.id)).toEqual([ids[2]]);
      expect((await list('verdict=fail')).scans.map((x) => x.id)).toEqual([ids[0]]);
      const seen: number[] = [];
      let cursor = '';
      do {
        const page = await list(`project=web&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.scans.map((x) => x.id));
        cursor = page.next ?? '';
      } while (cursor);
      expect(seen).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    });

    it('keeps a scoped credential to its project and refuses bad input and CI tokens', async () => {
      const scoped = await s.token('developer', 'api');
      expect((await list('', scoped)).scans.map((x) => x.project)).toEqual(['api']);
      const other = await s.call(scoped, 'GET', '/api/v1/scans?project=web');
      expect([other.status, other.json.error.code]).toEqual([404, 'not_found']);
      const bad = await s.call(reader, 'GET', '/api/v1/scans?cursor=nonsense');
      expect([bad.status, bad.json.error.code]).toEqual([400, 'bad_request']);
      const verdict = await s.call(reader, 'GET', '/api/v1/scans?verdict=green');
      expect(verdict.status).toBe(400);
      expect((await s.call(await s.token('ci'), 'GET', '/api/v1/scans')).status).toBe(403);
    });
  });
}
