import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends, type TestStore } from '../../store/testing.js';
import { enqueueScanNotifications } from './produce-scan.js';
import { notifyDb } from './schema.js';
import { createWebhook } from './webhooks.js';

process.env.GATEHOUSE_SECRET_KEY = 'produce-scan-test-key';

const critical = (n: number) => testFinding(n, { severity: 'critical', fingerprint: `c-${n}` });

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`scan notifications on ${backend.name}`, () => {
    let store: TestStore;
    let now = Date.UTC(2026, 4, 1);
    let all: number;
    let onlyB: number;
    beforeAll(async () => {
      store = await backend.open();
      await store.db
        .insertInto('projects')
        .values({
          name: 'b',
          repository: null,
          default_branch: 'main',
          tier: 'medium',
          team_id: null,
          created_at: now,
        })
        .execute();
      const b = await store.db
        .selectFrom('projects')
        .select('id')
        .where('name', '=', 'b')
        .executeTakeFirstOrThrow();
      const hook = { url: 'http://127.0.0.1:9/', format: 'generic' as const };
      all = (
        await createWebhook(
          store.db,
          { ...hook, events: ['finding.new_critical'], projectId: null },
          't',
          now,
        )
      ).view.id;
      onlyB = (
        await createWebhook(
          store.db,
          { ...hook, events: ['finding.new_high', 'gate.failed'], projectId: b.id },
          't',
          now,
        )
      ).view.id;
    });
    afterAll(async () => {
      await store?.dispose();
    });
    const outbox = () =>
      notifyDb(store.db).selectFrom('notification_outbox').selectAll().orderBy('id').execute();
    const ingest = (findings: ReturnType<typeof testFinding>[], project: string, over = {}) => {
      now += 1000;
      return ingestScan(store, testUpload(findings, over, project), 'ci', now);
    };

    it('enqueues in the ingest transaction, for the webhooks in scope and the events they want', async () => {
      await ingest([critical(1), testFinding(2, { severity: 'high' })], 'a', { gateVerdict: 'fail' });
      await ingest([critical(3), testFinding(4, { severity: 'high', fingerprint: 'h-4' })], 'b', {
        gateVerdict: 'fail',
      });
      const rows = await outbox();
      const summary = rows.map((r) => `${r.webhook_id === all ? 'all' : 'b'} ${r.event}`);
      expect(summary.sort()).toEqual([
        'all finding.new_critical',
        'all finding.new_critical',
        'b finding.new_high',
        'b gate.failed',
      ]);
      expect(rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
      expect(onlyB).toBeGreaterThan(all);
    });

    it('does not announce findings an approved exception accepted on arrival', async () => {
      await store.db
        .insertInto('exceptions')
        .values({
          kind: 'fingerprint',
          project_id: null,
          team_id: null,
          fingerprint: 'c-9',
          rule_id: null,
          path_glob: null,
          advisory_id: null,
          package_name: null,
          reason: 'accepted',
          requested_by: 'dev',
          requested_at: now,
          status: 'approved',
          decided_by: 'lead',
          decided_at: now,
          decision_comment: null,
          expires_at: now + 86_400_000,
        })
        .execute();
      const before = (await outbox()).length;
      await ingest([critical(9)], 'a');
      expect((await outbox()).length).toBe(before);
    });

    it('caps one scan at 50 findings per event and webhook, plus one summary of the rest', async () => {
      const before = (await outbox()).length;
      await ingest(
        Array.from({ length: 60 }, (_, i) => critical(100 + i)),
        'big',
      );
      const rows = (await outbox()).slice(before);
      expect(rows).toHaveLength(51);
      expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({
        event: 'finding.new_critical',
        more: { count: 10 },
      });
      expect(rows.at(-1)!.subject).toMatch(/^scan:\d+$/);
    });

    it('leaves nothing behind when the transaction that caused it rolls back', async () => {
      const before = (await outbox()).length;
      const r = await ingest([critical(200)], 'a');
      await store.db
        .transaction()
        .execute(async (trx) => {
          await notifyDb(trx).deleteFrom('notification_outbox').execute();
          await enqueueScanNotifications(trx, { projectId: r.projectId, scanId: r.scanId, now });
          throw new Error('crash');
        })
        .catch(() => {});
      expect((await outbox()).length).toBe(before + 1);
    });
  });
}
