import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { startReceiver } from '../../src/server/notify/test-receiver.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../src/server/testing.js';
import { ingestScan } from '../../src/store/ingest.js';
import { reportFinding, testUpload } from '../../src/store/test-upload.js';
import { backends } from '../../src/store/testing.js';
import type { UploadedComponent } from '../../src/store/upload.js';
import { type Browser, browserMissing, launchBrowser, screenshotDir } from './browser.js';
import { buildDashboard } from './dashboard-build.js';

// Webhook secrets are sealed with this key instead of one written under $HOME.
process.env.GATEHOUSE_SECRET_KEY ??= 'admin-pages-e2e-key';

const missing = browserMissing();
const DAY_MS = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);

const log4j = (version: string, artifact = 'log4j-core'): UploadedComponent => ({
  ecosystem: 'Maven',
  name: `org.apache.logging.log4j:${artifact}`,
  version,
  purl: `pkg:maven/org.apache.logging.log4j/${artifact}@${version}`,
  licenses: ['Apache-2.0'],
});

const apiFindings: Finding[] = [1, 2, 3, 4, 5].map((n) => reportFinding(n));
const webFindings: Finding[] = [6, 7].map((n) => reportFinding(n));

async function seed(s: TestServer): Promise<void> {
  const ship = (project: string, branch: string, findings: Finding[], components: UploadedComponent[]) =>
    ingestScan(s.store, testUpload(findings, { components }, project, branch), 'ci');
  await ship('api', 'main', apiFindings, [log4j('2.14.1')]);
  await ship('api', 'release', [], [log4j('2.17.1')]);
  await ship('web', 'main', webFindings, [log4j('2.16.0')]);
  await ship('batch', 'main', [], [log4j('2.14.1', 'log4j-api')]);
}

