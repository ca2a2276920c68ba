import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, dueDates, seedSlaScenario } from '../../store/test-sla.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

const DEFAULT_DAYS = { critical: 7, high: 30, medium: 90, low: 180, info: 365 };
const DEFAULTS = {
  critical: DEFAULT_DAYS,
  high: DEFAULT_DAYS,
  medium: DEFAULT_DAYS,
  low: DEFAULT_DAYS,
};
/** Shorter critical and high days for the medium tier, no SLA for its info findings; high tier's critical: 5. */
const CHANGED = {
  ...DEFAULTS,
  high: { ...DEFAULT_DAYS, critical: 5 },
  medium: { critical: 2, high: 20, medium: 90, low: 180 },
};

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`SLA policy API on ${backend.name}`, () => {
    let s: TestServer;
    let admin: string;
    beforeAll(async () => {
      s = await startTestServer(backend);
      admin = await s.token('admin');
      await seedSlaScenario(s.store, 'web');
      await seedSlaScenario(s.store, 'payments');
      // Same days in both tiers: only the reopened finding moves, back to its first detection's clock.
      const r = await s.call(admin, 'PATCH', '/api/v1/projects/payments', { tier: 'high' });
      expect(r.json.dueDatesMoved).toBe(1);
    });
    afterAll(async () => s?.close());

    const put = (token: string, body: unknown) => s.call(token, 'PUT', '/api/v1/sla-policy', body);
    const state = async () => ({
      policy: (await s.call(admin, 'GET', '/api/v1/sla-policy')).json,
      web: await dueDates(s.store, 'web'),
      payments: await dueDates(s.store, 'payments'),
      audits: (
        await s.store.db
          .selectFrom('audit_events')
          .select(['actor', 'target_type', 'detail'])
          .where('action', '=', 'sla_policy.update')
          .orderBy('id')
          .execute()
      ).map((a) => ({ ...a, detail: JSON.parse(a.detail) })),
    });
    /** Due dates that no policy change may touch: fixed, false positive, accepted. */
    const resolved = {
      'fixed-high': day(30),
      'false-positive-high': day(30),
      'accepted-critical': day(7),
    };

    it('answers the default policy to every reader', async () => {
      const r = await s.call(await s.token('developer', 'web'), 'GET', '/api/v1/sla-policy');
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ days: DEFAULTS, restartOnReopen: false });
      expect((await s.call(await s.token('ci'), 'GET', '/api/v1/sla-policy')).status).toBe(403);
    });

    it('refuses incomplete or out-of-range tables and changes nothing', async () => {
      const before = await state();
      const cases: [unknown, RegExp][] = [
        [{ days: { ...DEFAULTS, urgent: DEFAULT_DAYS }, restartOnReopen: false }, /urgent/],
        [
          { days: { ...DEFAULTS, low: { ...DEFAULT_DAYS, high: 0 } }, restartOnReopen: false },
          /body\.days\.low\.high/,
        ],
        [
          { days: { ...DEFAULTS, low: { ...DEFAULT_DAYS, info: 3651 } }, restartOnReopen: false },
          /body\.days\.low\.info/,
        ],
        [
          { days: { ...DEFAULTS, high: { ...DEFAULT_DAYS, medium: 1.5 } }, restartOnReopen: false },
          /body\.days\.high\.medium/,
        ],
        [
          { days: { ...DEFAULTS, medium: { critical: 7, high: 30, low: 180 } }, restartOnReopen: false },
          /body\.days\.medium\.medium/,
        ],
        [{ days: { ...DEFAULTS, medium: { ...DEFAULT_DAYS, severe: 3 } }, restartOnReopen: false }, /severe/],
        [
          {
            days: { critical: DEFAULT_DAYS, high: DEFAULT_DAYS, medium: DEFAULT_DAYS },
            restartOnReopen: false,
          },
          /body\.days\.low/,
        ],
        [{ days: DEFAULTS }, /body\.restartOnReopen/],
        [{ days: DEFAULTS, restartOnReopen: 'yes' }, /body\.restartOnReopen/],
      ];
      for (const [body, message] of cases) {
        const r = await put(admin, { ...(body as object) });
        expect([r.status, r.json.error?.code, r.json.error?.message], JSON.stringify(body)).toEqual([
          400,
          'bad_request',
          expect.stringMatching(message),
        ]);
      }
      expect(await state()).toEqual(before);
    });

    it('lets only admins of every project replace it', async () => {
      const before = await state();
      for (const role of ['security', 'developer', 'auditor', 'ci'] as const) {
        const r = await put(await s.token(role), { days: CHANGED, restartOnReopen: true });
        expect([role, r.status]).toEqual([role, 403]);
      }
      const scoped = await put(await s.token('admin', 'web'), { days: CHANGED, restartOnReopen: true });
      expect([scoped.status, scoped.json.error.message]).toEqual([
        403,
        expect.stringMatching(/project-scoped/),
      ]);
      expect(await state()).toEqual(before);
    });

    it('recomputes the open findings of every project, from first detection, then from the last reopen', async () => {
      const before = await state();
      const r = await put(admin, { days: CHANGED, restartOnReopen: false });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json).toEqual({ days: CHANGED, restartOnReopen: false, dueDatesMoved: 6 });
      const after = await state();
      expect(after.web).toEqual({
        'open-critical': day(2),
        'open-high': day(20),
        'confirmed-medium': day(90),
        'progress-low': day(180),
        'open-info': null,
        // Ingest had restarted its clock at the reopen (day 10); the default counts from day 0.
        'reopened-critical': day(2),
        ...resolved,
      });
      expect(after.payments).toEqual({
        ...before.payments,
        'open-critical': day(5),
        'reopened-critical': day(5),
      });
      expect(after.policy).toEqual({ days: CHANGED, restartOnReopen: false });
      expect(after.audits).toEqual([
        {
          actor: 'token:admin-all',
          target_type: 'sla_policy',
          detail: {
            before: { days: DEFAULTS, restartOnReopen: false },
            after: { days: CHANGED, restartOnReopen: false },
            dueDatesMoved: 6,
          },
        },
      ]);

      const restart = await put(admin, { days: CHANGED, restartOnReopen: true });
      expect(restart.json.dueDatesMoved).toBe(2);
      expect(await dueDates(s.store, 'web')).toEqual({ ...after.web, 'reopened-critical': day(12) });
      expect(await dueDates(s.store, 'payments')).toEqual({
        ...after.payments,
        'reopened-critical': day(15),
      });
      const audits = (await state()).audits;
      expect(audits.at(-1)!.detail).toEqual({
        before: { days: CHANGED, restartOnReopen: false },
        after: { days: CHANGED, restartOnReopen: true },
        dueDatesMoved: 2,
      });

      const same = await put(admin, { days: CHANGED, restartOnReopen: true });
      expect(same.json.dueDatesMoved).toBe(0);
      expect((await state()).audits).toHaveLength(audits.length);
    });
  });
}
