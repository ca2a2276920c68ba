import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { sensitiveHtmlComment as rule } from './sensitive-html-comment.js';

const page = (comment: string) =>
  runPassive(rule, {
    headers: headers(),
    body: html('Store status', `<p>All normal.</p>\n<!-- ${comment} -->`),
  });

describe('dast/sensitive-html-comment', () => {
  it('reports credentials in comments, redacted', () => {
    const hits = page('TODO remove before release: admin password: Spr1ng2024!Shop');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence).toBe('<!-- … password: Spr1… … -->');
    expect(hits[0]!.message).not.toContain('Spr1ng');
    expect(page('api_key=7d41c2e9b0a84f6f')).toMatchObject([{ param: 'api_key' }]);
    const dsn = page('db: mysql://shop:hunter2@db.internal:3306/shop');
    expect(dsn[0]!.message).toContain('connection string');
    expect(dsn[0]!.evidence).not.toContain('hunter2');
  });

  it('accepts TODOs, words and placeholders', () => {
    for (const comment of [
      'TODO: fix the password reset flow',
      'FIXME password field should be required',
      'password: required',
      'password: ********',
      'token={{ csrf_token }}',
      'api_key=${API_KEY}',
      'password: <your password>',
      'see https://docs.example.com:8080/path@section',
      'rendered by app-7 (upstream 10.20.30.40:8080)',
    ])
      expect(page(comment), comment).toEqual([]);
  });

  it('survives hostile pages', () => {
    page(HUGE);
    page('password: '.repeat(500_000));
    page(`a://${'x'.repeat(200_000)}`);
    runPassive(rule, { headers: headers(), body: '<!-- password=abc123 -->'.repeat(100_000) });
  });
});
