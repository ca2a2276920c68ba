import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES } from '../../../test/fixtures/dast/app/cases.js';
import { startVulnerableApp, type VulnerableApp } from '../../../test/fixtures/dast/app/server.js';
import { crawl } from './crawler.js';
import { HttpClient } from './http/client.js';
import { Scope } from './scope.js';

let app: VulnerableApp;
beforeAll(async () => {
  app = await startVulnerableApp();
});
afterAll(() => app.close());

async function run(scope: Scope, start = '/', maxPages = 2000) {
  const client = new HttpClient({
    rate: 500,
    concurrency: 4,
    timeoutMs: 3000,
    maxBodyBytes: 1 << 20,
    headers: {},
  });
  const paths = new Set<string>();
  const seeds = [start, '/robots.txt', '/sitemap.xml'].map((p) => ({
    method: 'GET' as const,
    url: `${app.url}${p}`,
    via: 'seed' as const,
  }));
  const summary = await crawl(seeds, client, scope, {
    maxPages,
    maxDepth: 10,
    submitPostForms: false,
    onExchange: (ex) => paths.add(`${ex.request.method} ${new URL(ex.request.url).pathname}`),
    onFailure: () => {},
  });
  client.close();
  return { paths, summary };
}

describe('crawl', () => {
  it('reaches every case a browser can reach (links, GET forms, robots, sitemap, scripts), and nothing out of scope', async () => {
    const before = app.requests().length;
    const { paths } = await run(new Scope(new URL(`${app.url}/`)));
    const reachable = CASES.filter((c) => c.via !== 'probe' && c.via !== 'openapi' && c.method === 'GET');
    expect(reachable.filter((c) => !paths.has(`GET ${c.path}`)).map((c) => c.id)).toEqual([]);
    const log = app.requests().slice(before);
    expect(log.filter((r) => r.server === 'decoy')).toEqual([]);
    expect(log.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(log.filter((r) => r.path.startsWith('/hostile/') && r.path !== '/hostile/')).toEqual([]);
  });

  it('keeps to --include and --exclude, and stops at the page limit', async () => {
    const only = await run(new Scope(new URL(`${app.url}/`), { include: [/\/passive\//] }), '/passive/');
    expect([...only.paths].every((p) => p.includes('/passive/'))).toBe(true);
    const without = await run(new Scope(new URL(`${app.url}/`), { exclude: [/\/active\//] }));
    expect([...without.paths].some((p) => p.includes('/active/'))).toBe(false);
    const capped = await run(new Scope(new URL(`${app.url}/`)), '/', 10);
    expect(capped.paths.size).toBe(10);
    expect(capped.summary.cutShort).toBe('max-pages');
  });
});

describe('Scope', () => {
  it('never follows log-out links unless included', () => {
    const s = new Scope(new URL('http://h/'));
    expect(s.allows('http://h/account/logout')).toBe(false);
    expect(s.allows('http://h/sign-out?x=1')).toBe(false);
    expect(s.allows('http://h/logouts-report')).toBe(true);
    expect(s.allows('http://other/')).toBe(false);
    expect(s.allows('ftp://h/')).toBe(false);
    expect(new Scope(new URL('http://h/'), { include: [/logout/] }).allows('http://h/logout')).toBe(true);
  });
});
