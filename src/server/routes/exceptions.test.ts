import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { DAY_MS } from '../../store/sla.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { expireExceptions } from '../jobs/expire-exceptions.js';
import { startTestServer, type TestServer } from '../testing.js';

const inDays = (d: number) => new Date(Date.now() + d * DAY_MS).toISOString();

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`exceptions API on ${backend.name}`, () => {
    let s: TestServer;
    let dev: string;
    let sec: string;
    let admin: string;
    beforeAll(async () => {
      s = await startTestServer(backend);
      [dev, sec, admin] = await Promise.all([s.token('developer'), s.token('security'), s.token('admin')]);
    });
    afterAll(async () => s?.close());

    const seed = (project: string, ns: number[], branch = 'main') =>
      ingestScan(
        s.store,
        testUpload(
          ns.map((n) => testFinding(n)),
          {},
          project,
          branch,
        ),
        'ci',
      );
    const statuses = async (project: string) => {
      const rows = await s.store.db
        .selectFrom('findings')
        .innerJoin('projects', 'projects.id', 'findings.project_id')
        .select(['findings.fingerprint', 'findings.status', 'findings.exception_id'])
        .where('projects.name', '=', project)
        .orderBy('findings.id')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.fingerprint, r.status]));
    };
    const request = (token: string, body: Record<string, unknown>) =>
      s.call(token, 'POST', '/api/v1/exceptions', body);
    const decide = (token: string, id: number, verb: string, comment?: string) =>
      s.call(token, 'POST', `/api/v1/exceptions/${id}/${verb}`, comment ? { comment } : {});
    const reason = 'compensating control: WAF rule 942100 blocks this input';

    it('validates requests and says what is wrong', async () => {
      await seed('val', [2]);
      const cases: [Record<string, unknown>, number, RegExp][] = [
        [{ kind: 'rule', project: 'val', rule: 'sast/rule-2', reason: 'short' }, 400, /reason/],
        [{ kind: 'rule', project: 'val', reason }, 400, /body\.rule: is required for kind rule/],
        [
          { kind: 'fingerprint', project: 'val', fingerprint: 'fp-2', pathGlob: 'src/**', reason },
          400,
          /pathGlob: does not apply/,
        ],
        [
          { kind: 'fingerprint', project: 'val', fingerprint: 'fp-2', reason, expiresAt: inDays(400) },
          400,
          /365 days/,
        ],
        [
          { kind: 'fingerprint', project: 'val', fingerprint: 'fp-2', reason, expiresAt: inDays(-1) },
          400,
          /future/,
        ],
        [
          { kind: 'fingerprint', project: 'val', fingerprint: 'fp-2', reason, expiresAt: 'next tuesday' },
          400,
          /expiresAt/,
        ],
        [{ kind: 'rule', project: 'val', rule: 'r', pathGlob: 'src/**', reason, path: 'x' }, 400, /path/],
        [{ kind: 'rule', rule: 'sast/rule-2', reason, expiresAt: inDays(10) }, 403, /security and admin/],
        [
          { kind: 'rule', team: 'platform', rule: 'sast/rule-2', reason, expiresAt: inDays(10) },
          403,
          /security and admin/,
        ],
        [{ kind: 'rule', project: 'nope', rule: 'sast/rule-2', reason }, 404, /no project named nope/],
      ];
      for (const [body, status, message] of cases) {
        const r = await request(dev, body);
        expect([r.status, r.json.error?.message], JSON.stringify(body)).toEqual([
          status,
          expect.stringMatching(message),
        ]);
      }
      const bothScopes = await request(sec, { kind: 'rule', project: 'val', team: 't', rule: 'x', reason });
      expect(bothScopes.json.error.message).toMatch(/not both/);
    });

    it('requires an expiry when the exception covers a high or critical finding, and for global rules', async () => {
      await seed('exp', [1, 2]); // fp-1 is high, fp-2 medium
      const high = await request(dev, { kind: 'fingerprint', project: 'exp', fingerprint: 'fp-1', reason });
      expect([high.status, high.json.error.message]).toEqual([
        400,
        expect.stringMatching(/expiresAt: required.*1 high or critical/),
      ]);
      const medium = await request(dev, { kind: 'fingerprint', project: 'exp', fingerprint: 'fp-2', reason });
      expect(medium.status).toBe(201);
      expect(medium.json.covers).toEqual({ findings: 1, highOrCritical: 0 });
      const global = await request(sec, { kind: 'advisory', advisory: 'GHSA-xxxx-yyyy-zzzz', reason });
      expect([global.status, global.json.error.message]).toEqual([
        400,
        expect.stringMatching(/every project/),
      ]);
      const dated = await request(sec, {
        kind: 'fingerprint',
        project: 'exp',
        fingerprint: 'fp-1',
        reason,
        expiresAt: inDays(20).slice(0, 10),
      });
      expect(dated.status).toBe(201);
      // A date alone applies through that whole day (UTC), as gatehouse.yml's `expires` does.
      expect(dated.json.exception.expiresAt).toMatch(/T00:00:00\.000Z$/);
      expect(Date.parse(dated.json.exception.expiresAt)).toBeGreaterThan(Date.now() + 20 * DAY_MS);
    });

    it('runs the whole lifecycle: request, four-eyes approval, scans keep the acceptance, revoke reopens', async () => {
      // rule-3 findings: fp-3 (low), fp-10 (critical) in src/; fp-17 is rule-3 too but outside the glob.
      await seed('life', [3, 10, 4]);
      await ingestScan(
        s.store,
        testUpload([testFinding(17, { location: { path: 'vendor/x.ts' } })], { complete: false }, 'life'),
        'ci',
      );
      const req = await request(dev, {
        kind: 'rule',
        project: 'life',
        rule: 'sast/rule-3',
        pathGlob: 'src/**',
        reason,
        expiresAt: inDays(30),
      });
      expect(req.status).toBe(201);
      const ex = req.json.exception;
      expect(ex).toMatchObject({
        kind: 'rule',
        status: 'pending',
        project: 'life',
        rule: 'sast/rule-3',
        pathGlob: 'src/**',
        requestedBy: 'token:developer-all',
      });
      expect(req.json.covers).toEqual({ findings: 2, highOrCritical: 1 });

      const one = await s.call(dev, 'GET', `/api/v1/exceptions/${ex.id}`);
      expect(one.json.findings.count).toBe(2);
      expect(one.json.findings.ids).toHaveLength(2);
      expect(
        (await s.call(dev, 'GET', '/api/v1/exceptions?status=pending&project=life')).json.exceptions.map(
          (e: { id: number }) => e.id,
        ),
      ).toEqual([ex.id]);

      expect((await decide(dev, ex.id, 'approve')).status).toBe(403);
      const approved = await decide(sec, ex.id, 'approve', 'ok until the refactor lands');
      expect(approved.status).toBe(200);
      expect(approved.json).toMatchObject({
        accepted: 2,
        exception: {
          status: 'approved',
          decidedBy: 'token:security-all',
          decisionComment: 'ok until the refactor lands',
        },
      });
      expect(await statuses('life')).toMatchObject({
        'fp-3': 'risk_accepted',
        'fp-10': 'risk_accepted',
        'fp-4': 'open',
        'fp-17': 'open',
      });
      const events = await s.store.db
        .selectFrom('finding_events')
        .selectAll()
        .where('kind', '=', 'exception')
        .where('comment', 'like', `exception #${ex.id} approved%`)
        .execute();
      expect(events.map((e) => [e.from_status, e.to_status, e.actor])).toEqual([
        ['open', 'risk_accepted', 'token:security-all'],
        ['open', 'risk_accepted', 'token:security-all'],
      ]);
      const again = await decide(admin, ex.id, 'approve');
      expect([again.status, again.json.error.message]).toEqual([409, expect.stringMatching(/is approved/)]);

      // A later complete scan keeps them accepted, and accepts a new finding the exception covers.
      await seed('life', [3, 10, 4, 24]);
      expect(await statuses('life')).toMatchObject({
        'fp-3': 'risk_accepted',
        'fp-10': 'risk_accepted',
        'fp-24': 'risk_accepted',
        'fp-4': 'open',
      });

      const revoked = await decide(sec, ex.id, 'revoke', 'the refactor was cancelled');
      expect(revoked.json).toMatchObject({ reopened: 3, exception: { status: 'revoked' } });
      expect(await statuses('life')).toMatchObject({ 'fp-3': 'open', 'fp-10': 'open', 'fp-24': 'open' });
      expect((await decide(sec, ex.id, 'revoke')).status).toBe(409);
      const audit = await s.store.db
        .selectFrom('audit_events')
        .select(['action', 'actor'])
        .where('target_type', '=', 'exception')
        .where('target_id', '=', String(ex.id))
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'exception.request', actor: 'token:developer-all' },
        { action: 'exception.approve', actor: 'token:security-all' },
        { action: 'exception.revoke', actor: 'token:security-all' },
      ]);
    });

    it('refuses self-approval with a clear conflict, and lets another person reject', async () => {
      await seed('self', [5]);
      const mine = (
        await request(sec, {
          kind: 'fingerprint',
          project: 'self',
          fingerprint: 'fp-5',
          reason,
          expiresAt: inDays(10),
        })
      ).json.exception;
      const self = await decide(sec, mine.id, 'approve');
      expect([self.status, self.json.error.code]).toEqual([409, 'conflict']);
      expect(self.json.error.message).toMatch(
        /token:security-all requested exception #\d+ and so cannot approve it/,
      );
      expect((await decide(sec, mine.id, 'reject')).status).toBe(409);
      const rejected = await decide(admin, mine.id, 'reject', 'fix it instead');
      expect(rejected.json.exception).toMatchObject({
        status: 'rejected',
        decidedBy: 'token:admin-all',
        decisionComment: 'fix it instead',
      });
      expect((await decide(admin, mine.id, 'approve')).status).toBe(409);
      expect(await statuses('self')).toEqual({ 'fp-5': 'open' });
    });

    it('reopens the findings when the expiry job runs past the date', async () => {
      await seed('expiry', [6, 7]);
      const ex = (
        await request(dev, {
          kind: 'fingerprint',
          project: 'expiry',
          fingerprint: 'fp-6',
          reason,
          expiresAt: inDays(2),
        })
      ).json.exception;
      expect((await decide(sec, ex.id, 'approve')).json.accepted).toBe(1);
      const soon = await s.call(dev, 'GET', '/api/v1/exceptions?expiringWithinDays=3');
      expect(soon.json.exceptions.map((e: { id: number }) => e.id)).toContain(ex.id);
      expect(
        (await s.call(dev, 'GET', '/api/v1/exceptions?expiringWithinDays=1')).json.exceptions.map(
          (e: { id: number }) => e.id,
        ),
      ).not.toContain(ex.id);
      expect(await expireExceptions(s.store, Date.now() + 3 * DAY_MS)).toBeGreaterThanOrEqual(1);
      expect(await statuses('expiry')).toEqual({ 'fp-6': 'open', 'fp-7': 'open' });
      expect((await s.call(dev, 'GET', `/api/v1/exceptions/${ex.id}`)).json.exception.status).toBe('expired');
    });

    it('shows project-scoped credentials their project’s exceptions only', async () => {
      await seed('mine', [8]);
      await seed('theirs', [9]);
      const scoped = await s.token('developer', 'mine');
      const ownId = (
        await request(scoped, {
          kind: 'fingerprint',
          project: 'mine',
          fingerprint: 'fp-8',
          reason,
          expiresAt: inDays(5),
        })
      ).json.exception.id;
      const otherId = (
        await request(dev, {
          kind: 'fingerprint',
          project: 'theirs',
          fingerprint: 'fp-9',
          reason,
          expiresAt: inDays(5),
        })
      ).json.exception.id;
      const globalId = (
        await request(sec, { kind: 'rule', rule: 'sast/rule-1', reason, expiresAt: inDays(5) })
      ).json.exception.id;
      const listed = (await s.call(scoped, 'GET', '/api/v1/exceptions?limit=200')).json.exceptions.map(
        (e: { id: number }) => e.id,
      );
      expect(listed).toEqual([ownId]);
      expect((await s.call(scoped, 'GET', `/api/v1/exceptions/${otherId}`)).status).toBe(404);
      expect((await s.call(scoped, 'GET', `/api/v1/exceptions/${globalId}`)).status).toBe(404);
      expect((await s.call(scoped, 'GET', '/api/v1/exceptions?project=theirs')).status).toBe(404);
      expect(
        (await request(scoped, { kind: 'fingerprint', project: 'theirs', fingerprint: 'fp-9', reason }))
          .status,
      ).toBe(404);
      expect((await request(scoped, { kind: 'fingerprint', fingerprint: 'fp-9', reason })).status).toBe(403);
      const scopedSec = await s.token('security', 'mine');
      expect((await decide(scopedSec, otherId, 'approve')).status).toBe(404);
      expect((await decide(scopedSec, ownId, 'approve')).status).toBe(200);
    });

    it('pages newest first with a keyset cursor', async () => {
      const first = await s.call(dev, 'GET', '/api/v1/exceptions?limit=2');
      expect(first.json.exceptions).toHaveLength(2);
      const second = await s.call(dev, 'GET', `/api/v1/exceptions?limit=2&after=${first.json.next}`);
      const ids = [...first.json.exceptions, ...second.json.exceptions].map((e: { id: number }) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(new Set(ids).size).toBe(4);
    });

    it('is in the OpenAPI document', async () => {
      const doc = (await s.call(undefined, 'GET', '/api/v1/openapi.json')).json;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/exceptions',
          '/api/v1/exceptions/{id}',
          '/api/v1/exceptions/{id}/approve',
        ]),
      );
      expect(
        doc.paths['/api/v1/exceptions'].post.requestBody.content['application/json'].schema.required,
      ).toEqual(['kind', 'reason']);
    });
  });
}
