import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends, type TestStore } from '../../store/testing.js';
import type { SubscribableEvent } from '../notify/events.js';
import { notifyDb } from '../notify/schema.js';
import { verifySignature } from '../notify/sign.js';
import { type Answer, type Receiver, startReceiver } from '../notify/test-receiver.js';
import { createWebhook, type NewWebhook } from '../notify/webhooks.js';
import { deliverNotifications } from './deliver-notifications.js';
import { notifySlaBreaches } from './notify-sla-breaches.js';

process.env.GATEHOUSE_SECRET_KEY = 'deliver-notifications-test-key';

const MINUTE = 60_000;
const DAY = 86_400_000;
const HMAC = 'generic-hmac-key-0123456789abcdef';
const critical = (n: number) => testFinding(n, { severity: 'critical', fingerprint: `crit-${n}` });

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`webhook delivery on ${backend.name}`, () => {
    let store: TestStore;
    let receiver: Receiver | undefined;
    let now = Date.UTC(2026, 0, 1);
    let project = 0;
    beforeAll(async () => {
      store = await backend.open();
    });
    afterAll(async () => {
      await store?.dispose();
    });
    beforeEach(() => {
      now += 30 * DAY;
      project++;
    });
    afterEach(async () => {
      // One receiver per test; its webhooks are deleted so the next test starts clean.
      await receiver?.close();
      await notifyDb(store.db).updateTable('webhooks').set({ deleted_at: now }).execute();
      await notifyDb(store.db).updateTable('notification_outbox').set({ status: 'cancelled' }).execute();
    });

    async function hookTo(answers: Answer[], over: Partial<NewWebhook> = {}, path = '/hook') {
      receiver = await startReceiver(answers);
      const events: SubscribableEvent[] = ['finding.new_critical', 'gate.failed'];
      const w = {
        url: `${receiver.url}${path}`,
        format: 'generic' as const,
        events,
        projectId: null,
        ...over,
      };
      return (await createWebhook(store.db, w, 'test', now)).view;
    }
    const name = () => `p${project}`;
    const upload = (findings = [critical(1)], over = {}) =>
      ingestScan(store, testUpload(findings, over, name()), 'ci', now);
    const outbox = () =>
      notifyDb(store.db).selectFrom('notification_outbox').selectAll().orderBy('id').execute();
    const pending = async () => (await outbox()).filter((r) => r.status === 'pending');

    it('signs generic deliveries; a receiver verifies them; each notification is sent once', async () => {
      await hookTo([{ status: 204 }], { secret: HMAC });
      await upload([critical(1), testFinding(2, { severity: 'high' })], { gateVerdict: 'fail' });
      expect(await deliverNotifications(store, { now, baseUrl: 'https://gh.example.com' })).toEqual({
        delivered: 2,
        retry: 0,
        failed: 0,
        cancelled: 0,
      });
      const got = receiver!.received;
      expect(got.map((r) => r.headers['x-gatehouse-event']).sort()).toEqual([
        'finding.new_critical',
        'gate.failed',
      ]);
      for (const r of got) {
        const headers = {
          signature: r.headers['x-gatehouse-signature'] as string,
          timestamp: r.headers['x-gatehouse-timestamp'] as string,
        };
        expect(verifySignature(HMAC, headers, r.body)).toBe(true);
        expect(verifySignature('another-key-0123456789', headers, r.body)).toBe(false);
        expect(r.headers['x-gatehouse-delivery']).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.headers['content-type']).toContain('application/json');
      }
      const finding = JSON.parse(
        got.find((r) => r.headers['x-gatehouse-event'] === 'finding.new_critical')!.body,
      );
      expect(finding).toMatchObject({
        event: 'finding.new_critical',
        project: { name: name() },
        finding: { severity: 'critical', fingerprint: 'crit-1', path: 'src/file-1.ts' },
      });
      expect(finding.url).toBe(`https://gh.example.com/findings/${finding.finding.id}`);
      const gate = JSON.parse(got.find((r) => r.headers['x-gatehouse-event'] === 'gate.failed')!.body);
      expect(gate).toMatchObject({ scan: { gateVerdict: 'fail', findings: 2, new: 2 } });
      expect(gate.url).toBe(`https://gh.example.com/scans/${gate.scan.id}`);

      // Again: nothing is due. Seen again in a later scan: not new, nothing enqueued.
      expect((await deliverNotifications(store, { now })).delivered).toBe(0);
      now += DAY;
      await upload([critical(1)]);
      expect(await pending()).toEqual([]);
      expect(receiver!.received).toHaveLength(2);
    });

    it('sends Slack incoming-webhook messages: text and blocks', async () => {
      await hookTo([{ status: 200, body: 'ok' }], { format: 'slack' }, '/services/T1/B1/XYZ');
      await upload([critical(3)]);
      await deliverNotifications(store, { now });
      const [got] = receiver!.received;
      expect(got!.path).toBe('/services/T1/B1/XYZ');
      expect(got!.headers['x-gatehouse-signature']).toBeUndefined();
      const body = JSON.parse(got!.body);
      expect(body.text).toBe(`New critical finding in ${name()}: Problem 3`);
      expect(body.blocks[0]).toEqual({
        type: 'header',
        text: { type: 'plain_text', text: body.text, emoji: false },
      });
      expect(body.blocks[1].fields).toContainEqual({ type: 'mrkdwn', text: '*Severity*\ncritical' });
    });

    it('opens one Jira issue per finding, remembers its key, and never opens a second', async () => {
      const issue = { status: 201, body: JSON.stringify({ id: '10001', key: 'SEC-7', self: 'x' }) };
      const hook = await hookTo(
        [issue],
        {
          format: 'jira',
          events: ['finding.new_critical', 'sla.breach'],
          jira: {
            projectKey: 'SEC',
            issueType: 'Task',
            labels: ['appsec'],
            auth: { type: 'basic', user: 'bot@example.com', token: 'jira-token-0123' },
          },
        },
        '',
      );
      await upload([critical(4)]);
      await deliverNotifications(store, { now });
      expect(receiver!.received).toHaveLength(1);
      const [got] = receiver!.received;
      expect(got).toMatchObject({ method: 'POST', path: '/rest/api/2/issue' });
      expect(got!.headers.authorization).toBe(
        `Basic ${Buffer.from('bot@example.com:jira-token-0123').toString('base64')}`,
      );
      expect(JSON.parse(got!.body).fields).toMatchObject({
        project: { key: 'SEC' },
        issuetype: { name: 'Task' },
        labels: ['appsec', 'gatehouse', 'gatehouse-finding-new_critical'],
      });
      // Seven days later the same finding breaches its SLA: the notification is delivered
      // without a second issue.
      const breachAt = now + 7 * DAY + MINUTE;
      await notifySlaBreaches(store, now + 7 * DAY - MINUTE);
      await notifySlaBreaches(store, breachAt);
      expect((await pending()).map((r) => r.event)).toEqual(['sla.breach']);
      await deliverNotifications(store, { now: breachAt });
      expect(receiver!.received).toHaveLength(1);
      expect((await outbox()).filter((r) => r.webhook_id === hook.id).map((r) => r.status)).toEqual([
        'delivered',
        'delivered',
      ]);
      const issues = await notifyDb(store.db).selectFrom('webhook_issues').selectAll().execute();
      expect(issues).toMatchObject([{ webhook_id: hook.id, issue_key: 'SEC-7' }]);
      const findingId = Number(issues[0]!.subject.split(':')[1]);
      const notes = await store.db
        .selectFrom('finding_events')
        .select(['kind', 'comment', 'actor'])
        .where('finding_id', '=', findingId)
        .where('kind', '=', 'comment')
        .execute();
      expect(notes).toEqual([
        { kind: 'comment', actor: 'gatehouse', comment: `Jira issue SEC-7 opened (webhook #${hook.id})` },
      ]);
    });

    it('retries after a failure with backoff, with the same delivery id, until it succeeds', async () => {
      await hookTo([{ status: 500, body: 'try later' }, { status: 200 }]);
      await upload([critical(5)]);
      expect((await deliverNotifications(store, { now })).retry).toBe(1);
      const [row] = await pending();
      expect(row).toMatchObject({
        attempts: 1,
        next_attempt_at: now + MINUTE,
        last_status: 500,
        last_error: 'HTTP 500: try later',
      });
      expect((await deliverNotifications(store, { now: now + 30_000 })).delivered).toBe(0);
      expect((await deliverNotifications(store, { now: now + MINUTE })).delivered).toBe(1);
      const [first, second] = receiver!.received;
      expect(second!.headers['x-gatehouse-delivery']).toBe(first!.headers['x-gatehouse-delivery']);
      expect((await outbox()).at(-1)).toMatchObject({ status: 'delivered', attempts: 2, last_error: null });
    });

    it('gives up after N attempts and records why, in the outbox and the audit log', async () => {
      const hook = await hookTo([{ status: 502, body: 'bad gateway' }]);
      await upload([critical(6)]);
      const at = [now, now + MINUTE, now + 3 * MINUTE];
      const outcomes = [];
      for (const t of at) outcomes.push(await deliverNotifications(store, { now: t, maxAttempts: 3 }));
      expect(outcomes.map((o) => o.retry)).toEqual([1, 1, 0]);
      expect(outcomes[2]!.failed).toBe(1);
      expect(await deliverNotifications(store, { now: now + DAY, maxAttempts: 3 })).toMatchObject({
        failed: 0,
      });
      expect(receiver!.received).toHaveLength(3);
      expect((await outbox()).at(-1)).toMatchObject({
        status: 'failed',
        attempts: 3,
        last_error: 'HTTP 502: bad gateway',
      });
      const audit = await store.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'webhook.delivery_failed')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ target_id: String(hook.id), actor: 'gatehouse' });
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ attempts: 3, lastError: 'HTTP 502: bad gateway' });
    });

    it('times out a receiver that does not answer, and keeps credentials out of recorded errors', async () => {
      await hookTo([{ status: 0, hang: true }]);
      await upload([critical(7)]);
      expect((await deliverNotifications(store, { now, timeoutMs: 200 })).retry).toBe(1);
      expect((await pending())[0]!.last_error).toBe('timed out');
      await receiver!.close();
      await notifyDb(store.db).updateTable('webhooks').set({ deleted_at: now }).execute();

      // A Jira answering with the credential it was sent: the recorded error has *** instead.
      const token = 'echoed-jira-token-0123';
      await hookTo(
        [{ status: 401, body: `bad credentials: ${token}` }],
        {
          format: 'jira',
          jira: { projectKey: 'SEC', issueType: 'Bug', labels: [], auth: { type: 'bearer', token } },
        },
        '',
      );
      now += DAY;
      await upload([critical(8)]);
      await deliverNotifications(store, { now });
      const errors = (await outbox()).map((r) => r.last_error ?? '');
      expect(errors.at(-1)).toBe('HTTP 401: bad credentials: ***');
      expect(await notifyDb(store.db).selectFrom('webhook_issues').selectAll().execute()).toHaveLength(1);
    });

    it('cancels the pending deliveries of a deleted webhook', async () => {
      await hookTo([{ status: 200 }]);
      await upload([critical(9)]);
      await notifyDb(store.db).updateTable('webhooks').set({ deleted_at: now }).execute();
      expect((await deliverNotifications(store, { now })).cancelled).toBe(1);
      expect(receiver!.received).toHaveLength(0);
    });
  });
}
