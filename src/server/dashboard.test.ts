import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestStore } from '../store/testing.js';
import { backends } from '../store/testing.js';
import { buildServer, DEFAULT_LIMITS } from './app.js';

const PAGE = '<!doctype html><title>dashboard</title>';

async function serve(store: TestStore, dashboardDir: string) {
  const app = await buildServer({
    store,
    baseUrl: '',
    limits: {
      uploadBytes: DEFAULT_LIMITS.uploadBytes,
      uploadInflatedBytes: DEFAULT_LIMITS.uploadInflatedBytes,
    },
    jsonBodyBytes: DEFAULT_LIMITS.jsonBodyBytes,
    rateLimitPerMinute: DEFAULT_LIMITS.rateLimitPerMinute,
    logger: false,
    dashboardDir,
  });
  return { app, url: await app.listen({ host: '127.0.0.1', port: 0 }) };
}

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the dashboard at /', async () => {
  const sqlite = (await backends())[0]!;
  let store: TestStore;
  let dir: string;
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    store = await sqlite.open();
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    ({ app, url } = await serve(store, dir));
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page at / and at every page address, with a strict CSP and never cached', async () => {
    for (const path of ['/', '/findings/42', '/projects/payments?tab=scans']) {
      const r = await fetch(url + path, { headers: html });
      expect(r.status, path).toBe(200);
      expect(await r.text()).toBe(PAGE);
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(r.headers.get('permissions-policy')).toContain('camera=()');
    }
  });

  it('caches hashed assets for a year', async () => {
    const r = await fetch(`${url}/assets/app-1a2b.js`);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the JSON 404 for the API, missing assets and clients that do not ask for HTML', async () => {
    for (const [path, headers] of [
      ['/api/v1/nothing-here', html],
      ['/assets/missing-9z.js', html],
      ['/findings/42', { accept: 'application/json' }],
    ] as const) {
      const r = await fetch(url + path, { headers });
      expect(r.status, path).toBe(404);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('not_found');
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('answers 404 at / when the dashboard is not built, and the API still works', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gatehouse-web-'));
    const bare = await serve(store, empty);
    try {
      expect((await fetch(`${bare.url}/`, { headers: html })).status).toBe(404);
      expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
    } finally {
      await bare.app.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
