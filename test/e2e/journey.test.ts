import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../src/server/testing.js';
import { DAY_MS } from '../../src/store/sla.js';
import { backends } from '../../src/store/testing.js';
import { type CliRun, gatehouseAsync } from '../cli.js';
import { type Browser, browserMissing, launchBrowser, screenshotDir } from './browser.js';
import { buildDashboard } from './dashboard-build.js';

const missing = browserMissing();
const EXAMPLES = join(import.meta.dirname, '../../examples');

interface Listed {
  id: number;
  project: string;
  scanner: string;
  severity: string;
  title: string;
  status: string;
}

async function signIn(page: Page, url: string, email: string) {
  await page.context().clearCookies();
  await page.goto(`${url}/findings`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Ids of the rows the findings table shows, in its order. */
const idsOnPage = (page: Page) =>
  page
    .locator('table.findings-table tbody tr td.finding-title a')
    .evaluateAll((links) => links.map((a) => Number(a.getAttribute('href')!.split('/').pop())));

/**
 * What a team does on its first day, end to end with nothing faked: the CLI scans two example
 * projects and uploads them to a real server on loopback, a security lead triages in chromium
 * (a false positive, the rest in bulk, an exception for a dependency), a second lead approves
 * the exception, `gatehouse gate --server` turns from fail to pass, the SBOM search answers
 * "who ships werkzeug", and a developer of the other project sees none of it.
 */
describe.skipIf(missing)('the journey from a CLI upload to a passing server gate (chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let cache: string;
  let ciToken: string;
  let readToken: string;
  const lead = { email: 'lead@journey.example' };
  const approver = { email: 'approver@journey.example' };
  const dev = { email: 'dev@journey.example' };

  const cli = (args: string[]): Promise<CliRun> =>
    gatehouseAsync(args, { env: { GATEHOUSE_CACHE_DIR: cache, GATEHOUSE_TOKEN: ciToken } });
  const list = async (query: string): Promise<Listed[]> => {
    const r = await s.call(readToken, 'GET', `/api/v1/findings?limit=200&${query}`);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json.findings;
  };
  const gate = () => cli(['gate', '--server', s.url, '--project', 'billing', '--branch', 'main']);
  const shot = (name: string) => page.screenshot({ path: join(screenshotDir(), `journey-${name}.png`) });

  beforeAll(async () => {
    const [sqlite] = await backends();
    s = await startTestServer(sqlite!, {}, { dashboardDir: await buildDashboard() });
    cache = mkdtempSync(join(tmpdir(), 'gatehouse-journey-'));
    ciToken = await s.token('ci');
    readToken = await s.token('security');
    await s.user('security', lead);
    await s.user('security', approver);
    await s.user('developer', { ...dev, project: 'orders' });
    const imported = await cli(['db', 'import', '--strict', join(EXAMPLES, 'demo-advisories')]);
    expect(imported.code, imported.stderr).toBe(0);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('dialog', (d) => {
      throw new Error(`the page opened a dialog: ${d.message()}`);
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    if (cache) rmSync(cache, { recursive: true, force: true });
  });

  it('uploads two example projects with `gatehouse scan --upload`; the server gate fails billing', async () => {
    for (const [example, project] of [
      ['python-billing', 'billing'],
      ['java-orders', 'orders'],
    ] as const) {
      const r = await cli([
        'scan',
        join(EXAMPLES, example),
        '--scanners',
        'secrets,sca,sast',
        '--format',
        'json',
        '--upload',
        s.url,
        '--project',
        project,
        '--branch',
        'main',
        '--commit',
        `${project}-c1`,
      ]);
      // The local gate fails on what the examples contain; the upload happened anyway.
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`uploaded: ${s.url}/scans/\\d+ \\(\\d+ new, 0 fixed\\)`));
      expect((await list(`project=${project}`)).length).toBe(JSON.parse(r.stdout).findings.length);
      const bom = await cli(['sbom', join(EXAMPLES, example), '--upload', s.url, '--project', project]);
      expect(bom.code, bom.stderr).toBe(0);
      expect(bom.stderr).toMatch(new RegExp(`uploaded: ${s.url}/scans/\\d+`));
    }
    const billing = await list('project=billing');
    expect(new Set(billing.map((f) => f.scanner))).toEqual(new Set(['secrets', 'sca', 'sast']));
    const before = await gate();
    expect(before.code, before.stderr).toBe(1);
    expect(before.stdout).toContain('Gate: FAIL — project billing');
  }, 300_000);

  it('a lead finds billing’s findings in the dashboard as the API lists them', async () => {
    const components = await s.call(readToken, 'GET', '/api/v1/components?name=werkzeug');
    expect(components.json.results.map((c: { project: string }) => c.project)).toEqual(['billing']);
    await signIn(page, s.url, lead.email);
    await page.goto(`${s.url}/findings?project=billing&sort=severity`);
    const want = (await list('project=billing&sort=severity')).map((f) => f.id);
    await expect.poll(() => idsOnPage(page), { timeout: 30_000 }).toEqual(want);
    expect(await page.title()).toBe('Findings · Gatehouse');
    await shot('findings');
  }, 120_000);

  it('marks the SQL finding false positive, and the fake credentials in bulk', async () => {
    const sql = (await list('project=billing&scanner=sast')).find((f) => f.title.startsWith('SQL query'));
    expect(sql).toBeDefined();
    await page.goto(`${s.url}/findings/${sql!.id}`);
    await page.getByRole('heading', { level: 1, name: sql!.title }).waitFor();
    await expect.poll(() => page.title()).toBe(`${sql!.title} (#${sql!.id}) · Gatehouse`);
    await page.getByLabel('New status').selectOption('false_positive');
    await page.getByLabel('Comment (required)').fill('Reviewed: the query only ever sees our own config.');
    await page.getByRole('button', { name: 'Set status' }).click();
    await page.getByText('Status set to false positive.').waitFor();

    const secrets = await list('project=billing&scanner=secrets');
    expect(secrets.length).toBe(2);
    await page.goto(`${s.url}/findings?project=billing&scanner=secrets`);
    await expect.poll(() => idsOnPage(page), { timeout: 30_000 }).toEqual(secrets.map((f) => f.id));
    for (const f of secrets) await page.getByLabel(`Select finding ${f.id}: ${f.title}`).check();
    await page.getByText('2 findings selected').waitFor();
    await page.getByLabel('Set status').selectOption('false_positive');
    await page
      .getByLabel('Comment (required)')
      .fill('Fake credentials in demo code: right format, grant nothing.');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('2 findings set to false positive.').waitFor();
    for (const f of [sql!, ...secrets]) {
      const d = await s.call(readToken, 'GET', `/api/v1/findings/${f.id}`);
      expect(d.json.finding.status).toBe('false_positive');
      expect(d.json.history.at(-1)).toMatchObject({ kind: 'status', to: 'false_positive' });
    }
    const still = await gate();
    expect(still.code).toBe(1);
  }, 120_000);

  it('requests exceptions for the other blocking findings; another lead approves them', async () => {
    const blocking = await list('project=billing&severity=critical,high');
    expect(blocking.map((f) => f.scanner)).toEqual(blocking.map(() => 'sast'));
    expect(blocking.length).toBe(2);
    const requested: number[] = [];
    for (const f of blocking) {
      await page.goto(`${s.url}/findings/${f.id}`);
      await page.getByRole('heading', { level: 1, name: f.title }).waitFor();
      await page.getByRole('radio', { name: 'This finding only (its fingerprint)' }).check();
      await page
        .getByLabel('Why the risk is acceptable (required)')
        .fill('Internal tool behind the VPN; the rewrite that removes it ships next sprint.');
      await page.getByLabel('Expires on').fill(new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10));
      await page.getByRole('button', { name: 'Request exception' }).click();
      const done = page.getByText(/^Exception #(\d+) requested/);
      await done.waitFor();
      requested.push(Number((await done.textContent())!.match(/#(\d+)/)![1]));
    }

    await signIn(page, s.url, approver.email);
    await page.goto(`${s.url}/exceptions`);
    for (const id of requested) {
      await page.getByRole('button', { name: `Decide… exception #${id}` }).click();
      const form = page.getByRole('form', { name: `Decide exception #${id}` });
      await form.getByLabel(/Comment/).fill('Agreed for 30 days; tracked in the sprint plan.');
      await form.getByRole('button', { name: 'Approve' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Exception #${id} approved` })
        .waitFor();
    }
    await shot('exceptions-approved');
    for (const f of blocking) {
      const d = await s.call(readToken, 'GET', `/api/v1/findings/${f.id}`);
      expect(d.json.finding.status).toBe('risk_accepted');
    }
  }, 180_000);

  it('`gatehouse gate --server` now passes billing (medium findings only warn)', async () => {
    const after = await gate();
    expect(after.code, after.stdout + after.stderr).toBe(0);
    expect(after.stdout).toMatch(/^Gate: (PASS|WARN) — project billing/);
  }, 120_000);

  it('the SBOM search answers who ships werkzeug, with a link to billing', async () => {
    await page.goto(`${s.url}/components`);
    await page.getByLabel('Package name').fill('werkzeug');
    await page.getByRole('button', { name: 'Search' }).click();
    const link = page.getByRole('link', { name: 'billing', exact: true });
    await link.waitFor();
    expect(await page.getByRole('link', { name: 'orders', exact: true }).count()).toBe(0);
    await shot('components');
  }, 120_000);

  it('a developer of orders sees none of billing: not in the table, not by address, not in the SBOM', async () => {
    const billing = await list('project=billing&status=all');
    const orders = await list('project=orders&status=all');
    await signIn(page, s.url, dev.email);
    await page.goto(`${s.url}/findings?status=all&limit=200`);
    await expect
      .poll(() => idsOnPage(page), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(orders.map((f) => f.id)));
    const shown = await idsOnPage(page);
    expect(shown.length).toBe(orders.length);
    expect(shown.filter((id) => billing.some((f) => f.id === id))).toEqual([]);

    await page.goto(`${s.url}/findings/${billing[0]!.id}`);
    await page.getByRole('heading', { name: 'Finding not found' }).waitFor();
    expect(await page.getByText(billing[0]!.title).count()).toBe(0);

    await page.goto(`${s.url}/components?name=werkzeug`);
    await page.getByRole('heading', { name: 'No project ships werkzeug' }).waitFor();
    expect(await page.getByRole('link', { name: 'billing', exact: true }).count()).toBe(0);
  }, 120_000);
});
