import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { csrfTokenMissing as rule } from './csrf-token-missing.js';

const emailForm = (
  hidden: string,
  method = 'post',
  action = '/account/email',
) => `<form method="${method}" action="${action}">
${hidden}
<label>New e-mail <input type="email" name="email"></label>
<button>Save</button></form>`;
const page = (body: string, head = '') =>
  runPassive(rule, {
    url: 'http://127.0.0.1:8080/account',
    headers: headers(),
    body: html('Account', body, head),
  });

describe('dast/csrf-token-missing', () => {
  it('reports a state-changing POST form without a token', () => {
    const hits = page(emailForm(''));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('http://127.0.0.1:8080/account/email');
    expect(hits[0]!.message).toContain('fields: email');
    expect(hits[0]!.severity).toBeUndefined();
  });

  it('reports a login form without a token at low severity', () => {
    const login =
      '<form method="POST" action="/login"><input name="user"><input type="password" name="pw"></form>';
    expect(page(login)[0]!.severity).toBe('low');
  });

  it('accepts the usual token fields', () => {
    for (const name of [
      'csrf_token',
      '__RequestVerificationToken',
      'csrfmiddlewaretoken',
      'authenticity_token',
      '_token',
      '_csrf',
      'XSRF-TOKEN',
      'nonce',
    ])
      expect(page(emailForm(`<input type="hidden" name="${name}" value="5f2b7c9e">`)), name).toEqual([]);
  });

  it('accepts GET forms, cross-origin actions and pages with a <meta name="csrf-token">', () => {
    expect(page(emailForm('', 'get', '/search'))).toEqual([]);
    expect(page(emailForm('', 'post', 'https://payments.example.net/checkout'))).toEqual([]);
    expect(page(emailForm(''), '<meta name="csrf-token" content="5f2b7c9e">')).toEqual([]);
  });

  it('does not count a visible field named like a token', () => {
    expect(page(emailForm('<input type="text" name="token">'))).toHaveLength(1);
  });

  it('survives hostile pages', () => {
    page(HUGE);
    expect(page(emailForm('').repeat(1_000))).toHaveLength(5);
    page(`<form method="post" action="http://[bad">${'<input name="x">'.repeat(50_000)}</form>`);
  });
});
