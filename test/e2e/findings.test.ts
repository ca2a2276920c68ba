import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../src/server/testing.js';
import { ingestScan } from '../../src/store/ingest.js';
import { DAY_MS } from '../../src/store/sla.js';
import { testFinding, testUpload } from '../../src/store/test-upload.js';
import { backends } from '../../src/store/testing.js';
import { type Browser, browserMissing, launchBrowser, screenshotDir } from './browser.js';
import { buildDashboard } from './dashboard-build.js';

const missing = browserMissing();
const XSS = '<img src=x onerror=alert(1)>';

/** A SAST finding with its dataflow, as the JavaScript command-injection rule reports it. */
const sastFinding = (): Finding =>
  testFinding(500, {
    ruleId: 'sast/js-child-process-injection',
    title: 'OS command built from request data',
    message:
      'Request data (req.body) reaches a shell command: exec(cmd); a crafted value runs any command on the server.',
    severity: 'critical',
    location: {
      path: 'src/server.js',
      startLine: 10,
      endLine: 10,
      startColumn: 3,
      endColumn: 12,
      snippet: '  exec(cmd);',
    },
    cwe: ['CWE-78'],
    controls: ['owasp-top10-2021:A03', 'nist-800-53:SI-10'],
    references: ['https://cwe.mitre.org/data/definitions/78.html'],
    remediation:
      'Do not build shell commands from request data. Run the program with execFile and an argument list.',
    trace: [
      { path: 'src/server.js', line: 14, column: 11, message: 'source: req.body' },
      { path: 'src/server.js', line: 14, column: 3, message: 'passed to archive()' },
      { path: 'src/server.js', line: 9, column: 9, message: 'assigned to cmd' },
      { path: 'src/server.js', line: 10, column: 8, message: 'reaches the sink: cmd' },
    ],
  });

/** A dependency finding, as the SCA scanner reports lodash 4.17.15. */
const scaFinding = (): Finding =>
  testFinding(501, {
    scanner: 'sca',
    ruleId: 'sca/vulnerable-dependency',
    title: 'Dependency with a known vulnerability',
    message:
      'lodash@4.17.15 is affected by GHSA-p6mc-m468-83gw (CVE-2020-8203): Prototype Pollution in lodash; upgrade to 4.17.20.',
    severity: 'high',
    location: { path: 'package-lock.json' },
    cwe: ['CWE-1395'],
    remediation: 'Upgrade the package to a fixed version, regenerate the lockfile, and run the tests.',
    vulnerability: {
      id: 'GHSA-p6mc-m468-83gw',
      aliases: ['CVE-2020-8203'],
      package: { ecosystem: 'npm', name: 'lodash', version: '4.17.15', purl: 'pkg:npm/lodash@4.17.15' },
      fixedVersions: ['4.17.20'],
      cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H', score: 7.4 },
    },
  });

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

/** Ids of the rows the table shows, in its order. */
function idsOnPage(page: Page): Promise<number[]> {
  return page
    .locator('table.findings-table tbody tr td.finding-title a')
    .evaluateAll((links) => links.map((a) => Number(a.getAttribute('href')!.split('/').pop())));
}

