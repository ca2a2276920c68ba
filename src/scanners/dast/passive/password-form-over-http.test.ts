import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { passwordFormOverHttp as rule } from './password-form-over-http.js';

const LOGIN = (action: string) => `<form method="post" action="${action}">
<input type="hidden" name="csrf_token" value="x">
<label>E-mail <input type="email" name="email" autocomplete="username"></label>
<label>Password <input type="password" name="password" autocomplete="off"></label>
<button>Sign in</button></form>`;
const page = (body: string, url: string) =>
  runPassive(rule, { url, headers: headers(), body: html('Sign in', body) }, new URL(url).origin);

describe('dast/password-form-over-http', () => {
  it('reports a password form on an http page', () => {
    const hits = page(LOGIN('/login'), 'http://shop.example.com/login');
    expect(hits).toMatchObject([{ param: 'password' }]);
    expect(hits[0]!.confidence).toBeUndefined();
    expect(hits[0]!.message).toContain('served over plain HTTP');
  });

  it('reports loopback pages with medium confidence', () => {
    expect(page(LOGIN('/login'), 'http://127.0.0.1:8080/login')[0]!.confidence).toBe('medium');
  });

  it('reports an HTTPS page posting the password to http', () => {
    const hits = page(LOGIN('http://shop.example.com/login'), 'https://shop.example.com/login');
    expect(hits[0]!.message).toContain('to the plain-HTTP address');
  });

  it('accepts HTTPS forms and forms without a password input', () => {
    expect(page(LOGIN('/login'), 'https://shop.example.com/login')).toEqual([]);
    const forgot = `<p>Forgot your password?</p><form method="post" action="/reset">
<label>Your password hint <input type="text" name="password_hint"></label>
<label>Passport number <input type="text" name="passport_number"></label></form>`;
    expect(page(forgot, 'http://shop.example.com/reset')).toEqual([]);
  });

  it('survives hostile pages', () => {
    page(HUGE, 'http://shop.example.com/');
    page(LOGIN('/login').repeat(1_000), 'http://shop.example.com/');
    expect(page(LOGIN('/login').repeat(1_000), 'http://shop.example.com/')).toHaveLength(5);
  });
});
