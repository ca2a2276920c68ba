import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../store/testing.js';
import { notifyDb } from '../notify/schema.js';
import { verifySignature } from '../notify/sign.js';
import { startReceiver } from '../notify/test-receiver.js';
import { startTestServer, type TestServer } from '../testing.js';

process.env.GATEHOUSE_SECRET_KEY = 'webhook-routes-test-key';

const SLACK_URL = 'https://hooks.slack.com/services/T0001/B0001/SLACKPATHSECRET';
const HMAC = 'generic-hmac-key-SECRET-0123456789';
const JIRA_TOKEN = 'jira-api-token-SECRET';
const SECRETS = ['SLACKPATHSECRET', HMAC, JIRA_TOKEN, 'whsec_'];

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`webhook routes on ${backend.name}`, () => {
    let server: TestServer;
    let admin: string;
    beforeAll(async () => {
      server = await startTestServer(backend);
      admin = await server.token('admin');
      await server.token('developer', 'alpha');
      await server.token('developer', 'beta');
    });
    afterAll(async () => {
      await server?.close();
    });

    const create = (token: string, body: unknown) => server.call(token, 'POST', '/api/v1/webhooks', body);

    it('creates webhooks of each format; a generated HMAC key is shown once, secrets never', async () => {
      const generated = await create(admin, { url: 'http://127.0.0.1:9/hook', events: ['gate.failed'] });
      expect(generated.status).toBe(201);
      expect(generated.json.secret).toMatch(/^whsec_[\w-]{40,}$/);
      expect(generated.json.webhook).toMatchObject({ format: 'generic', signed: true, project: null });
      const given = await create(admin, {
        url: 'https://ci.example.com/hooks/gatehouse?token=QUERYSECRET',
        events: ['finding.new_critical', 'sla.breach'],
        secret: HMAC,
        project: 'alpha',
        name: 'ci',
      });
      expect(given.status).toBe(201);
      expect(given.json.secret).toBeUndefined();
      expect(given.json.webhook).toMatchObject({
        url: 'https://ci.example.com/hooks/***?***',
        project: 'alpha',
      });
      const slack = await create(admin, { url: SLACK_URL, format: 'slack', events: ['gate.failed'] });
      expect(slack.json.webhook).toMatchObject({
        url: 'https://hooks.slack.com/services/***',
        signed: false,
      });
      const jira = await create(admin, {
        url: 'https://acme.atlassian.net',
        format: 'jira',
        events: ['finding.new_critical'],
        jira: { projectKey: 'SEC', auth: { type: 'bearer', token: JIRA_TOKEN } },
      });
      expect(jira.status).toBe(201);
      expect(jira.json.webhook.jira).toEqual({
        projectKey: 'SEC',
        issueType: 'Bug',
        labels: [],
        auth: 'bearer',
      });
      const list = await server.call(admin, 'GET', '/api/v1/webhooks');
      expect(list.json.webhooks).toHaveLength(4);
      expect(list.json.webhooks[0].deliveries).toEqual({ pending: 0, delivered: 0, failed: 0, cancelled: 0 });
      for (const answer of [given, slack, jira, list]) {
        const text = JSON.stringify(answer.json);
        for (const s of [...SECRETS, 'QUERYSECRET']) expect(text).not.toContain(s);
      }
    });

    it('keeps no secret in the clear: not in the table, not in the audit log', async () => {
      const rows = await notifyDb(server.store.db).selectFrom('webhooks').selectAll().execute();
      const audit = await server.store.db.selectFrom('audit_events').selectAll().execute();
      expect(audit.filter((a) => a.action === 'webhook.create')).toHaveLength(4);
      for (const text of [JSON.stringify(rows), JSON.stringify(audit)])
        for (const s of [...SECRETS.slice(0, 3), 'QUERYSECRET']) expect(text).not.toContain(s);
    });

    it('refuses bad webhooks with a 400 that says what is wrong', async () => {
      const bad = async (body: unknown, path: RegExp) => {
        const r = await create(admin, body);
        expect(r.status).toBe(400);
        expect(r.json.error.code).toBe('bad_request');
        expect(r.json.error.message).toMatch(path);
      };
      await bad({ url: 'ftp://example.com', events: ['gate.failed'] }, /body\.url/);
      await bad({ url: 'https://example.com', events: ['finding.new_low'] }, /body\.events/);
      await bad({ url: 'https://example.com', events: [] }, /body\.events/);
      await bad({ url: 'https://example.com', format: 'jira', events: ['gate.failed'] }, /body\.jira/);
      await bad(
        { url: 'https://example.com', format: 'slack', events: ['gate.failed'], secret: HMAC },
        /body\.secret/,
      );
      await bad({ url: 'https://example.com', events: ['gate.failed'], secret: 'short' }, /body\.secret/);
    });

    it('is for admins only; a project-scoped admin sees and changes its project only', async () => {
      const security = await server.token('security');
      expect((await server.call(security, 'GET', '/api/v1/webhooks')).status).toBe(403);
      expect((await create(security, { url: 'https://x.example.com', events: ['gate.failed'] })).status).toBe(
        403,
      );
      const scoped = await server.token('admin', 'alpha');
      expect((await create(scoped, { url: 'https://x.example.com', events: ['gate.failed'] })).status).toBe(
        403,
      );
      const other = await create(scoped, {
        url: 'https://x.example.com',
        events: ['gate.failed'],
        project: 'beta',
      });
      expect(other.status).toBe(404);
      const own = await create(scoped, {
        url: 'https://x.example.com',
        events: ['gate.failed'],
        project: 'alpha',
      });
      expect(own.status).toBe(201);
      const list = await server.call(scoped, 'GET', '/api/v1/webhooks');
      expect(list.json.webhooks.map((w: { project: string }) => w.project)).toEqual(['alpha', 'alpha']);
      const global = (await server.call(admin, 'GET', '/api/v1/webhooks')).json.webhooks[0];
      expect((await server.call(scoped, 'DELETE', `/api/v1/webhooks/${global.id}`)).status).toBe(404);
      expect((await server.call(scoped, 'GET', `/api/v1/webhooks/${global.id}/deliveries`)).status).toBe(404);
    });

    it('deletes a webhook: gone from the list, its secrets erased', async () => {
      const before = (await server.call(admin, 'GET', '/api/v1/webhooks')).json.webhooks;
      const jira = before.find((w: { format: string }) => w.format === 'jira');
      const r = await server.call(admin, 'DELETE', `/api/v1/webhooks/${jira.id}`);
      expect(r.json).toEqual({ deleted: true, id: jira.id });
      expect((await server.call(admin, 'DELETE', `/api/v1/webhooks/${jira.id}`)).status).toBe(404);
      const after = (await server.call(admin, 'GET', '/api/v1/webhooks')).json.webhooks;
      expect(after.map((w: { id: number }) => w.id)).not.toContain(jira.id);
      const row = await notifyDb(server.store.db)
        .selectFrom('webhooks')
        .selectAll()
        .where('id', '=', jira.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ secret_sealed: null, jira_auth_sealed: null });
      expect(row.deleted_at).not.toBeNull();
    });

    it('lists the deliveries of a webhook and describes the routes in the OpenAPI document', async () => {
      const hook = (await server.call(admin, 'GET', '/api/v1/webhooks')).json.webhooks[0];
      const r = await server.call(admin, 'GET', `/api/v1/webhooks/${hook.id}/deliveries?status=failed`);
      expect(r).toMatchObject({ status: 200, json: { deliveries: [] } });
      const doc = (await server.call(undefined, 'GET', '/api/v1/openapi.json')).json;
      expect(doc.paths['/api/v1/webhooks'].post['x-gatehouse-permission']).toBe('admin');
      expect(doc.paths['/api/v1/webhooks/{id}'].delete).toBeDefined();
      expect(doc.paths['/api/v1/webhooks/{id}/deliveries'].get).toBeDefined();
    });

    it('sends a signed test notification now, records it, and says why one failed', async () => {
      const receiver = await startReceiver([
        { status: 200, body: 'ok' },
        { status: 500, body: `echo ${HMAC}` },
      ]);
      try {
        const made = await create(admin, {
          url: `${receiver.url}/hook`,
          events: ['gate.failed'],
          secret: HMAC,
        });
        const id = made.json.webhook.id;
        const ok = await server.call(admin, 'POST', `/api/v1/webhooks/${id}/test`);
        expect(ok.status, JSON.stringify(ok.json)).toBe(200);
        expect(ok.json).toMatchObject({ status: 'delivered', httpStatus: 200, error: null });
        const got = receiver.received[0]!;
        expect(got.headers['x-gatehouse-event']).toBe('webhook.test');
        expect(got.headers['x-gatehouse-delivery']).toBe(ok.json.delivery);
        const signed = {
          signature: String(got.headers['x-gatehouse-signature']),
          timestamp: String(got.headers['x-gatehouse-timestamp']),
        };
        expect(verifySignature(HMAC, signed, got.body)).toBe(true);
        expect(JSON.parse(got.body)).toMatchObject({ event: 'webhook.test', project: null });

        const bad = await server.call(admin, 'POST', `/api/v1/webhooks/${id}/test`);
        expect(bad.json).toMatchObject({ status: 'failed', httpStatus: 500 });
        expect(bad.json.error).toContain('HTTP 500');
        expect(bad.json.error).not.toContain(HMAC);
        const listed = await server.call(admin, 'GET', `/api/v1/webhooks/${id}/deliveries`);
        expect(
          listed.json.deliveries.map((d: { event: string; status: string }) => [d.event, d.status]),
        ).toEqual([
          ['webhook.test', 'failed'],
          ['webhook.test', 'delivered'],
        ]);
        // Already finished: the delivery job has nothing of it left to send.
        expect(receiver.received).toHaveLength(2);
      } finally {
        await receiver.close();
      }
    });

    it('tests only webhooks the credential administers', async () => {
      const made = await create(admin, {
        url: 'http://127.0.0.1:9/x',
        events: ['gate.failed'],
        project: 'beta',
      });
      const alpha = await server.token('admin', 'alpha');
      const r = await server.call(alpha, 'POST', `/api/v1/webhooks/${made.json.webhook.id}/test`);
      expect(r.status).toBe(404);
      const dev = await server.token('developer');
      expect((await server.call(dev, 'POST', `/api/v1/webhooks/${made.json.webhook.id}/test`)).status).toBe(
        403,
      );
      expect((await server.call(admin, 'POST', '/api/v1/webhooks/999999/test')).status).toBe(404);
    });
  });
}
