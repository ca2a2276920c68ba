import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../src/server/testing.js';
import { ingestScan } from '../../src/store/ingest.js';
import { DAY_MS } from '../../src/store/sla.js';
import { testFinding, testUpload } from '../../src/store/test-upload.js';
import { backends } from '../../src/store/testing.js';
import type { ScanUpload } from '../../src/store/upload.js';
import { type Browser, browserMissing, launchBrowser, screenshotDir } from './browser.js';
import { buildDashboard } from './dashboard-build.js';

const missing = browserMissing();
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
const now = Date.now();

const f = (id: string, severity: Finding['severity'], over: Partial<Finding> = {}) =>
  testFinding(0, { fingerprint: id, title: id, severity, ...over });
const secret = (id: string) => f(id, 'high', { scanner: 'secrets', ruleId: 'secrets/aws-key' });
const dep = (id: string) => f(id, 'low', { scanner: 'sca', ruleId: 'sca/osv' });
const noisy = (n: number) => f(`noisy-${n}`, 'low', { ruleId: 'sast/noisy-regex' });
const ran = (...names: string[]) => names.map((name) => ({ name, status: 'ok' as const, findings: 0 }));

/**
 * Three projects over six weeks: shop/web fixes a high finding after 10 days and a critical one
 * after 26, and carries a secret; billing has fresh critical findings and a noisy rule; docs was
 * last scanned 45 days ago (outside coverage's 30 days).
 */
async function seed(s: TestServer) {
  const scan = (daysAgo: number, project: string, findings: Finding[], over: Partial<ScanUpload>) =>
    ingestScan(s.store, testUpload(findings, over, project), 'ci', now - daysAgo * DAY_MS);
  const [a, b, e, s1, d1] = [f('A', 'critical'), f('B', 'high'), f('E', 'medium'), secret('S1'), dep('D1')];
  const web = (commit: string, gateVerdict: string) => ({
    context: { project: 'shop/web', branch: 'main', commit, stage: 'build' },
    gateVerdict,
    scanners: ran('sast', 'secrets', 'sca'),
    components: [
      { ecosystem: 'npm', name: 'lodash', version: '4.17.20', licenses: ['MIT'] },
      { ecosystem: 'npm', name: 'express', version: '4.18.2', licenses: ['MIT'] },
    ],
  });
  await scan(30, 'shop/web', [a, b, s1, d1], web('c1', 'fail'));
  await scan(20, 'shop/web', [a, s1, d1], web('c2', 'fail'));
  await scan(4, 'shop/web', [s1, d1, e], web('c3', 'pass'));
  const billing = [
    f('C1', 'critical'),
    f('C2', 'critical'),
    f('H1', 'high'),
    ...[1, 2, 3, 4, 5, 6].map(noisy),
  ];
  await scan(10, 'billing', billing, {
    context: { project: 'billing', branch: 'main', commit: 'c9' },
    gateVerdict: 'fail',
    scanners: ran('sast'),
  });
  await scan(45, 'docs', [f('I1', 'info')], { scanners: ran('sast') });

  const admin = await s.token('admin');
  const team = await s.call(admin, 'POST', '/api/v1/teams', { name: 'payments' });
  await s.call(admin, 'PATCH', '/api/v1/projects/billing', { teamId: team.json.team.id });
  const ids = async (rule: string) =>
    (await s.call(admin, 'GET', `/api/v1/findings?rule=${rule}&limit=10`)).json.findings.map(
      (x: { id: number }) => x.id,
    );
  const [fp1, fp2, fp3, fp4, ok1, ok2] = await ids('sast/noisy-regex');
  const bulk = (list: number[], status: string) =>
    s.call(admin, 'POST', '/api/v1/findings/bulk', {
      ids: list,
      status,
      comment: 'triaged in the e2e suite',
    });
  expect((await bulk([fp1, fp2, fp3, fp4], 'false_positive')).status).toBe(200);
  expect((await bulk([ok1, ok2], 'confirmed')).status).toBe(200);
}

async function signIn(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** The API's answer, asked by the signed-in page itself (same session, same scope). */
// biome-ignore lint/suspicious/noExplicitAny: answers of every shape
const api = (page: Page, path: string): Promise<any> =>
  page.evaluate(async (p) => (await fetch(p)).json(), path);

const text = async (page: Page, region: string, selector: string) =>
  (
    await page.getByRole('region', { name: region, exact: true }).locator(selector).first().textContent()
  )?.trim();

async function shoot(page: Page, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await page.screenshot({ path: `${screenshotDir()}/${name}-${theme}.png`, fullPage: true });
  }
  await page.getByLabel('Theme').selectOption('system');
}

