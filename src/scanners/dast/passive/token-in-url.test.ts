import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html } from '../testing/pages.js';
import { tokenInUrl } from './token-in-url.js';

const SELF = '/docs';
const page = (
  body: string,
  url = 'http://127.0.0.1:8080/docs',
  kind: 'crawl' | 'probe' | 'active' = 'crawl',
) => runPassive(tokenInUrl, { url, kind, headers: headers(), body });

describe('dast/token-in-url', () => {
  it('reports links carrying credential-like values, redacted', () => {
    const hits = page(
      html(
        'Your documents',
        `<ul><li><a href="${SELF}?invoice=1042&amp;token=5f2b7c9e4d3a4b1c8e6f0a9d2c7b4e1f">Invoice</a></li>
<li><a href="${SELF}?format=csv&amp;access_token=example-not-a-secret-7d41c2">Export</a></li>
<li><a href="${SELF}?view=profile&amp;sessionid=8c1f0e2a9b7d4c6e">Profile</a></li>
<li><a href="${SELF}?page=2&amp;token=5f2b7c9e4d3a4b1c8e6f0a9d2c7b4e1f">Next</a></li></ul>`,
      ),
    );
    expect(hits.map((h) => h.param)).toEqual(['token', 'access_token', 'sessionid']);
    expect(hits[0]!.message).toContain('2 links');
    expect(hits[0]!.message).toContain('token=5f2b…');
    for (const h of hits) {
      expect(`${h.message} ${h.evidence}`).not.toContain('5f2b7c9e4d3a');
      expect(`${h.message} ${h.evidence}`).not.toContain('example-not-a-secret');
    }
  });

  it('reports ;jsessionid= path parameters and the crawled URL itself', () => {
    const cart = '/cart;jsessionid=0A1B2C3D4E5F60718293A4B5C6D7E8F9';
    const hits = page(
      html('Cart', `<a href="${cart}">Refresh</a><a href="${cart}?step=checkout">Checkout</a>`),
    );
    expect(hits).toMatchObject([{ param: 'jsessionid' }]);
    expect(hits[0]!.message).toContain('2 links');
    const own = page(html('Docs', '<p>x</p>'), 'http://127.0.0.1:8080/docs?api_key=AbC123dEf456GhI789');
    expect(own[0]!.message).toContain('the requested URL');
  });

  it('accepts parameters that merely mention tokens, and short or plain values', () => {
    const safe = html(
      'Search tips',
      `<a href="${SELF}?sort=token&amp;page=2">Sort</a><a href="${SELF}?tokenizer=whitespace">Split</a>
<a href="${SELF}?q=access+token">Articles</a><a href="${SELF}?session=summer-2024">Summer session</a>
<a href="${SELF}?token=abc">Short</a><a href="${SELF}?sid=aaaaaaaaaaaaaaaaaaaa1">Repetitive</a>
<form method="post" action="${SELF}"><input type="hidden" name="csrf_token" value="5f2b7c9e4d3a4b1c8e6f0a9d2c7b4e1f"></form>`,
    );
    expect(page(safe)).toEqual([]);
  });

  it('does not judge links to other hosts or URLs the scanner built', () => {
    const maps = html(
      'Map',
      '<script src="https://maps.example.net/js?access_token=pk12345abcdef67890xyz"></script>',
    );
    expect(page(maps)).toEqual([]);
    const probe = 'http://127.0.0.1:8080/docs?token=5f2b7c9e4d3a4b1c8e6f0a9d2c7b4e1f';
    expect(page(html('Docs', '<p>x</p>'), probe, 'active')).toEqual([]);
  });

  it('survives hostile pages', () => {
    const many = Array.from(
      { length: 20_000 },
      (_, i) => `<a href="/x?token=5f2b7c9e4d3a4b1c${i}">x</a>`,
    ).join('');
    expect(page(many)).toHaveLength(1);
    page(HUGE);
    page(`<a href="/x;jsessionid=${'a'.repeat(100_000)}">x</a><a href="http://[::1">bad</a>`);
  });
});
