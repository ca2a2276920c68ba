import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { corsReflectedOriginWithCredentials as rule } from './cors-reflected-origin-with-credentials.js';

const api = (origin: string | undefined, response: Record<string, string | string[]>, method = 'GET') =>
  runPassive(rule, {
    url: 'http://127.0.0.1:8080/api/me',
    method,
    requestHeaders: origin ? { origin } : {},
    headers: { 'content-type': 'application/json', vary: 'Origin', ...response },
    body: method === 'OPTIONS' ? '' : '{"user":"ann"}',
  });
const grant = (origin: string) => ({
  'access-control-allow-origin': origin,
  'access-control-allow-credentials': 'true',
});

describe('dast/cors-reflected-origin-with-credentials', () => {
  it('reports a foreign Origin echoed with credentials, on GET and preflight', () => {
    const hits = api('https://attacker.example.net', grant('https://attacker.example.net'));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence).toBe(
      'Access-Control-Allow-Origin: https://attacker.example.net / Access-Control-Allow-Credentials: true',
    );
    expect(hits[0]!.confidence).toBeUndefined();
    expect(
      api('https://attacker.example.net', grant('https://attacker.example.net'), 'OPTIONS'),
    ).toHaveLength(1);
  });

  it('lowers confidence for a sibling subdomain an allow-list may hold', () => {
    const sibling = runPassive(
      rule,
      {
        url: 'https://api.shop.example.com/me',
        requestHeaders: { origin: 'https://www.shop.example.com' },
        headers: grant('https://www.shop.example.com'),
        body: '{}',
      },
      'https://api.shop.example.com',
    );
    expect(sibling[0]!.confidence).toBe('medium');
  });

  it('accepts an allow-listed origin not matching the request, no credentials, and same-origin', () => {
    expect(api('https://attacker.example.net', grant('https://shop.example.invalid'))).toEqual([]);
    expect(api('https://attacker.example.net', {})).toEqual([]);
    expect(
      api('https://attacker.example.net', { 'access-control-allow-origin': 'https://attacker.example.net' }),
    ).toEqual([]);
    expect(api('http://127.0.0.1:8080', grant('http://127.0.0.1:8080'))).toEqual([]);
    expect(api(undefined, grant('https://shop.example.invalid'))).toEqual([]);
  });

  it('leaves wildcard and null to their rules, and ignores grants browsers reject', () => {
    expect(api('https://a.example.net', { ...grant('*') })).toEqual([]);
    expect(api('null', grant('null'))).toEqual([]);
    const twice = {
      'access-control-allow-origin': ['https://a.example.net', 'https://a.example.net'],
      'access-control-allow-credentials': 'true',
    };
    expect(api('https://a.example.net', twice)).toEqual([]);
    expect(
      api('https://a.example.net', {
        ...grant('https://a.example.net'),
        'access-control-allow-credentials': 'True',
      }),
    ).toEqual([]);
  });

  it('survives hostile origins', () => {
    const long = `https://${'a'.repeat(100_000)}.example.net`;
    expect(api(long, grant(long))[0]!.message.length).toBeLessThan(300);
    expect(api('not a url', grant('not a url'))).toEqual([]);
  });
});
