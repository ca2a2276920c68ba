import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { headers, ORDINARY } from '../testing/pages.js';
import { cookieNoHttpOnly } from './cookie-no-httponly.js';

const set = (cookies: string | string[]) =>
  runPassive(cookieNoHttpOnly, { headers: headers({ 'set-cookie': cookies }), body: ORDINARY });

describe('dast/cookie-no-httponly', () => {
  it('reports session cookies without HttpOnly', () => {
    expect(set('session=5f2b7c9e4d3a4b1c; Path=/; Secure; SameSite=Lax')).toMatchObject([
      { param: 'session' },
    ]);
    for (const name of [
      'sid',
      'JSESSIONID',
      'PHPSESSID',
      '.AspNetCore.Identity.Application',
      'jwt',
      'remember_user_token',
    ])
      expect(set(`${name}=v4lue; Secure`), name).toHaveLength(1);
  });

  it('accepts HttpOnly in any case, and cookies scripts are meant to read', () => {
    expect(set('session=abc; Path=/; Secure; HttpOnly; SameSite=Lax')).toEqual([]);
    expect(set('session=abc; path=/; secure;httponly;  samesite=lax')).toEqual([]);
    for (const name of [
      'theme',
      'lang',
      'csrftoken',
      'XSRF-TOKEN',
      '_ga',
      'tokenizer_pref',
      'sidebar_state',
      'assess',
    ])
      expect(set(`${name}=v; Secure`), name).toEqual([]);
  });

  it('skips deletions and survives malformed values', () => {
    expect(set('sid=; Max-Age=0')).toEqual([]);
    expect(set(['; ; ;', 'sid', `sid=${'a'.repeat(1_000_000)}; ${'; '.repeat(10_000)}`])).toHaveLength(1);
  });
});
