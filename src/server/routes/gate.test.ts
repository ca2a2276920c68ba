import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { DAY_MS } from '../../store/sla.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

const ok = (name: string) => ({ name, status: 'ok' as const, findings: 0 });

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`server gate on ${backend.name}`, () => {
    let s: TestServer;
    let ci: string;
    const gate = async (qs: string) => {
      const r = await s.call(ci, 'GET', `/api/v1/gate?${qs}`);
      return { status: r.status, ...r.json };
    };
    const upload = (
      findings: ReturnType<typeof testFinding>[],
      scanners: string[],
      commit: string,
      branch = 'main',
    ) =>
      ingestScan(
        s.store,
        testUpload(findings, { scanners: scanners.map(ok), context: { project: 'shop', branch, commit } }),
        'ci',
      );

    beforeAll(async () => {
      s = await startTestServer(backend);
      ci = await s.token('ci');
      // fp-1 is high (blocks), fp-2 medium (warns), fp-13 a low secret.
      await upload([testFinding(1), testFinding(2)], ['sast'], 'c1');
    });
    afterAll(async () => s?.close());

    it('fails on an open high finding, and a job that ran other scanners does not hide it', async () => {
      expect(await gate('project=shop')).toMatchObject({
        status: 200,
        verdict: 'fail',
        counts: { findings: 2, blocking: 1, warning: 1 },
      });
      // The secrets job of the same pipeline uploads after the SAST job.
      const secrets = await upload(
        [testFinding(13, { scanner: 'secrets', severity: 'low' })],
        ['secrets'],
        'c1',
      );
      // So does an SBOM: a scan with no findings.
      const sbom = await upload([], ['sbom'], 'c1');
      const branch = await gate('project=shop&branch=main');
      expect(branch).toMatchObject({
        verdict: 'fail',
        scanId: sbom.scanId,
        counts: { findings: 3, blocking: 1 },
      });
      expect(await gate('project=shop&commit=c1')).toMatchObject({
        verdict: 'fail',
        scanId: sbom.scanId,
        counts: { findings: 3, blocking: 1, warning: 1 },
      });
      expect(secrets.scanId).toBeLessThan(sbom.scanId);
    });

    it('weighs what is on the branch now: a fixed finding no longer blocks, a new commit is judged alone', async () => {
      // The next SAST run no longer reports fp-1: fixed on main.
      await upload([testFinding(2)], ['sast'], 'c2');
      expect(await gate('project=shop')).toMatchObject({
        verdict: 'warn',
        counts: { findings: 2, blocking: 0 },
      });
      expect(await gate('project=shop&commit=c2')).toMatchObject({
        verdict: 'warn',
        counts: { findings: 1 },
      });
      // The old commit's scans saw three findings; their state is today's (fp-1 is fixed now).
      expect(await gate('project=shop&commit=c1')).toMatchObject({
        verdict: 'warn',
        counts: { findings: 3, blocking: 0 },
      });
      const missing = await gate('project=shop&commit=nope');
      expect([missing.status, missing.error.code]).toEqual([404, 'not_found']);
    });

    it('keeps branches apart, and counts triage decisions', async () => {
      await upload([testFinding(6)], ['sast'], 'f1', 'feature');
      const feature = await gate('project=shop&branch=feature');
      expect(feature).toMatchObject({ verdict: 'fail', counts: { findings: 1, blocking: 1 } });
      const row = await s.store.db
        .selectFrom('findings')
        .select('id')
        .where('fingerprint', '=', 'fp-6')
        .executeTakeFirstOrThrow();
      const sec = await s.token('security');
      const triaged = await s.call(sec, 'PATCH', `/api/v1/findings/${row.id}`, {
        status: 'false_positive',
        comment: 'test data',
      });
      expect(triaged.status).toBe(200);
      expect(await gate('project=shop&branch=feature')).toMatchObject({
        verdict: 'pass',
        counts: { findings: 1, blocking: 0, falsePositive: 1 },
      });
    });

    it('fails on a finding past its SLA, whatever its severity', async () => {
      // fp-3 is low: 180 days, found 200 days ago.
      await ingestScan(
        s.store,
        testUpload([testFinding(3)], { context: { project: 'legacy', branch: 'main', commit: 'old' } }),
        'ci',
        Date.now() - 200 * DAY_MS,
      );
      const r = await gate('project=legacy');
      expect(r).toMatchObject({ verdict: 'fail', counts: { overdue: 1, blocking: 0 } });
      expect(r.reasons.map((x: { rule: string }) => x.rule)).toEqual(['server.sla_overdue']);
    });

    it("answers 404 for a project without scans, and refuses another project's token", async () => {
      const none = await gate('project=nothing-yet');
      expect(none.status).toBe(404);
      const other = await s.token('ci', 'legacy');
      const r = await s.call(other, 'GET', '/api/v1/gate?project=shop');
      expect(r.status).toBe(404);
    });
  });
}