describe.skipIf(missing)('overview and projects (chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const [sqlite] = await backends();
    s = await startTestServer(sqlite!, {}, { dashboardDir: await buildDashboard() });
    await seed(s);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    const lead = await s.user('security', { email: 'lead@test.example' });
    await signIn(page, s.url, lead.email);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('shows the numbers the API answers, each tile saying its window', async () => {
    await page.goto(`${s.url}/`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.locator('.time-chart canvas').nth(1).waitFor();
    const [sla, open, ranking, noise, trends] = await Promise.all([
      api(page, '/api/v1/metrics/sla'),
      api(page, '/api/v1/metrics/open'),
      api(page, '/api/v1/metrics/projects?sort=risk&limit=10'),
      api(page, '/api/v1/metrics/noise?limit=10'),
      api(page, '/api/v1/metrics/trends?period=week&periods=12'),
    ]);
    // shop/web: S1, D1, E; billing: C1, C2, H1 and the two confirmed noisy ones; docs: I1.
    expect(sla.open.total).toBe(9);
    for (const sev of SEVERITIES)
      expect(
        await text(page, 'Open findings by severity', `a[href="/findings?severity=${sev}"] .ov-count`),
      ).toBe(String(sla.open.bySeverity[sev].open));
    expect(open.byScanner.map((x: { scanner: string }) => x.scanner)).toEqual(['sast', 'sca', 'secrets']);
    for (const { scanner, open: n } of open.byScanner)
      expect(
        await text(page, 'Open findings by scanner', `a[href="/findings?scanner=${scanner}"] .ov-count`),
      ).toBe(String(n));
    expect(await text(page, 'SLA', 'a[href="/findings?sla=overdue"]')).toBe(String(sla.open.overdue));
    expect(await text(page, 'SLA', 'a[href="/findings?sla=due_soon"]')).toBe(String(open.dueSoon.total));

    const from = new Date(now - 90 * DAY_MS).toISOString().slice(0, 10);
    const secrets = await api(page, `/api/v1/metrics/secrets?from=${from}`);
    expect(secrets.totals.detected).toBe(1);
    expect(
      await text(page, 'Secrets', `a[href="/findings?scanner=secrets&firstSeenFrom=${from}&status=all"]`),
    ).toBe(String(secrets.totals.detected));

    const risky = page.getByRole('region', { name: 'Riskiest projects' });
    const rows = await risky
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')!.textContent,
          tr.querySelector('td:last-child')!.textContent,
        ]),
      );
    expect(rows).toEqual(
      ranking.projects
        .filter((p: { risk: number }) => p.risk > 0)
        .map((p: { name: string; risk: number }) => [p.name, String(p.risk)]),
    );
    expect(rows[0]).toEqual(['billing', '54']); // medium tier (2) × (2 × 10 + 5 + 2 × 1)
    expect(await risky.textContent()).toMatch(/Risk = tier weight × \(10 × critical/);

    expect(noise.rules).toEqual([
      { scanner: 'sast', ruleId: 'sast/noisy-regex', triaged: 6, falsePositives: 4, falsePositiveRate: 66.7 },
    ]);
    expect(await text(page, 'Noisiest rules', 'tbody tr')).toContain('66.7 %');

    const fixed = trends.periods.reduce(
      (a: number, p: { mttr: { all: { count: number } } }) => a + p.mttr.all.count,
      0,
    );
    const window = `from=${trends.periods[0].from}&to=${trends.periods.at(-1).to}`;
    expect((await api(page, `/api/v1/metrics/mttr?${window}`)).fixed.all.count).toBe(fixed);
    expect(fixed).toBe(2);
    expect(await text(page, 'Mean time to remediate', 'figcaption')).toMatch(/^2 findings fixed by a scan/);
    const gate = await api(page, `/api/v1/metrics/gate?${window}`);
    expect(gate.totals.scans).toBe(4);
    expect(await text(page, 'Gate pass rate', 'figcaption')).toMatch(
      /^4 scans with a gate verdict: 25 % passed/,
    );

    const coverage = page.getByRole('region', { name: 'Pipeline coverage' });
    expect(await coverage.textContent()).toContain('Not scanned in this window: 1 project (docs)');
    for (const [name, covers] of [
      ['Open findings by severity', /^Now \(as of/],
      ['Secrets', /^Last 90 days:/],
      ['Noisiest rules', /^Last 90 days:/],
      ['Mean time to remediate', /^Last 12 weeks:/],
      ['Pipeline coverage', /^Last 30 days:/],
    ] as const)
      expect(await text(page, name, '.ov-covers')).toMatch(covers);
    await shoot(page, 'overview');
  }, 120_000);

  it('opens the findings that explain a number', async () => {
    await page.goto(`${s.url}/`);
    const critical = page
      .getByRole('region', { name: 'Open findings by severity' })
      .locator('a[href="/findings?severity=critical"]');
    const shown = Number(await critical.locator('.ov-count').textContent());
    await critical.click();
    await page.waitForURL(`${s.url}/findings?severity=critical`);
    expect((await api(page, '/api/v1/findings/count?severity=critical')).total).toBe(shown);
  }, 120_000);

  it('sorts and filters the projects list, keeping it in the URL', async () => {
    await page.goto(`${s.url}/projects`);
    const names = () => page.locator('.proj-table tbody th a').allTextContents();
    await page.locator('.proj-table').waitFor();
    expect(await names()).toEqual(['billing', 'docs', 'shop/web']);
    expect(await page.getByRole('columnheader', { name: /^Project/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await page.getByRole('button', { name: /^Risk/ }).click();
    await page.waitForURL(/sort=risk/);
    await expect.poll(names).toEqual(['billing', 'shop/web', 'docs']);
    await page.getByRole('button', { name: /^Project/ }).click();
    await expect.poll(names).toEqual(['billing', 'docs', 'shop/web']);
    await page.getByRole('button', { name: /^Project/ }).click();
    await page.waitForURL(/order=desc/);
    await expect.poll(names).toEqual(['shop/web', 'docs', 'billing']);
    expect(await page.getByRole('columnheader', { name: /^Project/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await page.getByRole('button', { name: /^Last scan/ }).click();
    await expect.poll(names).toEqual(['shop/web', 'billing', 'docs']);
    await shoot(page, 'projects');

    await page.getByLabel('Name contains').fill('sho');
    await page.waitForURL(/q=sho/);
    await expect.poll(names).toEqual(['shop/web']);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByLabel('Owner team').selectOption('payments');
    await page.waitForURL(/team=payments/);
    await expect.poll(names).toEqual(['billing']);
    await page.reload();
    await expect.poll(names).toEqual(['billing']);
    expect(await page.getByLabel('Owner team').inputValue()).toBe('payments');
  }, 120_000);

  it('shows a project: settings, open findings, scans and gate history, components and exceptions', async () => {
    await page.goto(`${s.url}/projects`);
    await page.getByRole('link', { name: 'shop/web', exact: true }).click();
    await page.waitForURL(`${s.url}/projects/shop%2Fweb`);
    await page.getByRole('heading', { name: 'shop/web' }).waitFor();
    const scans = page.getByRole('region', { name: 'Scans and gate history' });
    await scans.locator('tbody tr').nth(2).waitFor();
    const verdicts = await scans.locator('tbody .verdict').allTextContents();
    const history = await api(page, `/api/v1/scans?project=${encodeURIComponent('shop/web')}&limit=20`);
    expect(verdicts).toEqual(history.scans.map((x: { gate: { verdict: string } }) => x.gate.verdict));
    expect(verdicts).toEqual(['pass', 'fail', 'fail']);
    const components = page.getByRole('region', { name: 'Components on main' });
    await components.getByText('lodash').waitFor();
    expect(await components.getByRole('status').textContent()).toBe('2 of 2 components.');
    const openFindings = page.getByRole('region', { name: 'Open findings' });
    expect(
      await openFindings.locator('a[href="/findings?project=shop%2Fweb&severity=medium"]').textContent(),
    ).toBe('1');
    await shoot(page, 'project');
  }, 120_000);

  it('lets a security user change the tier; a developer sees no control', async () => {
    await page.goto(`${s.url}/projects/billing`);
    const tier = page.getByRole('combobox', { name: 'Tier' });
    expect(await tier.inputValue()).toBe('medium');
    await tier.selectOption('critical');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.locator('.proj-form [role="status"]').textContent()).toMatch(/^Saved\./);
    expect((await api(page, '/api/v1/projects/billing')).project.tier).toBe('critical');

    await page.getByRole('button', { name: 'Sign out' }).click();
    const dev = await s.user('developer', { email: 'dev@test.example' });
    await signIn(page, `${s.url}/projects/billing`, dev.email);
    await page.getByRole('heading', { name: 'billing' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Tier' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect(await page.locator('dl.proj-settings').textContent()).toContain('Tiercritical');
  }, 120_000);
});
