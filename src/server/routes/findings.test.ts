import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_SORTS } from '../../store/findings-cursor.js';
import type { FindingFilter } from '../../store/findings-filter.js';
import { DAY_MS } from '../../store/sla.js';
import {
  ALL_STATES,
  allFindingRows,
  expectedRows,
  OPEN_STATES,
  type Row,
  seedFindingSet,
  sortedRows,
  textRanks,
} from '../../store/test-findings.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`findings API on ${backend.name}`, () => {
    let s: TestServer;
    let now: number;
    let rows: Row[];
    let ranks: Map<string, number>;
    let admin: string;
    let devAlpha: string;
    let ci: string;
    let auditor: string;
    const pid = new Map<string, number>();

    beforeAll(async () => {
      s = await startTestServer(backend);
      ({ now } = await seedFindingSet(s.store));
      rows = await allFindingRows(s.store);
      ranks = await textRanks(s.store);
      for (const p of await s.store.db.selectFrom('projects').select(['id', 'name']).execute())
        pid.set(p.name, p.id);
      [admin, devAlpha, ci, auditor] = await Promise.all([
        s.token('admin'),
        s.token('developer', 'alpha'),
        s.token('ci'),
        s.token('auditor'),
      ]);
    });
    afterAll(async () => s?.close());

    const get = (token: string | undefined, path: string) => s.call(token, 'GET', `/api/v1${path}`);
    const sortedIds = (xs: { id: number }[]) => xs.map((x) => x.id).sort((a, b) => a - b);
    /** Every page of a list, following `next`. */
    async function pages(token: string, qs: string, limit = 5): Promise<number[]> {
      const out: number[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 200; i++) {
        const r = await get(token, `/findings?${qs}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.status, JSON.stringify(r.json)).toBe(200);
        out.push(...r.json.findings.map((f: { id: number }) => f.id));
        cursor = r.json.next;
        if (!cursor) return out;
      }
      throw new Error('no end');
    }

    it('lists open findings worst first, then newest, with project names, ISO times and SLA states', async () => {
      const r = await get(admin, '/findings?limit=500');
      expect(r.status).toBe(200);
      const want = sortedRows(
        expectedRows(rows, { statuses: OPEN_STATES }, now),
        { key: 'severity', order: 'desc' },
        ranks,
      );
      expect(r.json.findings.map((f: { id: number }) => f.id)).toEqual(want.map((w) => w.id));
      expect(r.json.next).toBeNull();
      const critical = r.json.findings.find(
        (f: { rule: string; severity: string; project: string }) =>
          f.project === 'alpha' && f.severity === 'critical',
      );
      expect(critical).toMatchObject({
        project: 'alpha',
        projectId: pid.get('alpha'),
        scanner: expect.any(String),
        status: expect.stringMatching(/^(open|confirmed|in_progress)$/),
        firstSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        sla: expect.stringMatching(/^(overdue|due_soon)$/),
      });
      expect(critical).not.toHaveProperty('data');
    });

    const filterCases: [string, () => FindingFilter][] = [
      ['project=alpha', () => ({ statuses: OPEN_STATES, projectIds: [pid.get('alpha')!] })],
      [
        'project=alpha,beta&status=all',
        () => ({ statuses: ALL_STATES, projectIds: [pid.get('alpha')!, pid.get('beta')!] }),
      ],
      [
        'project=alpha&project=beta',
        () => ({ statuses: OPEN_STATES, projectIds: [pid.get('alpha')!, pid.get('beta')!] }),
      ],
      ['scanner=secrets&status=all', () => ({ statuses: ALL_STATES, scanners: ['secrets'] })],
      ['severity=critical,high', () => ({ statuses: OPEN_STATES, severityRanks: [4, 3] })],
      ['severity=low&severity=info&status=all', () => ({ statuses: ALL_STATES, severityRanks: [1, 0] })],
      ['status=false_positive,closed', () => ({ statuses: ['false_positive', 'closed'] })],
      ['status=fixed', () => ({ statuses: ['fixed'] })],
      ['status=risk_accepted', () => ({ statuses: ['risk_accepted'] })],
      ['status=all', () => ({ statuses: ALL_STATES })],
      [
        'rule=sast/rule-2,secrets/aws-key',
        () => ({ statuses: OPEN_STATES, rules: ['sast/rule-2', 'secrets/aws-key'] }),
      ],
      ['text=PROBLEM%2014&status=all', () => ({ statuses: ALL_STATES, text: 'PROBLEM 14' })],
      ['text=100%25', () => ({ statuses: OPEN_STATES, text: '100%' })],
      ['text=file-7.ts', () => ({ statuses: OPEN_STATES, text: 'file-7.ts' })],
      ['sla=overdue', () => ({ statuses: OPEN_STATES, sla: 'overdue' })],
      ['sla=due_soon', () => ({ statuses: OPEN_STATES, sla: 'due_soon' })],
      ['sla=ok', () => ({ statuses: OPEN_STATES, sla: 'ok' })],
      ['sla=none&status=all', () => ({ statuses: ALL_STATES, sla: 'none' })],
    ];
    for (const [qs, filter] of filterCases)
      it(`filters ${qs}, and counts the same`, async () => {
        const want = expectedRows(rows, filter(), now);
        expect(want.length).toBeGreaterThan(0);
        const r = await get(admin, `/findings?${qs}&limit=500`);
        expect(r.status, JSON.stringify(r.json)).toBe(200);
        expect(sortedIds(r.json.findings)).toEqual(sortedIds(want));
        const c = await get(admin, `/findings/count?${qs}`);
        expect(c.json.total).toBe(want.length);
      });

    it('filters by first-seen dates (a date to is the whole day) and date-times', async () => {
      const tenDaysAgo = now - 10 * DAY_MS;
      const byDay = await get(
        admin,
        `/findings?status=all&firstSeenFrom=${day(tenDaysAgo)}&firstSeenTo=${day(tenDaysAgo)}&limit=500`,
      );
      const start = Date.parse(day(tenDaysAgo));
      const want = expectedRows(
        rows,
        { statuses: ALL_STATES, firstSeenFrom: start, firstSeenTo: start + DAY_MS - 1 },
        now,
      );
      expect(want.length).toBeGreaterThan(0);
      expect(sortedIds(byDay.json.findings)).toEqual(sortedIds(want));
      const since = new Date(now - 5 * DAY_MS).toISOString();
      const recent = await get(admin, `/findings?status=all&firstSeenFrom=${since}&limit=500`);
      expect(sortedIds(recent.json.findings)).toEqual(
        sortedIds(expectedRows(rows, { statuses: ALL_STATES, firstSeenFrom: now - 5 * DAY_MS }, now)),
      );
      const before = await get(
        admin,
        `/findings?status=all&firstSeenTo=${encodeURIComponent(new Date(now - 5 * DAY_MS).toISOString().replace('Z', '+00:00'))}&limit=500`,
      );
      expect(sortedIds(before.json.findings)).toEqual(
        sortedIds(expectedRows(rows, { statuses: ALL_STATES, firstSeenTo: now - 5 * DAY_MS }, now)),
      );
    });

    for (const key of FINDING_SORTS)
      for (const order of ['asc', 'desc'] as const)
        it(`pages by ${key} ${order}: every finding exactly once, in order, ties broken by id`, async () => {
          const want = sortedRows(
            expectedRows(rows, { statuses: ALL_STATES }, now),
            { key, order },
            ranks,
          ).map((r) => r.id);
          expect(await pages(admin, `status=all&sort=${key}&order=${order}`)).toEqual(want);
        });

    it('pages a filtered list (one project, two severities) the same way', async () => {
      const f: FindingFilter = {
        statuses: ALL_STATES,
        projectIds: [pid.get('alpha')!],
        severityRanks: [4, 2],
      };
      const want = sortedRows(expectedRows(rows, f, now), { key: 'severity', order: 'desc' }, ranks).map(
        (r) => r.id,
      );
      expect(await pages(admin, 'status=all&project=alpha&severity=critical,medium', 3)).toEqual(want);
    });

    it('counts per status', async () => {
      const r = await get(admin, '/findings/count?status=all&project=beta');
      const want: Record<string, number> = {};
      for (const row of expectedRows(rows, { statuses: ALL_STATES, projectIds: [pid.get('beta')!] }, now))
        want[row.status] = (want[row.status] ?? 0) + 1;
      expect(r.json).toEqual({ total: 53, byStatus: want });
    });

    it('shows one finding with what the scanner reported, its history and where it was seen', async () => {
      const row = rows.find((r) => r.project_id === pid.get('alpha') && r.fingerprint === 'fp-40')!;
      const r = await get(admin, `/findings/${row.id}`);
      expect(r.status).toBe(200);
      expect(r.json.finding).toMatchObject({
        id: row.id,
        project: 'alpha',
        fingerprint: 'fp-40',
        title: 'Problem 40',
        location: { path: 'src/file-40.ts', startLine: 41 },
        cwe: ['CWE-89'],
        remediation: 'Fix it.',
        sla: expect.any(String),
      });
      expect(r.json.history[0]).toMatchObject({
        kind: 'created',
        actor: 'ci',
        from: null,
        to: 'open',
        scanId: expect.any(Number),
      });
      expect(r.json.occurrences).toHaveLength(2);
      expect(r.json.occurrences[0].scanId).toBeGreaterThan(r.json.occurrences[1].scanId);
      expect(r.json.occurrences[0]).toMatchObject({
        branch: 'main',
        commit: 'abc123',
        path: 'src/file-40.ts',
        line: 41,
      });
      const fixed = rows.find((r) => r.project_id === pid.get('alpha') && r.fingerprint === 'fp-5')!;
      const f = await get(admin, `/findings/${fixed.id}`);
      expect(f.json.finding.status).toBe('fixed');
      expect(f.json.history.map((e: { kind: string }) => e.kind)).toEqual(['created', 'fixed']);
      expect((await get(admin, '/findings/999999')).status).toBe(404);
    });

    it('shows a project-scoped developer only their project: list, count, one finding', async () => {
      const all = await pages(devAlpha, 'status=all', 100);
      expect(sortedIds(all.map((id) => ({ id })))).toEqual(
        sortedIds(rows.filter((r) => r.project_id === pid.get('alpha'))),
      );
      const beta = await get(devAlpha, '/findings?project=beta');
      expect([beta.status, beta.json.error.code, beta.json.error.message]).toEqual([
        404,
        'not_found',
        'no project named beta',
      ]);
      const mixed = await get(devAlpha, '/findings?project=alpha,beta');
      expect(mixed.status).toBe(404);
      expect((await get(devAlpha, '/findings/count?project=beta')).status).toBe(404);
      const count = await get(devAlpha, '/findings/count?status=all');
      expect(count.json.total).toBe(rows.filter((r) => r.project_id === pid.get('alpha')).length);
      const betaRow = rows.find((r) => r.project_id === pid.get('beta'))!;
      const one = await get(devAlpha, `/findings/${betaRow.id}`);
      expect([one.status, one.json.error.code]).toEqual([404, 'not_found']);
      const text = await get(devAlpha, '/findings?status=all&text=Literal&limit=500');
      expect(text.json.findings).toEqual([]);
    });

    it('answers 404 for a project nobody has', async () => {
      const r = await get(admin, '/findings?project=nope');
      expect([r.status, r.json.error.code]).toEqual([404, 'not_found']);
    });

    it('refuses malformed requests with 400 bad_request and says which parameter', async () => {
      const first = await get(admin, '/findings?limit=2');
      const cursor = first.json.next as string;
      const cases: [string, RegExp][] = [
        ['/findings?sort=bogus', /query\.sort/],
        ['/findings?order=up', /query\.order/],
        ['/findings?severity=urgent', /query\.severity/],
        ['/findings?status=gone', /query\.status/],
        ['/findings?limit=0', /query\.limit/],
        ['/findings?limit=501', /query\.limit/],
        ['/findings?limit=ten', /query\.limit/],
        ['/findings?firstSeenFrom=yesterday', /query\.firstSeenFrom/],
        ['/findings?firstSeenFrom=2026-13-45', /query\.firstSeenFrom/],
        ['/findings?firstSeenTo=2026-01-01T10:00:00', /query\.firstSeenTo/],
        ['/findings?text=', /query\.text/],
        ['/findings?text=a%01b', /query\.text/],
        ['/findings?sla=late', /query\.sla/],
        ['/findings?cursor=garbage', /query\.cursor/],
        [`/findings?cursor=${cursor}&sort=path`, /query\.cursor/],
        [`/findings?cursor=${cursor}&order=asc`, /query\.cursor/],
        [
          `/findings?cursor=${Buffer.from('{"s":"severity","o":"desc","v":"x","i":1}').toString('base64url')}`,
          /query\.cursor/,
        ],
        ['/findings/count?severity=urgent', /query\.severity/],
        ['/findings/abc', /path\.id/],
        ['/findings/0', /path\.id/],
      ];
      for (const [path, message] of cases) {
        const r = await get(admin, path);
        expect([r.status, r.json.error?.code, r.json.error?.message], path).toEqual([
          400,
          'bad_request',
          expect.stringMatching(message),
        ]);
      }
      const next = await get(admin, `/findings?limit=2&cursor=${cursor}`);
      expect(next.status).toBe(200);
    });

    it('lets only roles that read findings read them', async () => {
      for (const path of ['/findings', '/findings/count', `/findings/${rows[0]!.id}`]) {
        const r = await get(ci, path);
        expect([r.status, r.json.error.code], path).toEqual([403, 'forbidden']);
        expect((await get(undefined, path)).status).toBe(401);
        expect((await get(auditor, path)).status).toBe(200);
      }
    });

    it('describes the routes in the OpenAPI document', async () => {
      const doc = (await get(undefined, '/openapi.json')).json;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/findings',
          '/api/v1/findings/count',
          '/api/v1/findings/{id}',
          '/api/v1/findings/bulk',
        ]),
      );
      const params = doc.paths['/api/v1/findings'].get.parameters.map((p: { name: string }) => p.name);
      expect(params).toEqual(
        expect.arrayContaining([
          'project',
          'scanner',
          'severity',
          'status',
          'rule',
          'text',
          'firstSeenFrom',
          'firstSeenTo',
          'sla',
          'sort',
          'order',
          'cursor',
          'limit',
        ]),
      );
      expect(doc.paths['/api/v1/findings/{id}'].patch['x-gatehouse-permission']).toBe('triage');
      // Either credential: a pipeline's token, or the dashboard's session cookie.
      expect(doc.paths['/api/v1/findings'].get.security).toEqual([{ bearer: [] }, { session: [] }]);
      expect(doc.components.securitySchemes.session).toMatchObject({
        type: 'apiKey',
        in: 'cookie',
        name: 'gatehouse_session',
      });
    });
  });
}
