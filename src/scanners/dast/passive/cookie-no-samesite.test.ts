import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { headers, ORDINARY } from '../testing/pages.js';
import { cookieNoSameSite } from './cookie-no-samesite.js';

const set = (cookies: string | string[]) =>
  runPassive(cookieNoSameSite, { headers: headers({ 'set-cookie': cookies }), body: ORDINARY });

describe('dast/cookie-no-samesite', () => {
  it('reports session cookies with no, unknown, or insecure None SameSite', () => {
    expect(set('session=abc123; Path=/; Secure; HttpOnly')[0]!.message).toContain('no SameSite');
    expect(set('session=abc123; Secure; HttpOnly; SameSite=Lox')[0]!.message).toContain('do not know');
    expect(set('session=abc123; HttpOnly; SameSite=None')[0]!.message).toContain('None without Secure');
  });

  it('accepts Lax, Strict, deliberate None with Secure, in any case', () => {
    expect(set('session=abc; Secure; HttpOnly; SameSite=Strict')).toEqual([]);
    expect(set('session=abc; Secure; HttpOnly; samesite=lax')).toEqual([]);
    expect(set('session=abc; SAMESITE=NONE; SECURE')).toEqual([]);
  });

  it('ignores non-session cookies and deletions', () => {
    expect(set('theme=dark; Path=/')).toEqual([]);
    expect(set('session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT')).toEqual([]);
  });

  it('survives malformed attributes', () => {
    expect(set('sid=x; samesite; samesite=')).toHaveLength(1);
    expect(set(`sid=x; SameSite=${'L'.repeat(100_000)}`)[0]!.message.length).toBeLessThan(200);
  });
});