/** Signs in through the form as `email`, after dropping whoever was signed in. */
async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${url}/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${screenshotDir()}/${name}.png`, fullPage: true });

describe.skipIf(missing)('exceptions, SBOM search, audit log and settings (chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let dev: { email: string };
  let lead: { email: string };
  let admin: { email: string };
  let approvedId: number;

  beforeAll(async () => {
    const [sqlite] = await backends();
    s = await startTestServer(sqlite!, {}, { dashboardDir: await buildDashboard() });
    await seed(s);
    dev = await s.user('developer', { project: 'api', email: 'dev@test.example' });
    lead = await s.user('security', { email: 'lead@test.example' });
    admin = await s.user('admin', { email: 'admin@test.example' });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    console.log(`admin pages: screenshots in ${screenshotDir()}`);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('a security user approves a developer’s request with a comment; it moves to the history', async () => {
    const devApi = await s.signIn(dev.email);
    const asked = await devApi.call('POST', '/api/v1/exceptions', {
      kind: 'fingerprint',
      project: 'api',
      fingerprint: apiFindings[0]!.fingerprint,
      reason: 'Only reachable from the admin network; the fix ships next quarter.',
      expiresAt: inDays(30),
    });
    expect(asked.status, JSON.stringify(asked.json)).toBe(201);
    approvedId = asked.json.exception.id;
    // The lead's own request: the server refuses to let them approve it.
    const leadApi = await s.signIn(lead.email);
    const own = await leadApi.call('POST', '/api/v1/exceptions', {
      kind: 'rule',
      project: 'api',
      rule: apiFindings[1]!.ruleId,
      pathGlob: 'test/**',
      reason: 'Test code builds queries from constants only.',
      expiresAt: inDays(60),
    });
    expect(own.status, JSON.stringify(own.json)).toBe(201);
    const ownId: number = own.json.exception.id;

    await signIn(page, s.url, lead.email);
    await page.goto(`${s.url}/exceptions`);
    const row = page.getByRole('row', { name: new RegExp(apiFindings[0]!.fingerprint) });
    await row.waitFor();
    expect(await row.textContent()).toContain(dev.email);
    await shot(page, 'exceptions-pending');

    await page.getByRole('button', { name: `Decide… exception #${ownId}` }).click();
    const ownForm = page.getByRole('form', { name: `Decide exception #${ownId}` });
    await ownForm.getByLabel(/Comment/).fill('Approving my own request.');
    await ownForm.getByRole('button', { name: 'Approve' }).click();
    await expect
      .poll(() => ownForm.getByRole('alert').textContent())
      .toContain(`${lead.email} requested exception #${ownId} and so cannot approve it`);

    await page.getByRole('button', { name: `Decide… exception #${approvedId}` }).click();
    const form = page.getByRole('form', { name: `Decide exception #${approvedId}` });
    const detail = await leadApi.call('GET', `/api/v1/exceptions/${approvedId}`);
    await form.getByText(`It covers ${detail.json.findings.count} live finding(s) now.`).waitFor();
    await form.getByLabel(/Comment/).fill('Checked with the network team: compensating control in place.');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/exceptions/${approvedId}/approve`));
    await form.getByRole('button', { name: 'Approve' }).click();
    const approved = await (await answer).json();
    expect(approved.accepted).toBe(1);
    await page
      .getByRole('status')
      .filter({ hasText: `Exception #${approvedId} approved: ${approved.accepted} finding(s) now accepted` })
      .waitFor();
    await row.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'History' }).click();
    const decided = page.getByRole('row', { name: new RegExp(apiFindings[0]!.fingerprint) });
    await decided.waitFor();
    const text = await decided.textContent();
    expect(text).toContain('approved');
    expect(text).toContain(`by ${lead.email}`);
    expect(text).toContain('compensating control in place');
    await shot(page, 'exceptions-history');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'exceptions-history-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    const now = await leadApi.call('GET', `/api/v1/exceptions/${approvedId}`);
    expect(now.json.exception).toMatchObject({ status: 'approved', decidedBy: lead.email });
  }, 120_000);

  it('SBOM search finds log4j-core in two projects by name, then by version range', async () => {
    const leadApi = await s.signIn(lead.email);
    await page.goto(`${s.url}/components`);
    await page.getByLabel('Package name').fill('log4j-core');
    await page.getByRole('button', { name: 'Search' }).click();
    const byName = await leadApi.call('GET', '/api/v1/components?name=log4j-core');
    expect(
      byName.json.results.map((g: { project: string; branch: string }) => `${g.project}/${g.branch}`),
    ).toEqual(['api/main', 'api/release', 'web/main']);
    await page.getByRole('status').filter({ hasText: '2 project(s), 3 branch(es) on this page.' }).waitFor();
    for (const p of ['api', 'web'])
      expect(await page.getByRole('link', { name: p, exact: true }).getAttribute('href')).toBe(
        `/projects/${p}`,
      );

    await page.getByLabel('Version range').fill('< 2.17.0');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('status').filter({ hasText: '2 project(s), 2 branch(es) on this page.' }).waitFor();
    expect(new URL(page.url()).searchParams.get('version')).toBe('< 2.17.0');
    const ranged = await leadApi.call(
      'GET',
      `/api/v1/components?name=log4j-core&version=${encodeURIComponent('< 2.17.0')}`,
    );
    const versions = ranged.json.results.map(
      (g: { components: { version: string }[] }) => g.components[0]!.version,
    );
    expect(versions).toEqual(['2.14.1', '2.16.0']);
    const table = (await page.getByRole('table').textContent()) ?? '';
    for (const v of versions) expect(table).toContain(v);
    expect(table).not.toContain('2.17.1');
    // The search lives in the URL: a reload (or a shared link) shows the same.
    await page.reload();
    await page.getByRole('status').filter({ hasText: '2 project(s), 2 branch(es)' }).waitFor();
    expect(await page.getByLabel('Version range').inputValue()).toBe('< 2.17.0');
    await shot(page, 'sbom-search');
  }, 120_000);

  it('the audit log shows the approval, with its details as JSON', async () => {
    await page.goto(`${s.url}/audit`);
    await page.getByLabel('Action').fill('exception.approve');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/action=exception\.approve/);
    const row = page.getByRole('row', {
      name: new RegExp(`exception\\.approve exception #${approvedId}\\b`),
    });
    // The unfiltered log already holds this row, so wait for the filtered
    // answer (header + one event) rather than for the row alone.
    await expect.poll(() => page.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
    await row.waitFor();
    expect(await row.textContent()).toContain(lead.email);
    await row.getByText('Details').click();
    const json = JSON.parse((await row.locator('pre').textContent()) ?? '');
    expect(json).toMatchObject({
      findingsAccepted: 1,
      comment: 'Checked with the network team: compensating control in place.',
    });
    await shot(page, 'audit-log');
  }, 120_000);

  it('an admin creates a token that is shown once, then only its prefix', async () => {
    const adminApi = await s.signIn(admin.email);
    await signIn(page, s.url, admin.email);
    await page.goto(`${s.url}/settings?section=tokens`);
    const form = page.getByRole('form', { name: 'New API token' });
    await form.getByLabel('Name').fill('ci-e2e');
    await form.getByLabel('Role').selectOption('auditor');
    await form.getByLabel('Limited to').selectOption({ label: 'api' });
    await form.getByRole('button', { name: 'Create token' }).click();
    const once = page.getByRole('region', { name: 'Token ci-e2e' });
    const value = await once.getByLabel('Secret value').inputValue();
    const asToken = await s.call(value, 'GET', '/api/v1/projects');
    expect(asToken.status).toBe(200);
    expect(asToken.json.projects.map((p: { name: string }) => p.name)).toEqual(['api']);
    await shot(page, 'settings-token-once');

    await page.reload();
    const row = page.getByRole('row', { name: /ci-e2e/ });
    await row.waitFor();
    expect(await page.getByRole('region', { name: 'Token ci-e2e' }).count()).toBe(0);
    expect(await page.content()).not.toContain(value);
    const listed = (await adminApi.call('GET', '/api/v1/tokens')).json.tokens.find(
      (t: { name: string }) => t.name === 'ci-e2e',
    );
    expect(value.startsWith(listed.prefix)).toBe(true);
    expect(await row.textContent()).toContain(`${listed.prefix}…`);
    await shot(page, 'settings-tokens');
  }, 120_000);

  it('an admin changes the SLA policy and sees how many due dates moved', async () => {
    const adminApi = await s.signIn(admin.email);
    const open = async () =>
      (await adminApi.call('GET', '/api/v1/findings?limit=500')).json.findings as {
        id: number;
        severity: string;
        slaDueAt: string | null;
      }[];
    // The cells changed below are critical to low; info has no SLA by default.
    const withSla = (await open()).filter((f) => f.slaDueAt !== null && f.severity !== 'info');
    expect(withSla.length).toBeGreaterThan(0);

    await page.goto(`${s.url}/settings?section=sla`);
    for (const sev of ['critical', 'high', 'medium', 'low']) {
      const cell = page.getByLabel(`medium-tier projects, ${sev} findings: days to fix`);
      await cell.fill(String(Number(await cell.inputValue()) + 5));
    }
    const put = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/sla-policy') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Save policy' }).click();
    const moved: number = (await (await put).json()).dueDatesMoved;
    expect(moved).toBe(withSla.length);
    await page
      .getByRole('status')
      .filter({ hasText: `Policy saved: the due dates of ${moved} open finding(s) moved.` })
      .waitFor();
    const after = new Map((await open()).map((f) => [f.id, f.slaDueAt]));
    for (const f of withSla) expect(Date.parse(after.get(f.id)!) - Date.parse(f.slaDueAt!)).toBe(5 * DAY_MS);
    await shot(page, 'settings-sla');
  }, 120_000);

  it('an admin sees users, teams and webhooks; generated secrets are shown once', async () => {
    await page.goto(`${s.url}/settings?section=users`);
    const users = page.getByRole('form', { name: 'New user' });
    await users.getByLabel('E-mail').fill('new.analyst@test.example');
    await users.getByLabel('Role').selectOption('auditor');
    await users.getByRole('button', { name: 'Add user' }).click();
    const password = await page
      .getByRole('region', { name: 'Password for new.analyst@test.example' })
      .getByLabel('Secret value')
      .inputValue();
    const signed = await s.signIn('new.analyst@test.example', password);
    expect(signed.csrfToken).toBeTruthy();
    await page.getByRole('row', { name: /new\.analyst@test\.example/ }).waitFor();
    await shot(page, 'settings-users');

    await page.goto(`${s.url}/settings?section=teams`);
    await page.getByLabel('Team name').fill('platform');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('row', { name: /platform/ }).waitFor();
    await shot(page, 'settings-teams');

    await page.goto(`${s.url}/settings?section=webhooks`);
    const hook = page.getByRole('form', { name: 'New webhook' });
    await hook.getByLabel('Name').fill('security channel');
    await hook.getByLabel('URL').fill('https://hooks.example.com/gatehouse');
    await hook.getByLabel(/sla\.breach/).check();
    await hook.getByRole('button', { name: 'Add webhook' }).click();
    const key = await page
      .getByRole('region', { name: 'Signing secret of security channel' })
      .getByLabel('Secret value')
      .inputValue();
    expect(key.length).toBeGreaterThanOrEqual(16);
    await page.getByRole('row', { name: /security channel/ }).waitFor();
    await shot(page, 'settings-webhooks');

    // A webhook on a real receiver: "Send test" delivers a signed webhook.test now.
    const receiver = await startReceiver();
    try {
      await hook.getByLabel('Name').fill('local receiver');
      await hook.getByLabel('URL').fill(`${receiver.url}/in`);
      await hook.getByLabel(/gate\.failed/).check();
      await hook.getByRole('button', { name: 'Add webhook' }).click();
      await page.getByRole('row', { name: /local receiver/ }).waitFor();
      await page.getByRole('button', { name: 'Send a test notification to webhook local receiver' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Test notification delivered to local receiver (HTTP 200).' })
        .waitFor();
      expect(receiver.received.map((r) => [r.path, r.headers['x-gatehouse-event']])).toEqual([
        ['/in', 'webhook.test'],
      ]);
      const row = page.getByRole('row', { name: /local receiver/ });
      await row.getByText('Latest deliveries').click();
      await row.getByText(/webhook\.test.*delivered after 1 attempt/).waitFor();
    } finally {
      await receiver.close();
    }
  }, 120_000);

  it('a developer sees neither the settings nor the audit log', async () => {
    await signIn(page, s.url, dev.email);
    const nav = (await page.getByRole('navigation', { name: 'Sections' }).textContent()) ?? '';
    expect(nav).toContain('Exceptions');
    expect(nav).not.toContain('Settings');
    expect(nav).not.toContain('Audit log');
    for (const path of ['/settings', '/audit']) {
      await page.goto(`${s.url}${path}`);
      await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
      await shot(page, `not-allowed-${path.slice(1)}`);
    }
    const status = await page.evaluate(async () => (await fetch('/api/v1/audit')).status);
    expect(status).toBe(403);
  }, 120_000);
});
