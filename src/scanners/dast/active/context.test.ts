import { describe, expect, it } from 'vitest';
import type { Failure, OutgoingRequest } from '../http/client.js';
import { exchange } from '../testing/exchange.js';
import type { Exchange } from '../types.js';
import { activeContext, encodeValue, injectedRequest, insertionPoints, replaceParam } from './context.js';
import { point } from './testing/fake-target.js';

describe('injectedRequest', () => {
  it('replaces one query parameter and keeps the others byte for byte', () => {
    const p = point({ url: 'http://h/s?a=1&q=mugs&b=x%20y#top', name: 'q' });
    expect(injectedRequest(p, "x'+\r\n<")).toEqual({
      method: 'GET',
      url: 'http://h/s?a=1&q=x%27%2B%0D%0A%3C&b=x%20y',
    });
  });

  it('adds the parameter when the URL does not carry it', () => {
    expect(injectedRequest(point({ url: 'http://h/s', name: 'q' }), 'v')?.url).toBe('http://h/s?q=v');
  });

  it('keeps the body of a POST whose query is attacked', () => {
    const r = injectedRequest(point({ method: 'POST', url: 'http://h/s?q=1', body: 'a=1' }), '2');
    expect(r).toMatchObject({
      url: 'http://h/s?q=2',
      body: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  });

  it('replaces a form field in an urlencoded body', () => {
    const p = point({
      method: 'POST',
      url: 'http://h/f',
      location: 'form',
      name: 'comment',
      body: 'csrf_token=t&comment=Nice+mug',
    });
    expect(injectedRequest(p, 'a b+c')).toEqual({
      method: 'POST',
      url: 'http://h/f',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'csrf_token=t&comment=a%20b%2Bc',
    });
  });

  it('replaces a top-level JSON property with a string', () => {
    const p = point({
      method: 'POST',
      url: 'http://h/api',
      location: 'json',
      name: 'id',
      body: '{"id":1,"format":"csv"}',
    });
    const r = injectedRequest(p, "1'");
    expect(r?.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(r?.body ?? '')).toEqual({ id: "1'", format: 'csv' });
    expect(injectedRequest({ ...p, body: '[1]' }, 'x')).toBeUndefined();
    expect(injectedRequest({ ...p, body: 'not json' }, 'x')).toBeUndefined();
  });

  it('replaces a path segment without letting the URL parser resolve it', () => {
    const p = point({ url: 'http://h/files/report.txt?x=1', location: 'path', name: '1' });
    expect(injectedRequest(p, '../../etc/passwd')?.url).toBe('http://h/files/..%2F..%2Fetc%2Fpasswd?x=1');
    expect(injectedRequest({ ...p, name: '7' }, 'x')).toBeUndefined();
  });

  it('encodes every character a form decoder would change', () => {
    expect(encodeValue("+!'()* ")).toBe('%2B%21%27%28%29%2A%20');
    expect(replaceParam('', 'a b', 'c')).toBe('a%20b=c');
  });
});

describe('insertionPoints', () => {
  it('derives query, form and JSON points and skips tokens and buttons', () => {
    const get = exchange({ url: 'http://h/s?q=mugs&csrf_token=abc&page=2&q=again&submit=Go' });
    expect(insertionPoints(get).map((p) => `${p.location}:${p.name}=${p.value}`)).toEqual([
      'query:q=mugs',
      'query:page=2',
    ]);

    const form = exchange({
      method: 'POST',
      url: 'http://h/f',
      requestHeaders: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      requestBody: 'comment=Nice+mug&__RequestVerificationToken=x&btnSave=1',
    });
    expect(insertionPoints(form)).toEqual([
      {
        method: 'POST',
        url: 'http://h/f',
        location: 'form',
        name: 'comment',
        value: 'Nice mug',
        body: 'comment=Nice+mug&__RequestVerificationToken=x&btnSave=1',
      },
    ]);

    const json = exchange({
      method: 'POST',
      url: 'http://h/api',
      requestHeaders: { 'content-type': 'application/json' },
      requestBody: '{"customer":"acme","limit":5,"tags":["a"],"nested":{"a":1},"_token":"x"}',
    });
    expect(insertionPoints(json).map((p) => `${p.name}=${p.value}`)).toEqual(['customer=acme', 'limit=5']);
  });

  it('gives nothing for a broken URL or body', () => {
    const ex = exchange({
      method: 'POST',
      requestHeaders: { 'content-type': 'application/json' },
      requestBody: '{',
    });
    expect(insertionPoints(ex)).toEqual([]);
    ex.request.url = 'not a url';
    expect(insertionPoints(ex)).toEqual([]);
  });
});

describe('activeContext', () => {
  const baseline = exchange();

  function client(result: (req: OutgoingRequest) => Exchange | Failure | Promise<never>) {
    const sent: OutgoingRequest[] = [];
    return {
      sent,
      send: async (req: OutgoingRequest) => {
        sent.push(req);
        return result(req);
      },
    };
  }

  it('sends the injected request as an active exchange', async () => {
    const c = client((req) => exchange({ kind: 'active', url: req.url }));
    const ctx = activeContext(
      point({ url: 'http://127.0.0.1:8080/s?q=1' }),
      baseline,
      c,
      () => true,
      'http://127.0.0.1:8080',
    );
    const ex = await ctx.inject('2');
    expect(ex?.request.url).toBe('http://127.0.0.1:8080/s?q=2');
    expect(ctx.baseline).toBe(baseline);
  });

  it('refuses what the scope does not allow, without sending', async () => {
    const c = client((req) => exchange({ url: req.url }));
    const ctx = activeContext(point(), baseline, c, () => false, 'http://127.0.0.1:8080');
    expect(await ctx.inject('x')).toBeUndefined();
    expect(await ctx.send({ method: 'GET', url: 'http://elsewhere.example/' })).toBeUndefined();
    expect(c.sent).toEqual([]);
  });

  it('turns failures and exceptions into undefined', async () => {
    const failing = client((req) => ({ request: { ...req, headers: {} }, error: 'connection refused' }));
    expect(await activeContext(point(), baseline, failing, () => true, '').inject('x')).toBeUndefined();
    const throwing = client(() => Promise.reject(new Error('boom')));
    expect(await activeContext(point(), baseline, throwing, () => true, '').inject('x')).toBeUndefined();
  });
});
