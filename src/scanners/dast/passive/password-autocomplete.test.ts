import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { passwordAutocomplete as rule } from './password-autocomplete.js';

const form = (formAttrs: string, passwordAttrs: string) => `<form method="post" action="/login"${formAttrs}>
<label>E-mail <input type="email" name="email" autocomplete="username"></label>
<label>Password <input type="password" name="password"${passwordAttrs}></label>
<button>Sign in</button></form>`;
const page = (body: string) => runPassive(rule, { headers: headers(), body: html('Sign in', body) });

describe('dast/password-autocomplete', () => {
  it('reports a password input with no autocomplete decision, or an explicit on', () => {
    const hits = page(form('', ''));
    expect(hits).toMatchObject([{ param: 'password', evidence: '<input type="password" name="password">' }]);
    expect(page(form('', ' autocomplete="on"'))).toHaveLength(1);
    expect(page(form(' autocomplete="off"', ' autocomplete="ON"'))).toHaveLength(1);
    expect(page('<input type="PASSWORD" id="pin">')).toMatchObject([{ param: 'pin' }]);
  });

  it('accepts any explicit decision, on the input or inherited from the form', () => {
    for (const value of [
      'off',
      'current-password',
      'new-password',
      'one-time-code',
      'section-login current-password',
    ])
      expect(page(form('', ` autocomplete="${value}"`)), value).toEqual([]);
    expect(page(form(' autocomplete="off"', ''))).toEqual([]);
  });

  it('does not inherit past the end of the form, and ignores fields that only mention passwords', () => {
    expect(page(`${form(' autocomplete="off"', '')}<input type="password" name="pin">`)).toHaveLength(1);
    expect(page('<form><input type="text" name="password_hint"><label>Password</label></form>')).toEqual([]);
  });

  it('survives hostile pages', () => {
    page(HUGE);
    page(`type=password ${'<input type="password">'.repeat(50_000)}`);
    page(`${'<form autocomplete="off">'.repeat(50_000)}<input type="password">`);
  });
});
