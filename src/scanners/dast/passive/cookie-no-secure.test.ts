import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { headers, ORDINARY } from '../testing/pages.js';
import { cookieNoSecure } from './cookie-no-secure.js';

const HTTPS = 'https://shop.example.com';
const set = (cookies: string | string[], url?: string) =>
  runPassive(
    cookieNoSecure,
    { headers: headers({ 'set-cookie': cookies }), body: ORDINARY, ...(url ? { url } : {}) },
    url ? new URL(url).origin : undefined,
  );

describe('dast/cookie-no-secure', () => {
  it('reports a session cookie without Secure, over HTTP and HTTPS', () => {
    const http = set('session=8c1f0e2a9b7d4c6e8c1f0e2a9b7d4c6e; Path=/; HttpOnly; SameSite=Lax');
    expect(http).toHaveLength(1);
    expect(http[0]).toMatchObject({ param: 'session' });
    expect(http[0]!.message).toContain('clear text');
    expect(http[0]!.evidence).toBe('Set-Cookie: session=8c1f…; Path=/; HttpOnly; SameSite=Lax');
    for (const name of [
      'PHPSESSID',
      'JSESSIONID',
      'connect.sid',
      'ASP.NET_SessionId',
      'laravel_session',
      'auth_token',
    ])
      expect(set(`${name}=abcdef0123456789abcdef; Path=/`, `${HTTPS}/`), name).toHaveLength(1);
  });

  it('reports other cookies over HTTPS only, at info severity', () => {
    expect(set('theme=dark; Path=/', `${HTTPS}/`)).toMatchObject([{ param: 'theme', severity: 'info' }]);
    expect(set('theme=dark; Path=/')).toEqual([]);
  });

  it('accepts Secure in any case and spacing', () => {
    expect(set('session=abc; Path=/; Secure; HttpOnly; SameSite=Lax', `${HTTPS}/`)).toEqual([]);
    expect(set('session=abc; PATH=/; SECURE; HTTPONLY; SAMESITE=LAX')).toEqual([]);
    expect(set('session=abc;secure;httponly')).toEqual([]);
  });

  it('skips deletions and prefixed cookies browsers would reject', () => {
    expect(set('session=; Path=/; Max-Age=0')).toEqual([]);
    expect(set('session=deleted; Expires=Thu, 01 Jan 1970 00:00:00 GMT')).toEqual([]);
    expect(set('__Host-session=abc; Path=/', `${HTTPS}/`)).toEqual([]);
  });

  it('judges each Set-Cookie and survives malformed ones', () => {
    const hits = set([
      'sid=a1b2c3d4e5f6a7b8; HttpOnly',
      'lang=en',
      '=novalue',
      'garbage',
      `${'x'.repeat(100_000)}=y`,
    ]);
    expect(hits.map((h) => h.param)).toEqual(['sid']);
    expect(set(Array.from({ length: 10_000 }, (_, i) => `sid${i}=v`)).length).toBeLessThanOrEqual(50);
  });

  it('ignores cookies in answers to attack requests', () => {
    const ex = {
      kind: 'active' as const,
      headers: headers({ 'set-cookie': 'sid=injected' }),
      body: ORDINARY,
    };
    expect(runPassive(cookieNoSecure, ex)).toEqual([]);
  });
});
