import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTree } from '../../test/tmp.js';
import { UserError } from '../core/errors.js';
import { VulnStore } from './store.js';
import { makeZip } from './test-zip.js';
import { updateDatabase } from './update.js';

const osv = (id: string, ecosystem: string, name: string) =>
  JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem, name } }] });

const NPM = makeZip([
  { name: 'GHSA-1.json', data: osv('GHSA-1', 'npm', 'a') },
  { name: 'GHSA-2.json', data: osv('GHSA-2', 'npm', 'b') },
]);
const PYPI = makeZip([{ name: 'PYSEC-1.json', data: osv('PYSEC-1', 'PyPI', 'c') }]);

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const routes: Record<string, () => void> = {
      '/osv/npm/all.zip': () => res.end(NPM),
      '/osv/PyPI/all.zip': () => res.end(PYPI),
      '/osv/Red%20Hat/all.zip': () =>
        res.end(makeZip([{ name: 'RHSA-1.json', data: osv('RHSA-2024:1', 'Red Hat', 'openssl') }])),
      '/osv/truncated/all.zip': () => res.end(NPM.subarray(0, NPM.length - 30)),
      '/osv/garbage/all.zip': () => res.end('<html>captive portal</html>'),
      '/osv/moved/all.zip': () => res.writeHead(302, { location: '/osv/npm/all.zip' }).end(),
      '/osv/huge/all.zip': () => res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) }).end(),
      '/osv/endless/all.zip': () => {
        res.writeHead(200);
        const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024)), 5);
        res.on('close', () => clearInterval(timer));
      },
      // Sends a little, then nothing: a stalled connection.
      '/osv/slow/all.zip': () => {
        res.writeHead(200);
        res.write(NPM.subarray(0, 10));
      },
    };
    const route = routes[req.url ?? ''];
    if (route) route();
    else res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/osv`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  requests.length = 0;
});

function store(): VulnStore {
  const tree = makeTree({});
  cleanups.push(tree.cleanup);
  const s = VulnStore.open(join(tree.root, 'cache', 'vulndb.sqlite'));
  cleanups.unshift(() => s.close());
  return s;
}

const leftovers = (s: VulnStore) =>
  readdirSync(dirname(s.path!)).filter((f) => !f.startsWith('vulndb.sqlite'));

describe('updateDatabase', () => {
  it('downloads each ecosystem and imports them', async () => {
    const s = store();
    const r = await updateDatabase(s, { ecosystems: ['npm', 'PyPI'], mirror: `${base}/` });
    expect(r.downloads).toEqual([
      { ecosystem: 'npm', url: `${base}/npm/all.zip`, bytes: NPM.length },
      { ecosystem: 'PyPI', url: `${base}/PyPI/all.zip`, bytes: PYPI.length },
    ]);
    expect(r.import).toMatchObject({ records: 3, inserted: 3 });
    expect(s.status().map((e) => [e.ecosystem, e.advisories, e.origin])).toEqual([
      ['PyPI', 1, `${base}/PyPI/all.zip`],
      ['npm', 2, `${base}/npm/all.zip`],
    ]);
    expect(leftovers(s)).toEqual([]);
  });

  it('takes the mirror from GATEHOUSE_OSV_MIRROR, and encodes ecosystem names', async () => {
    const s = store();
    await updateDatabase(s, { ecosystems: ['Red Hat'], env: { GATEHOUSE_OSV_MIRROR: base } });
    expect(requests).toEqual(['/osv/Red%20Hat/all.zip']);
    expect(s.recordsFor('Red Hat', 'openssl')).toHaveLength(1);
  });

  it('follows redirects', async () => {
    const s = store();
    expect((await updateDatabase(s, { ecosystems: ['moved'], mirror: base })).import.records).toBe(2);
  });

  it.each([
    ['an unknown ecosystem', 'Nope', /cannot download the Nope advisories: .*HTTP 404 Not Found/],
    ['a truncated dump', 'truncated', /truncated\/all\.zip|not a readable zip archive/],
    ['something that is not a zip', 'garbage', /not a readable zip archive/],
    ['a response over the size limit', 'huge', /larger than the 1.0 MiB limit/],
    ['an endless response', 'endless', /larger than the 1.0 MiB limit/],
    ['a stalled server', 'slow', /no data for 0.3 s/],
  ])('fails on %s and changes nothing', async (_, ecosystem, message) => {
    const s = store();
    await updateDatabase(s, { ecosystems: ['PyPI'], mirror: base });
    const before = JSON.stringify(s.status());
    const run = updateDatabase(s, {
      ecosystems: ['npm', ecosystem],
      mirror: base,
      limits: { maxBytes: 1024 * 1024, idleTimeoutMs: 300 },
    });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(message);
    expect(JSON.stringify(s.status())).toBe(before);
    expect(s.recordsFor('npm', 'a')).toEqual([]);
    expect(leftovers(s)).toEqual([]);
  });

  it('says so when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      updateDatabase(store(), { ecosystems: ['npm'], mirror: `http://127.0.0.1:${port}` }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });

  it.each(['not a url', 'file:///srv/osv', 'ftp://mirror/osv'])('refuses the mirror %j', async (mirror) => {
    await expect(updateDatabase(store(), { ecosystems: ['npm'], mirror })).rejects.toThrow(
      /mirror '.*' is not/,
    );
    expect(requests).toEqual([]);
  });
});
