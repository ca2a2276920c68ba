import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { DAY_MS } from '../../store/sla.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`finding triage API on ${backend.name}`, () => {
    let s: TestServer;
    let sec: string;
    let dev: string;
    let auditor: string;
    let ci: string;
    const id = new Map<string, number>();
    const first = Date.now() - 40 * DAY_MS;

    beforeAll(async () => {
      s = await startTestServer(backend);
      // fp-0 critical … fp-4 info, fp-5 critical, …; fp-9..11 are left out of the second scan: fixed.
      await ingestScan(
        s.store,
        testUpload(
          Array.from({ length: 12 }, (_, n) => testFinding(n)),
          {},
          'tri',
        ),
        'ci',
        first,
      );
      await ingestScan(
        s.store,
        testUpload(
          Array.from({ length: 9 }, (_, n) => testFinding(n)),
          {},
          'tri',
        ),
        'ci',
        first + DAY_MS,
      );
      await ingestScan(
        s.store,
        testUpload(
          [20, 21, 22].map((n) => testFinding(n)),
          {},
          'other',
        ),
        'ci',
      );
      const rows = await s.store.db
        .selectFrom('findings')
        .innerJoin('projects', 'projects.id', 'findings.project_id')
        .select(['findings.id', 'findings.fingerprint', 'projects.name'])
        .execute();
      for (const r of rows) id.set(`${r.name}/${r.fingerprint}`, r.id);
      [sec, dev, auditor, ci] = await Promise.all([
        s.token('security'),
        s.token('developer', 'tri'),
        s.token('auditor'),
        s.token('ci'),
      ]);
    });
    afterAll(async () => s?.close());

    const fid = (n: number, project = 'tri') => id.get(`${project}/fp-${n}`)!;
    const patch = (token: string, n: number, body: unknown, project = 'tri') =>
      s.call(token, 'PATCH', `/api/v1/findings/${fid(n, project)}`, body);
    const bulk = (token: string, body: unknown) => s.call(token, 'POST', '/api/v1/findings/bulk', body);
    const show = async (n: number, project = 'tri') =>
      (await s.call(sec, 'GET', `/api/v1/findings/${fid(n, project)}`)).json;
    const audit = async (action: string) =>
      (await s.call(sec, 'GET', `/api/v1/audit?action=${action}&limit=500`)).json.events;

    it('moves a finding between the triage states, recording who, when and why', async () => {
      const steps: [string, string | undefined][] = [
        ['confirmed', 'reproduced on staging'],
        ['in_progress', undefined],
        ['closed', 'the endpoint was removed'],
        ['open', 'it is back'],
        ['false_positive', 'input is a constant'],
        ['confirmed', 'it is not, after all'],
        ['open', undefined],
      ];
      let from = 'open';
      for (const [status, comment] of steps) {
        const r = await patch(dev, 1, { status, ...(comment ? { comment } : {}) });
        expect([r.status, r.json.finding?.status, r.json.changed], status).toEqual([200, status, true]);
        // Closed and false positive are resolved by a person: the metrics count them from closedAt.
        expect(r.json.finding.closedAt === null, status).toBe(
          status !== 'closed' && status !== 'false_positive',
        );
        const last = (await show(1)).history.at(-1);
        expect(last).toMatchObject({
          kind: 'status',
          actor: 'token:developer-tri',
          from,
          to: status,
          comment: comment ?? null,
          scanId: null,
        });
        from = status;
      }
      const events = (await audit('finding.triage')).filter(
        (e: { targetId: string }) => e.targetId === String(fid(1)),
      );
      expect(events).toHaveLength(steps.length);
      expect(events[0]).toMatchObject({
        actor: 'token:developer-tri',
        targetType: 'finding',
        project: 'tri',
        detail: { status: { from: 'confirmed', to: 'open' } },
      });
      expect(events.at(-1).detail).toEqual({
        status: { from: 'open', to: 'confirmed' },
        comment: 'reproduced on staging',
      });
    });

    it('needs a comment to call something a false positive', async () => {
      for (const body of [{ status: 'false_positive' }, { status: 'false_positive', comment: '   ' }]) {
        const r = await patch(dev, 2, body);
        expect([r.status, r.json.error.code], JSON.stringify(body)).toEqual([400, 'bad_request']);
      }
      expect((await show(2)).finding.status).toBe('open');
    });

    it('leaves risk_accepted to exceptions and fixed to scans (409)', async () => {
      const accepted = await patch(sec, 2, { status: 'risk_accepted', comment: 'fine' });
      expect([accepted.status, accepted.json.error.code]).toEqual([409, 'conflict']);
      expect(accepted.json.error.message).toMatch(/POST \/api\/v1\/exceptions/);
      const fixed = await patch(sec, 2, { status: 'fixed' });
      expect([fixed.status, fixed.json.error.code, fixed.json.error.message]).toEqual([
        409,
        'conflict',
        expect.stringMatching(/scans only/),
      ]);
      // fp-9 was fixed by the second scan: triage cannot move it, but may comment on it.
      expect((await show(9)).finding.status).toBe('fixed');
      const move = await patch(sec, 9, { status: 'closed' });
      expect([move.status, move.json.error.message]).toEqual([409, expect.stringMatching(/is fixed/)]);
      const note = await patch(sec, 9, { comment: 'fixed by PR 42' });
      expect([note.status, note.json.changed, note.json.finding.status]).toEqual([200, false, 'fixed']);
      expect((await show(9)).history.at(-1)).toMatchObject({
        kind: 'comment',
        from: null,
        to: null,
        comment: 'fixed by PR 42',
      });
    });

    it('adds a comment alone as a comment event and a finding.comment audit event', async () => {
      const r = await patch(dev, 3, { comment: 'looking into it' });
      expect([r.status, r.json.changed, r.json.finding.status]).toEqual([200, false, 'open']);
      expect((await show(3)).history.at(-1)).toMatchObject({
        kind: 'comment',
        actor: 'token:developer-tri',
        comment: 'looking into it',
      });
      const events = await audit('finding.comment');
      expect(events.find((e: { targetId: string }) => e.targetId === String(fid(3)))?.detail).toEqual({
        comment: 'looking into it',
      });
    });

    it('changes the severity and moves the SLA due date with it', async () => {
      // fp-7 is medium (90 days from first seen); critical gives 7 days.
      const r = await patch(sec, 7, { severity: 'critical', comment: 'reachable from the internet' });
      expect([r.status, r.json.changed, r.json.finding.severity]).toEqual([200, true, 'critical']);
      expect(Date.parse(r.json.finding.slaDueAt)).toBe(first + 7 * DAY_MS);
      expect(r.json.finding.sla).toBe('overdue');
      expect((await show(7)).history.at(-1)).toMatchObject({
        kind: 'severity',
        from: 'medium',
        to: 'critical',
        comment: 'reachable from the internet',
      });
      const critical = await s.call(sec, 'GET', '/api/v1/findings?severity=critical&project=tri&limit=500');
      expect(critical.json.findings.map((f: { id: number }) => f.id)).toContain(fid(7));
    });

    it('changes nothing for the status a finding already has', async () => {
      const before = (await show(4)).history.length;
      const r = await patch(dev, 4, { status: 'open' });
      expect([r.status, r.json.changed]).toEqual([200, false]);
      expect((await show(4)).history).toHaveLength(before);
    });

    it('refuses malformed bodies with 400', async () => {
      const cases: unknown[] = [
        {},
        { status: 'gone' },
        { severity: 'urgent' },
        { comment: '' },
        { status: 'open', extra: 1 },
        { comment: 'x'.repeat(4001) },
      ];
      for (const body of cases) {
        const r = await patch(sec, 5, body);
        expect([r.status, r.json.error.code], JSON.stringify(body)).toEqual([400, 'bad_request']);
      }
      const notJson = await s.call(sec, 'PATCH', `/api/v1/findings/${fid(5)}`, 'nope', {
        'content-type': 'application/json',
      });
      expect(notJson.status).toBe(400);
      expect((await s.call(sec, 'PATCH', '/api/v1/findings/987654', { status: 'open' })).status).toBe(404);
    });

    it('triages many findings at once, each with its history and audit event', async () => {
      const ids = [3, 4, 8].map((n) => fid(n));
      const r = await bulk(sec, { ids, status: 'in_progress', comment: 'sprint 12' });
      expect([r.status, r.json.changed.sort(), r.json.unchanged]).toEqual([200, [...ids].sort(), []]);
      for (const n of [3, 4, 8])
        expect((await show(n)).history.at(-1)).toMatchObject({
          kind: 'status',
          from: 'open',
          to: 'in_progress',
          comment: 'sprint 12',
        });
      const events = (await audit('finding.triage')).filter(
        (e: { detail: { bulk?: boolean } }) => e.detail.bulk,
      );
      expect(events.map((e: { targetId: string }) => Number(e.targetId)).sort()).toEqual([...ids].sort());
      const again = await bulk(sec, { ids, status: 'in_progress' });
      expect([again.json.changed, again.json.unchanged.length]).toEqual([[], 3]);
    });

    it('is all or nothing: one finding that cannot move, or does not exist, fails the whole request', async () => {
      const before = await Promise.all([0, 5, 6].map(async (n) => (await show(n)).history.length));
      const fixed = await bulk(sec, { ids: [fid(0), fid(5), fid(9)], status: 'closed', comment: 'cleanup' });
      expect([fixed.status, fixed.json.error.code]).toEqual([409, 'conflict']);
      const unknown = await bulk(sec, { ids: [fid(0), 987654], status: 'closed' });
      expect([unknown.status, unknown.json.error.code, unknown.json.error.message]).toEqual([
        404,
        'not_found',
        'no finding 987654',
      ]);
      for (const [i, n] of [0, 5, 6].entries()) {
        const d = await show(n);
        expect(d.finding.status).toBe('open');
        expect(d.history).toHaveLength(before[i]!);
      }
      for (const body of [
        { ids: [] },
        { ids: Array.from({ length: 1001 }, (_, i) => i + 1), status: 'open' },
        { ids: [fid(0)], severity: 'low' },
        { ids: ['x'] },
      ])
        expect((await bulk(sec, body)).status, JSON.stringify(body).slice(0, 40)).toBe(400);
    });

    it('keeps a project-scoped developer inside their project', async () => {
      const one = await patch(dev, 20, { status: 'confirmed' }, 'other');
      expect([one.status, one.json.error.code]).toEqual([404, 'not_found']);
      const many = await bulk(dev, { ids: [fid(6), fid(21, 'other')], status: 'confirmed' });
      expect([many.status, many.json.error.code]).toEqual([404, 'not_found']);
      expect(many.json.error.message).toBe(`no finding ${fid(21, 'other')}`);
      expect((await show(6)).finding.status).toBe('open');
      expect((await show(21, 'other')).finding.status).toBe('open');
    });

    it('lets only triaging roles triage', async () => {
      for (const token of [auditor, ci]) {
        const one = await patch(token, 6, { status: 'confirmed' });
        expect([one.status, one.json.error.code]).toEqual([403, 'forbidden']);
        const many = await bulk(token, { ids: [fid(6)], status: 'confirmed' });
        expect([many.status, many.json.error.code]).toEqual([403, 'forbidden']);
      }
      expect((await show(6)).finding.status).toBe('open');
    });
  });
}
