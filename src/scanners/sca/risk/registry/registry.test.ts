import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskCache } from './cache.js';
import { cratesRegistry } from './crates.js';
import type { Fetch, LookupRequest } from './facts.js';
import { getJson, RegistryError } from './http.js';
import { limiter } from './limit.js';
import { npmRegistry } from './npm.js';
import { pypiRegistry } from './pypi.js';
import { startTestRegistry, type TestRegistry } from './test-server.js';

const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/sca/risk/registry');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;
const limits = { timeoutMs: 300, maxBytes: 64 * 1024 };
const fetchJson: Fetch = (url, headers) => getJson(url, headers, limits);
const request = (name: string, version: string, wantInstallScripts = true): LookupRequest => ({
  name,
  version,
  recentSince: new Date('2026-11-22T00:00:00Z'),
  wantInstallScripts,
});

let server: TestRegistry;

beforeAll(async () => {
  const nativeThing = fixture('npm-native-thing.full.json') as { versions: Record<string, unknown> };
  server = await startTestRegistry({
    '/lodash': { json: fixture('npm-lodash.abbreviated.json') },
    '/left-padder': (req) =>
      req.headers.accept?.includes('install-v1')
        ? { json: { name: 'left-padder', modified: '2026-11-27T08:00:00.000Z', versions: { '1.0.0': {} } } }
        : { json: fixture('npm-left-padder.full.json') },
    '/native-thing': (req) =>
      req.headers.accept?.includes('install-v1')
        ? {
            json: {
              modified: '2026-11-28T09:30:00.000Z',
              versions: { '2.0.0': { hasInstallScript: true }, '2.1.0': { hasInstallScript: true } },
            },
          }
        : { json: { ...(fixture('npm-native-thing.full.json') as object), versions: nativeThing.versions } },
    '/@acme%2fwidget': { json: { modified: '2020-01-01T00:00:00Z', versions: { '1.0.0': {} } } },
    '/gone': { json: { name: 'gone', time: { unpublished: { time: '2025-01-01T00:00:00Z' } } } },
    '/evil-pkg': { json: { 'dist-tags': { latest: '0.0.1-security' }, versions: { '0.0.1-security': {} } } },
    '/pypi/requests/json': { json: fixture('pypi-requests.json') },
    '/api/v1/crates/serde': (req) =>
      req.headers['user-agent']?.startsWith('gatehouse/')
        ? { json: fixture('crates-serde.json') }
        : { status: 403, json: { errors: [{ detail: 'set a User-Agent' }] } },
    '/slow': { delayMs: 2000, json: {} },
    '/broken': { status: 500, text: 'upstream exploded' },
    '/garbage': { text: '{"versions": {' },
    '/huge': { text: `{"pad":"${'x'.repeat(100_000)}"}` },
    '/array': { json: [1, 2, 3] },
    '/deep': { text: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
    '/..%2F..%2Fadmin%3Fx%3D1': { json: { modified: '2020-01-01T00:00:00Z', versions: {} } },
  });
});

afterAll(() => server.close());

describe('getJson', () => {
  it('reads a document and treats 404 as an answer', async () => {
    expect((await fetchJson(`${server.url}/lodash`, {})).status).toBe(200);
    expect(await fetchJson(`${server.url}/nothing-here`, {})).toEqual({ status: 404 });
  });

  it.each([
    ['a slow registry', '/slow', /did not answer within 300 ms/],
    ['a server error', '/broken', /answered HTTP 500/],
    ['garbage', '/garbage', /not JSON/],
    ['an answer over the size limit', '/huge', /more than the 65536 bytes allowed/],
  ])('throws a RegistryError for %s', async (_, path, message) => {
    const error = await fetchJson(`${server.url}${path}`, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toMatch(message);
  });

  it('throws when nothing listens', async () => {
    await expect(fetchJson('http://127.0.0.1:9/x', {})).rejects.toThrow(/could not be reached/);
  });

  it('stops when the scan is cancelled', async () => {
    const controller = new AbortController();
    const pending = getJson(
      `${server.url}/slow`,
      {},
      { ...limits, timeoutMs: 5000, signal: controller.signal },
    );
    controller.abort();
    await expect(pending).rejects.toThrow(/cancelled/);
  });
});

describe('npm client', () => {
  const npm = () => npmRegistry(server.url);

  it('answers from the abbreviated document when nothing is recent', async () => {
    expect(await npm().lookup(request('lodash', '4.17.21'), fetchJson)).toEqual({
      exists: true,
      modified: '2024-05-01T10:00:00.000Z',
      hasInstallScript: false,
    });
  });

  it('reads publish times from the full document when the package changed recently', async () => {
    const facts = await npm().lookup(request('left-padder', '1.0.0'), fetchJson);
    expect(facts).toMatchObject({
      exists: true,
      created: '2026-11-27T08:00:00.000Z',
      versionPublished: '2026-11-27T08:00:00.000Z',
    });
  });

  it('names the install scripts of the installed version', async () => {
    const facts = await npm().lookup(request('native-thing', '2.1.0'), fetchJson);
    expect(facts).toMatchObject({ hasInstallScript: true, installScripts: ['preinstall', 'postinstall'] });
  });

  it('encodes scoped names, and reports missing, unpublished and taken-down packages', async () => {
    expect((await npm().lookup(request('@acme/widget', '1.0.0'), fetchJson)).exists).toBe(true);
    expect(await npm().lookup(request('no-such-package', '1.0.0'), fetchJson)).toEqual({ exists: false });
    expect(await npm().lookup(request('gone', '1.0.0'), fetchJson)).toEqual({
      exists: false,
      unpublished: true,
    });
    expect(await npm().lookup(request('evil-pkg', '0.0.1-security'), fetchJson)).toMatchObject({
      exists: true,
      securityPlaceholder: true,
    });
  });

  it('keeps a hostile name inside one path segment', async () => {
    expect(await npm().lookup(request('../../admin?x=1', '1.0.0'), fetchJson)).toEqual({
      exists: false,
      unpublished: true,
    });
    expect(server.hits.get('/..%2F..%2Fadmin%3Fx%3D1')).toBe(1);
  });

  it('survives absurdly nested JSON', async () => {
    await expect(npm().lookup(request('deep', '1.0.0'), fetchJson)).rejects.toThrow(RegistryError);
  });

  it('refuses a document that is not a package', async () => {
    await expect(npmRegistry(`${server.url}`).lookup(request('array', '1.0.0'), fetchJson)).rejects.toThrow(
      /not an npm package/,
    );
  });
});

describe('PyPI and crates.io clients', () => {
  it('takes a release date from its earliest file and the project date from its first release', async () => {
    const facts = await pypiRegistry(`${server.url}/pypi/`).lookup(request('requests', '2.32.3'), fetchJson);
    expect(facts).toEqual({
      exists: true,
      created: '2011-02-14T18:20:00.000Z',
      versionPublished: '2024-05-29T15:37:47.000Z',
    });
    expect(await pypiRegistry(`${server.url}/pypi`).lookup(request('nope', '1.0'), fetchJson)).toEqual({
      exists: false,
    });
  });

  it('sends crates.io a User-Agent and reads its dates', async () => {
    const facts = await cratesRegistry(`${server.url}/api/v1/crates`).lookup(
      request('serde', '1.0.228'),
      fetchJson,
    );
    expect(facts).toMatchObject({
      exists: true,
      created: '2014-12-05T20:20:39.487Z',
      versionPublished: '2026-11-20T00:00:00.000Z',
    });
  });
});

describe('DiskCache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gatehouse-cache-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps an answer for its time to live', () => {
    let now = 1_000_000;
    const cache = new DiskCache(dir, 1000, () => now);
    cache.set('k', { exists: true });
    expect(cache.get('k')).toEqual({ exists: true });
    now += 999;
    expect(cache.get('k')).toEqual({ exists: true });
    now += 1;
    expect(cache.get('k')).toBeUndefined();
  });

  it('treats damaged and foreign files as misses', async () => {
    const cache = new DiskCache(dir, 1000, () => 0);
    cache.set('a', 1);
    const overwrite = (text: string) =>
      Promise.all(readdirSync(dir).map((f) => writeFile(join(dir, f), text)));
    await overwrite('{"key":');
    expect(cache.get('a')).toBeUndefined();
    await overwrite(JSON.stringify({ key: 'other', storedAt: 0, value: 1 }));
    expect(cache.get('a')).toBeUndefined();
    await overwrite(JSON.stringify({ key: 'a', storedAt: 0, value: 1, pad: 'x'.repeat(70_000) }));
    expect(cache.get('a')).toBeUndefined();
  });

  it('throws when the directory cannot be written', async () => {
    const notADir = join(dir, 'a-file');
    await writeFile(notADir, '');
    expect(() => new DiskCache(join(notADir, 'registry'), 1000).set('k', 1)).toThrow(/ENOTDIR/);
  });
});

describe('limiter', () => {
  it('never runs more tasks at once than allowed', async () => {
    const run = limiter(3);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(Array.from({ length: 20 }, () => run(task)));
    expect(peak).toBe(3);
  });

  it('frees the slot of a task that fails', async () => {
    const run = limiter(1);
    await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await run(async () => 'next')).toBe('next');
  });
});
