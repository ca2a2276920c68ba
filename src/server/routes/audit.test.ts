import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { DAY_MS } from '../../store/sla.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

interface Event {
  id: number;
  at: string;
  actor: string;
  action: string;
  project: string | null;
  detail: Record<string, unknown>;
}

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`audit API on ${backend.name}`, () => {
    let s: TestServer;
    let auditor: string;
    let scopedAuditor: string;
    const t0 = Date.UTC(2026, 2, 1, 12);

    beforeAll(async () => {
      s = await startTestServer(backend);
      for (let i = 0; i < 6; i++)
        await ingestScan(
          s.store,
          testUpload([testFinding(i)], {}, i % 2 ? 'north' : 'south'),
          `token:ci-${i % 3}`,
          t0 + i * DAY_MS,
        );
      [auditor, scopedAuditor] = await Promise.all([s.token('auditor'), s.token('auditor', 'north')]);
      const sec = await s.token('security');
      const finding = await s.store.db
        .selectFrom('findings')
        .select('id')
        .where('fingerprint', '=', 'fp-4')
        .executeTakeFirstOrThrow();
      const triaged = await s.call(sec, 'PATCH', `/api/v1/findings/${finding.id}`, {
        status: 'confirmed',
        comment: 'seen it',
      });
      expect(triaged.status).toBe(200);
    });
    afterAll(async () => s?.close());

    const get = (token: string | undefined, qs: string) => s.call(token, 'GET', `/api/v1/audit?${qs}`);
    async function all(token: string, qs: string, limit = 2): Promise<Event[]> {
      const out: Event[] = [];
      let cursor: string | null = null;
      do {
        const r = await get(token, `${qs}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.status, JSON.stringify(r.json)).toBe(200);
        out.push(...r.json.events);
        cursor = r.json.next;
      } while (cursor);
      return out;
    }

    it('lists the log newest first with its detail parsed, a page at a time', async () => {
      const whole = (await get(auditor, 'limit=500')).json.events as Event[];
      expect(whole.length).toBe(6 + 3 + 1); // ingests, tokens, one triage
      const ids = whole.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(whole[0]).toMatchObject({
        action: 'finding.triage',
        actor: 'token:security-all',
        targetType: 'finding',
        project: 'south',
        detail: { status: { from: 'open', to: 'confirmed' }, comment: 'seen it' },
      });
      const ingest = whole.find((e) => e.action === 'scan.ingest')!;
      expect(ingest.detail).toMatchObject({ duplicate: false, findings: 1, new: 1 });
      expect(await all(auditor, 'x=1')).toEqual(whole);
    });

    it('filters by actor, action, project and time', async () => {
      const byActor = await all(auditor, 'actor=token:ci-1');
      expect(byActor.map((e) => e.at)).toEqual([
        new Date(t0 + 4 * DAY_MS).toISOString(),
        new Date(t0 + DAY_MS).toISOString(),
      ]);
      const tokens = await all(auditor, 'action=token.create');
      expect(tokens.map((e) => e.project)).toEqual([null, 'north', null]);
      const north = await all(auditor, 'project=north&action=scan.ingest');
      expect(north).toHaveLength(3);
      expect(north.every((e) => e.project === 'north')).toBe(true);
      const window = await all(
        auditor,
        `action=scan.ingest&from=${new Date(t0 + DAY_MS).toISOString()}&to=${new Date(t0 + 3 * DAY_MS).toISOString().slice(0, 10)}`,
      );
      expect(window.map((e) => Date.parse(e.at))).toEqual([t0 + 3 * DAY_MS, t0 + 2 * DAY_MS, t0 + DAY_MS]);
    });

    it('filters by target: every event of one finding, or of one kind of target', async () => {
      const finding = await s.store.db
        .selectFrom('findings')
        .select('id')
        .where('fingerprint', '=', 'fp-4')
        .executeTakeFirstOrThrow();
      const events = await all(auditor, `targetType=finding&targetId=${finding.id}`);
      expect(events.map((e) => [e.action, e.detail.comment])).toEqual([['finding.triage', 'seen it']]);
      // Another finding's id, or the same id as a scan: not this finding's events.
      expect(await all(auditor, `targetType=finding&targetId=${finding.id + 1000}`)).toEqual([]);
      const scans = await all(auditor, 'targetType=scan');
      expect(scans).toHaveLength(6);
      expect(scans.every((e) => e.action === 'scan.ingest')).toBe(true);
    });

    it('shows a project-scoped auditor only that project', async () => {
      const events = await all(scopedAuditor, 'x=1');
      expect(events.length).toBe(4); // three ingests and its own token
      expect(events.every((e) => e.project === 'north')).toBe(true);
      const other = await get(scopedAuditor, 'project=south');
      expect([other.status, other.json.error.code]).toEqual([404, 'not_found']);
    });

    it('is for roles that read the audit log only, and validates its parameters', async () => {
      for (const role of ['developer', 'ci'] as const) {
        const r = await get(await s.token(role), 'limit=5');
        expect([r.status, r.json.error.code]).toEqual([403, 'forbidden']);
      }
      expect((await get(undefined, '')).status).toBe(401);
      for (const qs of [
        'cursor=nope',
        `cursor=${Buffer.from('{"i":-1}').toString('base64url')}`,
        'from=monday',
        'limit=0',
        'limit=501',
        'targetId=7',
        'targetType=Finding',
      ]) {
        const r = await get(auditor, qs);
        expect([r.status, r.json.error.code], qs).toEqual([400, 'bad_request']);
      }
    });
  });
}
