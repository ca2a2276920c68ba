import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends, type TestStore } from '../../store/testing.js';
import { notifyDb } from '../notify/schema.js';
import { createWebhook } from '../notify/webhooks.js';
import { notifySlaBreaches } from './notify-sla-breaches.js';

process.env.GATEHOUSE_SECRET_KEY = 'sla-breach-test-key';

const DAY = 86_400_000;
const HOUR = 3_600_000;

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`SLA breach notifications on ${backend.name}`, () => {
    let store: TestStore;
    const t0 = Date.UTC(2026, 2, 1);
    beforeAll(async () => {
      store = await backend.open();
      await createWebhook(
        store.db,
        { url: 'http://127.0.0.1:9/', format: 'generic', events: ['sla.breach'], projectId: null },
        'test',
        t0,
      );
    });
    afterAll(async () => {
      await store?.dispose();
    });
    const outbox = () =>
      notifyDb(store.db).selectFrom('notification_outbox').selectAll().orderBy('id').execute();

    it('notifies each breach once, as its due date passes, whatever the runs', async () => {
      // An old finding already overdue long before the first run: not announced out of the blue.
      await ingestScan(
        store,
        testUpload([testFinding(0, { fingerprint: 'old' })], {}, 'sla'),
        'ci',
        t0 - 30 * DAY,
      );
      // critical (7 days) and high (30 days); the medium one gets fixed before its due date.
      const scan = [testFinding(0), testFinding(1), testFinding(2)];
      await ingestScan(
        store,
        testUpload([testFinding(0, { fingerprint: 'old' }), ...scan], {}, 'sla'),
        'ci',
        t0,
      );
      expect(await notifySlaBreaches(store, t0 + HOUR)).toBe(0);
      expect(await notifySlaBreaches(store, t0 + 7 * DAY - HOUR)).toBe(0);
      expect(await notifySlaBreaches(store, t0 + 7 * DAY + HOUR)).toBe(1);
      expect(await notifySlaBreaches(store, t0 + 7 * DAY + HOUR)).toBe(0);
      expect(await notifySlaBreaches(store, t0 + 8 * DAY)).toBe(0);
      const rows = await outbox();
      expect(rows).toHaveLength(1);
      const n = JSON.parse(rows[0]!.payload);
      expect(n).toMatchObject({
        event: 'sla.breach',
        project: { name: 'sla' },
        finding: { fingerprint: 'fp-0', severity: 'critical' },
        occurredAt: new Date(t0 + 7 * DAY).toISOString(),
      });
      expect(rows[0]).toMatchObject({ subject: `finding:${n.finding.id}`, status: 'pending' });
    });

    it('skips findings no longer open, and catches up on breaches missed while no job ran', async () => {
      await store.db
        .updateTable('findings')
        .set({ status: 'false_positive' })
        .where('fingerprint', '=', 'fp-1')
        .execute();
      await ingestScan(
        store,
        testUpload([testFinding(5, { severity: 'high' })], {}, 'sla2'),
        'ci',
        t0 + 8 * DAY,
      );
      // Nobody ran the job for 40 days: the watermark remembers where it stopped.
      expect(await notifySlaBreaches(store, t0 + 48 * DAY)).toBe(1);
      const last = (await outbox()).at(-1)!;
      expect(JSON.parse(last.payload).finding.fingerprint).toBe('fp-5');
    });

    it('stands one summary for the rest when many findings breach at once', async () => {
      const many = Array.from({ length: 53 }, (_, i) =>
        testFinding(100 + i, { severity: 'critical', fingerprint: `m-${i}` }),
      );
      const at = t0 + 60 * DAY;
      await ingestScan(store, testUpload(many, {}, 'many'), 'ci', at);
      await notifySlaBreaches(store, at + 6 * DAY);
      expect(await notifySlaBreaches(store, at + 7 * DAY + HOUR)).toBe(53);
      const rows = (await outbox()).filter((r) => JSON.parse(r.payload).project.name === 'many');
      expect(rows).toHaveLength(51);
      expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({ more: { count: 3 } });
    });
  });
}
