import { describe, expect, it } from 'vitest';
import type { Notification } from '../events.js';
import { verifySignature } from '../sign.js';
import type { LiveWebhook } from '../webhooks.js';
import { FORMATS } from './index.js';

const notification: Notification = {
  event: 'finding.new_critical',
  occurredAt: '2026-01-01T00:00:00.000Z',
  project: { id: 1, name: 'web' },
  finding: {
    id: 12,
    title: 'SQL <injection> & more',
    severity: 'critical',
    status: 'open',
    ruleId: 'sast/sqli',
    scanner: 'sast',
    path: 'src/db.ts',
    line: 40,
    fingerprint: 'fp-12',
    advisoryId: null,
    package: null,
    firstSeenAt: '2026-01-01T00:00:00.000Z',
    slaDueAt: '2026-01-08T00:00:00.000Z',
  },
  path: '/findings/12',
};

const hook = (over: Partial<LiveWebhook>): LiveWebhook => ({
  id: 1,
  format: 'generic',
  url: 'http://127.0.0.1:9/hook',
  secret: null,
  jira: null,
  ...over,
});

const input = (h: LiveWebhook) => ({
  hook: h,
  deliveryId: 'd-1',
  notification,
  baseUrl: 'https://gatehouse.example.com/',
  now: 1_767_225_600_000,
});

describe('webhook formats', () => {
  it('generic: the documented JSON, signed over timestamp and body', () => {
    const r = FORMATS.generic(input(hook({ secret: 'k'.repeat(32) })));
    const body = JSON.parse(r.body);
    expect(body).toMatchObject({
      event: 'finding.new_critical',
      project: { name: 'web' },
      finding: { id: 12 },
      url: 'https://gatehouse.example.com/findings/12',
    });
    expect(body.path).toBeUndefined();
    expect(r.headers).toMatchObject({
      'x-gatehouse-event': 'finding.new_critical',
      'x-gatehouse-delivery': 'd-1',
    });
    const headers = {
      signature: r.headers['x-gatehouse-signature'],
      timestamp: r.headers['x-gatehouse-timestamp'],
    };
    expect(verifySignature('k'.repeat(32), headers, r.body, 1_767_225_600)).toBe(true);
  });

  it('slack: text and blocks, Slack control characters escaped, a link back', () => {
    const r = FORMATS.slack(input(hook({ format: 'slack' })));
    const body = JSON.parse(r.body);
    expect(body.text).toContain('SQL &lt;injection&gt; &amp; more');
    expect(body.blocks.map((b: { type: string }) => b.type)).toEqual(['header', 'section', 'context']);
    expect(body.blocks[1].fields.length).toBeLessThanOrEqual(10);
    expect(body.blocks[2].elements[0].text).toBe(
      '<https://gatehouse.example.com/findings/12|Open in Gatehouse>',
    );
    expect(r.headers['x-gatehouse-signature']).toBeUndefined();
  });

  it('jira: a REST v2 issue with project, type, labels, priority by severity, and basic auth', () => {
    const jira = {
      projectKey: 'SEC',
      issueType: 'Bug',
      labels: ['appsec'],
      priority: { critical: 'Highest' },
      auth: { type: 'basic' as const, user: 'bot@example.com', token: 'tok' },
    };
    const r = FORMATS.jira(input(hook({ format: 'jira', url: 'https://acme.atlassian.net/', jira })));
    expect(r.url).toBe('https://acme.atlassian.net/rest/api/2/issue');
    expect(r.headers.authorization).toBe(`Basic ${Buffer.from('bot@example.com:tok').toString('base64')}`);
    const { fields } = JSON.parse(r.body);
    expect(fields).toMatchObject({
      project: { key: 'SEC' },
      issuetype: { name: 'Bug' },
      priority: { name: 'Highest' },
      labels: ['appsec', 'gatehouse', 'gatehouse-finding-new_critical'],
    });
    expect(fields.summary).toBe('New critical finding in web: SQL <injection> & more');
    expect(fields.description).toContain('[Open in Gatehouse|https://gatehouse.example.com/findings/12]');
  });
});
