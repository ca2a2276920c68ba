import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../src/server/testing.js';
import { backends } from '../../src/store/testing.js';
import { type Browser, browserMissing, launchBrowser, screenshotDir } from './browser.js';
import { buildDashboard } from './dashboard-build.js';

const missing = browserMissing();

describe.skipIf(missing)('signing in to the dashboard (chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    const [sqlite] = await backends();
    s = await startTestServer(sqlite!, {}, { dashboardDir: await buildDashboard() });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('refuses a wrong password, signs in, keeps the session on reload and signs out', async () => {
    const user = await s.user('security', { email: 'lead@test.example' });
    const page = await browser.context.newPage();
    await page.goto(`${s.url}/findings`);
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/e-mail or password/i);

    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Sections' }).textContent()).toContain('Audit log');
    expect(await page.getByRole('navigation', { name: 'Sections' }).textContent()).not.toContain('Settings');
    await page.screenshot({ path: `${screenshotDir()}/signed-in.png` });

    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    expect(session).toBe(401);
  }, 120_000);
});
