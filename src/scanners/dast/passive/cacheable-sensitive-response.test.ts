import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { cacheableSensitiveResponse as rule } from './cacheable-sensitive-response.js';

const ACCOUNT = html(
  'Your account',
  `<dl><dt>Name</dt><dd>Ann Example</dd><dt>Card</dt><dd>Visa ending 4242</dd>
<dt>API key</dt><dd><code>shop_live_example_not_a_secret_5c1d</code></dd></dl>`,
);
const CATALOGUE = html('Catalogue', '<ul><li>Espresso cup — €12</li><li>Travel mug — €18</li></ul>');
const check = (
  cacheControl: string | undefined,
  body = ACCOUNT,
  extra: Record<string, string | string[]> = {},
  requestHeaders: Record<string, string> = {},
) =>
  runPassive(rule, { headers: headers({ 'cache-control': cacheControl, ...extra }), body, requestHeaders });

describe('dast/cacheable-sensitive-response', () => {
  it('reports a page showing a credential with no Cache-Control (low) or public caching (medium)', () => {
    const heuristic = check(undefined);
    expect(heuristic).toHaveLength(1);
    expect(heuristic[0]!.severity).toBe('low');
    expect(heuristic[0]!.message).toContain('no Cache-Control header');
    expect(heuristic[0]!.evidence).toBe('api key: shop…');
    const shared = check('public, max-age=600');
    expect(shared[0]!.severity).toBeUndefined();
    expect(shared[0]!.message).toContain('lets shared caches store it');
    expect(check('max-age=600')[0]!.message).toContain('neither no-store nor private');
  });

  it('reports a cacheable response that sets a session cookie', () => {
    const hits = check('public, max-age=60', CATALOGUE, { 'set-cookie': 'sid=5f2b7c9e4d3a4b1c; HttpOnly' });
    expect(hits[0]!.message).toContain('sets the session cookie sid');
  });

  it('reports an authenticated response that shared caches may keep', () => {
    expect(check('public, max-age=60', CATALOGUE, {}, { authorization: 'Bearer x' })).toHaveLength(1);
    expect(check(undefined, CATALOGUE, {}, { authorization: 'Bearer x' })).toEqual([]);
  });

  it('accepts no-store or private in any case, and public pages with nothing personal', () => {
    expect(check('private, No-Store')).toEqual([]);
    expect(check('PRIVATE')).toEqual([]);
    expect(check('no-store', ACCOUNT, {}, { authorization: 'Bearer x' })).toEqual([]);
    expect(check('public, max-age=3600', CATALOGUE)).toEqual([]);
    expect(check('public, max-age=3600', CATALOGUE, {}, { cookie: 'sid=abc' })).toEqual([]);
    expect(check(undefined, CATALOGUE, { 'set-cookie': 'theme=dark' })).toEqual([]);
    expect(check(undefined, CATALOGUE, { 'set-cookie': 'sid=; Max-Age=0' })).toEqual([]);
  });

  it('accepts documentation showing test keys, static assets and error answers', () => {
    expect(
      check('public, max-age=3600', html('Docs', '<p>Use the API key sk_test_4eC39HqLyjWDarjtT1zdp7dc.</p>')),
    ).toEqual([]);
    const js = { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=3600' };
    expect(runPassive(rule, { headers: js, body: 'const apiKey = "abc123def456ghi789";' })).toEqual([]);
    expect(
      runPassive(rule, { status: 404, headers: headers({ 'cache-control': undefined }), body: ACCOUNT }),
    ).toEqual([]);
  });

  it('survives hostile bodies', () => {
    check(undefined, HUGE);
    check(undefined, 'api key '.repeat(500_000));
    check(undefined, `api_key=${'a1'.repeat(1_000_000)}`);
  });
});
