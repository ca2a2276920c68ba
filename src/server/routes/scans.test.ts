import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFinding } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer, testReport } from '../testing.js';

const LIMITS = { uploadBytes: 2 * 1024 * 1024, uploadInflatedBytes: 8 * 1024 * 1024 };

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`POST /api/v1/scans on ${backend.name}`, () => {
    let s: TestServer;
    let ci: string;
    beforeAll(async () => {
      s = await startTestServer(backend, LIMITS);
      ci = await s.token('ci');
    });
    afterAll(async () => s?.close());

    const upload = (
      token: string | undefined,
      body: Uint8Array,
      query = 'project=shop&branch=main',
      headers: Record<string, string> = {},
    ) =>
      s.call(token, 'POST', `/api/v1/scans?${query}`, body, {
        'content-type': 'application/json',
        ...headers,
      });
    const scanCount = async () => (await s.store.db.selectFrom('scans').select('id').execute()).length;
    const findingCount = async () => (await s.store.db.selectFrom('findings').select('id').execute()).length;

    it('ingests a gzip JSON report and answers with the scan and its URL', async () => {
      const body = gzipSync(testReport([reportFinding(1), reportFinding(2), reportFinding(3)]));
      const r = await upload(ci, body, 'project=shop&branch=main&commit=abc&pipeline=42&stage=build', {
        'content-encoding': 'gzip',
      });
      expect(r.status).toBe(201);
      expect(r.json.scan).toMatchObject({ project: 'shop', duplicate: false, findings: 3, new: 3, fixed: 0 });
      expect(r.json.scan.url).toBe(`${s.url}/scans/${r.json.scan.id}`);
      const scan = await s.store.db
        .selectFrom('scans')
        .selectAll()
        .where('id', '=', r.json.scan.id)
        .executeTakeFirstOrThrow();
      expect(scan).toMatchObject({
        branch: 'main',
        commit_sha: 'abc',
        pipeline_id: '42',
        stage: 'build',
        source: 'gatehouse',
        complete: 1,
      });
    });

    it('treats the same report twice as one scan', async () => {
      const body = testReport([reportFinding(10)], { commit: 'twice' });
      const first = await upload(ci, body);
      const again = await upload(ci, body);
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.json.scan).toMatchObject({ id: first.json.scan.id, duplicate: true });
    });

    it('refuses requests without a valid token, and roles that may not upload', async () => {
      const body = testReport([reportFinding(20)]);
      expect((await upload(undefined, body)).json.error.code).toBe('unauthorized');
      const bad = await upload('gh_not-a-real-token', body);
      expect([bad.status, bad.json.error.code]).toEqual([401, 'unauthorized']);
      const dev = await upload(await s.token('developer'), body);
      expect([dev.status, dev.json.error.code]).toEqual([403, 'forbidden']);
    });

    it('keeps a project-scoped token to its project', async () => {
      const scoped = await s.token('ci', 'payments');
      expect((await upload(scoped, testReport([reportFinding(30)]), 'project=payments')).status).toBe(201);
      const other = await upload(scoped, testReport([reportFinding(31)]), 'project=shop');
      expect(other.status).toBe(404);
      const unknown = await upload(scoped, testReport([reportFinding(32)]), 'project=brand-new');
      expect(unknown.status).toBe(403);
    });

    it('answers malformed uploads with a 4xx JSON error and stores nothing', async () => {
      const scans = await scanCount();
      const findings = await findingCount();
      const cases: [string, Uint8Array, Record<string, string>, number][] = [
        ['bad JSON', Buffer.from('{"tool": {"name": "gatehouse"'), {}, 400],
        ['not a report', Buffer.from('{"hello": "world"}'), {}, 415],
        ['corrupt gzip', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]), { 'content-encoding': 'gzip' }, 400],
        ['gzip bomb', gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' }, 413],
        ['oversized', Buffer.alloc(3 * 1024 * 1024, 0x20), {}, 413],
        ['unknown encoding', Buffer.from('{}'), { 'content-encoding': 'br' }, 415],
        ['empty', Buffer.alloc(0), {}, 400],
      ];
      for (const [name, body, headers, status] of cases) {
        const r = await upload(ci, body, 'project=shop', headers);
        expect([name, r.status], JSON.stringify(r.json)).toEqual([name, status]);
        expect(typeof r.json.error?.code, name).toBe('string');
        expect(typeof r.json.error?.message, name).toBe('string');
      }
      const badQuery = await upload(ci, testReport([reportFinding(40)]), 'project=a%20b');
      expect([badQuery.status, badQuery.json.error.code]).toEqual([400, 'bad_request']);
      expect(await scanCount()).toBe(scans);
      expect(await findingCount()).toBe(findings);
    });

    it('describes itself in OpenAPI 3.1 and serves readable docs', async () => {
      const doc = await s.call(undefined, 'GET', '/api/v1/openapi.json');
      expect(doc.json.openapi).toBe('3.1.0');
      expect(doc.json.paths['/api/v1/scans'].post.requestBody.content).toHaveProperty(
        'application/sarif+json',
      );
      const docs = await fetch(`${s.url}/api/v1/docs`);
      expect(docs.headers.get('content-type')).toMatch(/text\/html/);
      expect(await docs.text()).toContain('POST /api/v1/scans');
    });

    it('answers health and readiness without a token, and unknown routes with JSON', async () => {
      expect((await s.call(undefined, 'GET', '/healthz')).json).toEqual({ status: 'ok' });
      expect((await s.call(undefined, 'GET', '/readyz')).json).toMatchObject({
        status: 'ready',
        database: backend.name,
      });
      const missing = await s.call(ci, 'GET', '/api/v1/nope');
      expect([missing.status, missing.json.error.code]).toEqual([404, 'not_found']);
    });
  });
}