async function signIn(page: Page, email: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

describe.skipIf(missing)('the findings table and finding page (chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  let page: Page;
  let token: string;
  /** Requests the page made for the findings list, in order. */
  const listRequests: string[] = [];

  /** What the API answers for a list query, as the truth the table must show. */
  const api = async (
    query: string,
  ): Promise<{ findings: { id: number; project: string }[]; next: string | null }> => {
    const r = await s.call(token, 'GET', `/api/v1/findings?${query}`);
    expect(r.status).toBe(200);
    return r.json;
  };
  const ids = async (query: string) => (await api(query)).findings.map((f) => f.id);
  /** Runs an interaction and returns how many list requests it caused once the table shows `query`. */
  const oneInteraction = async (act: () => Promise<void>, query: string) => {
    const before = listRequests.length;
    await act();
    const want = await ids(query);
    await expect.poll(() => idsOnPage(page), { timeout: 20_000 }).toEqual(want);
    await page.locator('table.findings-table[aria-busy="false"]').waitFor();
    return { requests: listRequests.length - before };
  };

  beforeAll(async () => {
    const [sqlite] = await backends();
    s = await startTestServer(sqlite!, {}, { dashboardDir: await buildDashboard() });
    const now = Date.now();
    const alpha = [
      ...range(0, 60).map((n) => testFinding(n)),
      sastFinding(),
      scaFinding(),
      testFinding(502, { title: XSS }),
    ];
    await ingestScan(s.store, testUpload(alpha, {}, 'alpha'), 'ci', now - 40 * DAY_MS);
    const beta = range(100, 130).map((n) => testFinding(n, { title: `Beta problem ${n}` }));
    await ingestScan(s.store, testUpload(beta, {}, 'beta'), 'ci', now - 2 * DAY_MS);
    token = await s.token('security');
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/findings') listRequests.push(r.url());
    });
    // Finding data is text: a title that is markup must never run.
    page.on('dialog', (d) => {
      throw new Error(`a finding's data ran as script: ${d.message()}`);
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('shows the first page as the API answers it, filters by severity and project, one request each', async () => {
    const lead = await s.user('security', { email: 'lead@test.example' });
    await page.goto(`${s.url}/findings`);
    await signIn(page, lead.email);
    await expect.poll(() => idsOnPage(page), { timeout: 20_000 }).toEqual(await ids(''));

    const bySeverity = await oneInteraction(
      () => page.getByRole('group', { name: 'Severity' }).getByRole('checkbox', { name: 'critical' }).check(),
      'severity=critical',
    );
    expect(bySeverity.requests).toBe(1);
    expect(page.url()).toContain('severity=critical');

    const byProject = await oneInteraction(async () => {
      await page.getByLabel('Project').fill('alpha');
      await page.getByLabel('Project').press('Enter');
    }, 'severity=critical&project=alpha');
    expect(byProject.requests).toBe(1);
    const shown = await api('severity=critical&project=alpha');
    expect(shown.findings.every((f) => f.project === 'alpha')).toBe(true);
    const projects = await page.locator('table.findings-table tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(projects)).toEqual(new Set(['alpha']));
  }, 120_000);

  it('sorts by a header, pages forward and back, and keeps it all in the URL', async () => {
    const sorted = await oneInteraction(
      () => page.getByRole('button', { name: /First seen/ }).click(),
      'severity=critical&project=alpha&sort=first_seen&order=desc',
    );
    expect(sorted.requests).toBe(1);
    expect(await page.getByRole('columnheader', { name: /First seen/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Per page').selectOption('25');
    const q = 'sort=first_seen&order=desc&limit=25';
    await expect.poll(() => idsOnPage(page), { timeout: 20_000 }).toEqual(await ids(q));
    const first = await idsOnPage(page);
    const { next } = await api(q);
    expect(next).not.toBeNull();

    const forward = await oneInteraction(
      () => page.getByRole('button', { name: 'Next →' }).click(),
      `${q}&cursor=${next}`,
    );
    expect(forward.requests).toBe(1);
    expect(await page.getByText(/^Page 2 ·/).count()).toBe(1);
    expect(page.url()).toContain(`cursor=${next}`);
    // The view is the URL: reloading it shows the same page.
    const second = await idsOnPage(page);
    await page.reload();
    await expect.poll(() => idsOnPage(page), { timeout: 20_000 }).toEqual(second);

    // The address is the view: "Copy link" hands it over as it is.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url });
    await page.getByRole('button', { name: 'Copy link to this view' }).click();
    await page.getByText('Link copied.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(page.url());

    await page.getByRole('button', { name: '← Previous' }).click();
    await expect.poll(() => idsOnPage(page), { timeout: 20_000 }).toEqual(first);
    expect(page.url()).not.toContain('cursor=');
  }, 120_000);

  it('shows markup in a title as text, and says what to do when nothing matches', async () => {
    await page.getByLabel('Search').fill('onerror');
    await page.getByRole('link', { name: XSS }).waitFor();
    expect(await page.locator('table.findings-table img').count()).toBe(0);
    await page.getByLabel('Search').fill('no finding has this text');
    await page.getByRole('heading', { name: 'No findings match these filters' }).waitFor();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect
      .poll(() => idsOnPage(page), { timeout: 20_000 })
      .toEqual(await ids('sort=first_seen&order=desc&limit=25'));
  }, 120_000);

  it('opens a SAST finding with its trace and marks it false positive with a comment', async () => {
    await page.goto(`${s.url}/findings?text=request%20data`);
    await page.getByRole('link', { name: 'OS command built from request data' }).click();
    await page.getByRole('heading', { level: 1, name: 'OS command built from request data' }).waitFor();
    const steps = await page.locator('ol.trace li').allTextContents();
    expect(steps).toEqual([
      'Sourcesource: req.bodysrc/server.js:14:11',
      'Step 1passed to archive()src/server.js:14:3',
      'Step 2assigned to cmdsrc/server.js:9:9',
      'Sinkreaches the sink: cmdsrc/server.js:10:8',
    ]);
    expect(await page.locator('pre.snippet').textContent()).toBe('  exec(cmd);');
    await page.screenshot({ path: `${screenshotDir()}/finding-sast.png`, fullPage: true });

    await page.getByLabel('New status').selectOption('false_positive');
    await page
      .getByLabel('Comment (required)')
      .fill('Only reachable from the admin CLI, never from requests.');
    await page.getByRole('button', { name: 'Set status' }).click();
    await page.getByText('Status set to false positive.').waitFor();
    const entry = page.locator('ol.timeline li', { hasText: 'Status open → false positive' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Only reachable from the admin CLI, never from requests.');
    expect(await entry.textContent()).toContain('lead@test.example');
    const id = Number(page.url().split('/').pop());
    const detail = await s.call(token, 'GET', `/api/v1/findings/${id}`);
    expect(detail.json.finding.status).toBe('false_positive');
    expect(detail.json.history.at(-1)).toMatchObject({
      kind: 'status',
      from: 'open',
      to: 'false_positive',
      comment: 'Only reachable from the admin CLI, never from requests.',
    });
  }, 120_000);

  it('requests an exception for an SCA finding’s advisory, showing the server’s refusal first', async () => {
    await page.goto(`${s.url}/findings?scanner=sca`);
    await page.getByRole('link', { name: 'Dependency with a known vulnerability' }).click();
    await page.getByRole('heading', { level: 2, name: 'Advisory' }).waitFor();
    expect(await page.getByRole('link', { name: 'CVE-2020-8203' }).getAttribute('href')).toBe(
      'https://osv.dev/vulnerability/CVE-2020-8203',
    );
    await page.screenshot({ path: `${screenshotDir()}/finding-sca.png`, fullPage: true });

    await page.getByRole('radio', { name: 'Advisory GHSA-p6mc-m468-83gw' }).check();
    await page
      .getByLabel('Why the risk is acceptable (required)')
      .fill('Prototype pollution needs a merge of user objects; we never merge them.');
    await page.getByRole('button', { name: 'Request exception' }).click();
    // A high finding needs an expiry: the server says so, the page shows it as it says it.
    const refusal = page.getByRole('alert').filter({ hasText: 'expiresAt' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'required, because the exception covers 1 high or critical',
    );

    const expiry = new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10);
    await page.getByLabel('Expires on').fill(expiry);
    await page.getByRole('button', { name: 'Request exception' }).click();
    await page.getByText(/^Exception #\d+ requested: it covers 1 finding now/).waitFor();
    const pending = await s.call(token, 'GET', '/api/v1/exceptions?status=pending');
    expect(pending.json.exceptions).toHaveLength(1);
    expect(pending.json.exceptions[0]).toMatchObject({
      kind: 'advisory',
      project: 'alpha',
      advisory: 'GHSA-p6mc-m468-83gw',
      package: 'lodash',
      requestedBy: 'lead@test.example',
      expiresAt: new Date(Date.parse(`${expiry}T00:00:00Z`) + DAY_MS).toISOString(),
    });
  }, 120_000);

  it('confirms three findings at once with a comment', async () => {
    await page.goto(`${s.url}/findings?project=beta&sort=rule`);
    const want = await ids('project=beta&sort=rule');
    await expect.poll(() => idsOnPage(page), { timeout: 20_000 }).toEqual(want);
    const chosen = want.slice(0, 3);
    for (const id of chosen)
      await page
        .locator(`table.findings-table tr:has(a[href="/findings/${id}"]) input[type=checkbox]`)
        .check();
    await page.getByText('3 findings selected').waitFor();
    await page.screenshot({ path: `${screenshotDir()}/findings-table.png` });
    await page.getByLabel('Set status').selectOption('confirmed');
    await page.getByLabel('Comment (required)').fill('Reviewed in the weekly triage.');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('3 findings set to confirmed.').waitFor();
    for (const id of chosen) {
      const d = await s.call(token, 'GET', `/api/v1/findings/${id}`);
      expect(d.json.finding.status).toBe('confirmed');
      expect(d.json.history.at(-1)).toMatchObject({
        kind: 'status',
        to: 'confirmed',
        comment: 'Reviewed in the weekly triage.',
      });
    }
    const statuses = await page.locator('table.findings-table tbody tr td:nth-child(8)').allTextContents();
    await expect
      .poll(() => page.locator('table.findings-table tbody tr td:nth-child(8)').allTextContents())
      .toEqual(statuses.map((st, i) => (i < 3 ? 'confirmed' : st)));
    expect(await page.locator('table.findings-table input[type=checkbox]:checked').count()).toBe(0);
  }, 120_000);

  it('shows a developer of project alpha none of beta’s findings, in the table or by address', async () => {
    const dev = await s.user('developer', { project: 'alpha' });
    const betaId = (await api('project=beta')).findings[0]!.id;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${s.url}/findings?status=all&limit=200`);
    await signIn(page, dev.email);
    const devToken = await s.token('developer', 'alpha');
    const theirs = await s.call(devToken, 'GET', '/api/v1/findings?status=all&limit=200');
    await expect
      .poll(() => idsOnPage(page), { timeout: 20_000 })
      .toEqual(theirs.json.findings.map((f: { id: number }) => f.id));
    const projects = await page.locator('table.findings-table tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(projects)).toEqual(new Set(['alpha']));
    expect(await idsOnPage(page)).not.toContain(betaId);

    await page.getByLabel('Project').fill('beta');
    await page.getByLabel('Project').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'no project named beta' }).waitFor();

    await page.goto(`${s.url}/findings/${betaId}`);
    await page.getByRole('heading', { name: 'Finding not found' }).waitFor();
    expect(await page.getByText('Beta problem').count()).toBe(0);
  }, 120_000);
});
