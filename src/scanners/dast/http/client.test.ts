import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVulnerableApp, type VulnerableApp } from '../../../../test/fixtures/dast/app/server.js';
import type { ReceivedResponse } from '../types.js';
import { type Failure, HttpClient, isFailure, overloadPause } from './client.js';

let app: VulnerableApp;
let client: HttpClient;
const MAX = 256 * 1024;

beforeAll(async () => {
  app = await startVulnerableApp();
  client = new HttpClient({
    rate: 500,
    concurrency: 4,
    timeoutMs: 1500,
    maxBodyBytes: MAX,
    headers: { 'x-test': '1' },
  });
});
afterAll(async () => {
  client.close();
  await app.close();
});

const get = (path: string) => client.send({ method: 'GET', url: `${app.url}${path}` }, 'crawl');
const failure = async (path: string) => {
  const r = await get(path);
  expect(isFailure(r), `${path} should fail`).toBe(true);
  return (r as Failure).error;
};

describe('HttpClient against hostile endpoints', () => {
  it('answers a normal page with headers lower-cased and every Set-Cookie kept', async () => {
    const r = await get('/');
    if (isFailure(r)) throw new Error(r.error);
    expect(r.response.status).toBe(200);
    expect(r.response.headers['content-type']?.[0]).toMatch(/text\/html/);
    expect(r.request.headers['x-test']).toBe('1');
    expect(r.request.headers['user-agent']).toMatch(/Gatehouse/);
  });

  it('does not follow redirects, so loops cost one request each', async () => {
    const r = await get('/hostile/redirect-loop');
    expect(isFailure(r) ? 0 : r.response.status).toBe(302);
  });

  it('cuts gigantic bodies and gzip bombs at the limit, decoded bytes counted', async () => {
    for (const path of ['/hostile/gigantic', '/hostile/gzip-bomb']) {
      const r = await get(path);
      if (isFailure(r)) throw new Error(`${path}: ${r.error}`);
      expect(r.response.truncated).toBe(true);
      expect(r.response.body.length).toBe(MAX);
    }
  });

  it('gives up on silent and hanging servers at the timeout', async () => {
    expect(await failure('/hostile/hang-before-headers')).toMatch(/no answer within 1.5 s|silent for 1.5 s/);
    expect(await failure('/hostile/hang')).toMatch(/no answer within|silent for/);
  });

  it('names malformed responses instead of crashing', async () => {
    expect(await failure('/hostile/invalid-header')).toMatch(/malformed HTTP response/);
    expect(await failure('/hostile/huge-header')).toMatch(/malformed HTTP response|HPE_HEADER_OVERFLOW/);
    expect(await failure('/hostile/truncated-chunked')).toMatch(/broke off|malformed/);
    expect(await failure('/hostile/short-body')).toMatch(/broke off|malformed|reset/);
    expect(await failure('/hostile/reset')).toMatch(/reset|socket hang up/);
  });

  it('asks a GET once more after a reset, and says so when the second try fails too', async () => {
    let connections = 0;
    const flaky = createServer((_req, res) => res.end('second time lucky'));
    flaky.on('connection', (socket) => {
      if (++connections === 1) socket.resetAndDestroy();
    });
    await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(flaky.address() as { port: number }).port}/`;
    const r = await client.send({ method: 'GET', url }, 'crawl');
    expect(isFailure(r) ? r.error : r.response.body.toString()).toBe('second time lucky');
    const post = await client.send({ method: 'POST', url, body: 'x' }, 'crawl');
    expect(isFailure(post)).toBe(false);
    flaky.close();
    const before = client.stats.sent;
    expect(await failure('/hostile/reset')).toMatch(/reset|socket hang up/);
    expect(client.stats.sent - before).toBe(2);
  });

  it('slows down when the server answers 429 with Retry-After, and asks again', async () => {
    let calls = 0;
    const busy = createServer((_req, res) => {
      if (++calls === 1) res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      else res.end('ok');
    });
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const c = new HttpClient({ rate: 40, concurrency: 2, timeoutMs: 3000, maxBodyBytes: MAX, headers: {} });
    const started = Date.now();
    const r = await c.send(
      { method: 'GET', url: `http://127.0.0.1:${(busy.address() as { port: number }).port}/` },
      'crawl',
    );
    expect(isFailure(r) ? r.error : r.response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(c.rate).toBe(20);
    expect(c.stats.backoffs).toBe(1);
    c.close();
    busy.close();
  });

  it('reads Retry-After as seconds or a date, capped, and ignores 503 without it', () => {
    const res = (status: number, after?: string): ReceivedResponse => ({
      status,
      headers: after ? { 'retry-after': [after] } : {},
      body: Buffer.alloc(0),
      truncated: false,
      elapsedMs: 1,
    });
    expect(overloadPause(res(200))).toBeUndefined();
    expect(overloadPause(res(503))).toBeUndefined();
    expect(overloadPause(res(429))).toBe(1000);
    expect(overloadPause(res(429, '3'))).toBe(3000);
    expect(overloadPause(res(503, '99999'))).toBe(30_000);
    expect(overloadPause(res(429, new Date(Date.now() + 2000).toUTCString()))).toBeGreaterThan(500);
    expect(overloadPause(res(429, 'soon'))).toBe(1000);
  });

  it('keeps to the rate', async () => {
    const slow = new HttpClient({
      rate: 10,
      concurrency: 4,
      timeoutMs: 2000,
      maxBodyBytes: MAX,
      headers: {},
    });
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 6 }, () => slow.send({ method: 'GET', url: `${app.url}/robots.txt` }, 'crawl')),
    );
    slow.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('stops at once when the time budget is spent', async () => {
    const budget = new AbortController();
    const c = new HttpClient({
      rate: 100,
      concurrency: 2,
      timeoutMs: 10_000,
      maxBodyBytes: MAX,
      headers: {},
      signal: budget.signal,
    });
    const pending = c.send({ method: 'GET', url: `${app.url}/hostile/hang-before-headers` }, 'crawl');
    setTimeout(() => budget.abort(), 200);
    const r = await pending;
    c.close();
    expect(isFailure(r) && r.error).toBe('the time budget is spent');
  });
});
