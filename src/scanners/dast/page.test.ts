import { describe, expect, it } from 'vitest';
import { parsePage, resolveUrl } from './page.js';

const BASE = 'http://127.0.0.1:8080/shop/list';

describe('parsePage', () => {
  it('reads links, forms with their inputs, scripts, resources, meta and comments', () => {
    const page = parsePage(
      `<html><head><title> Shop
      list </title><meta http-equiv="Content-Security-Policy" content="default-src 'self'">
      <script src="/static/app.js"></script><script>fetch('/api/items')</script></head>
      <body><!-- build 42 --><a href="item?id=1">x</a><a href="#top">t</a><a href="javascript:alert(1)">j</a>
      <a href="mailto:a@b">m</a><img src="http://cdn.example/i.png">
      <form method="post" action="/cart"><input name="qty" type="number" value="2"><input type="password" name="pw" autocomplete="off">
      <button name="go">Go</button></form><form><input name="q"></form></body></html>`,
      BASE,
    );
    expect(page.title).toBe('Shop list');
    expect(page.links).toEqual([
      'http://127.0.0.1:8080/static/app.js',
      'http://127.0.0.1:8080/shop/item?id=1',
      'http://cdn.example/i.png',
      'http://127.0.0.1:8080/cart',
      BASE,
    ]);
    expect(page.forms).toEqual([
      {
        action: 'http://127.0.0.1:8080/cart',
        method: 'POST',
        enctype: 'application/x-www-form-urlencoded',
        inputs: [
          { name: 'qty', type: 'number', value: '2' },
          { name: 'pw', type: 'password', value: '', autocomplete: 'off' },
          { name: 'go', type: 'button', value: '' },
        ],
      },
      {
        action: BASE,
        method: 'GET',
        enctype: 'application/x-www-form-urlencoded',
        inputs: [{ name: 'q', type: 'text', value: '' }],
      },
    ]);
    expect(page.scripts).toEqual(['http://127.0.0.1:8080/static/app.js']);
    expect(page.inlineScripts).toEqual(["fetch('/api/items')"]);
    expect(page.resources.map((r) => r.tag)).toEqual(['script', 'img']);
    expect(page.meta['content-security-policy']).toBe("default-src 'self'");
    expect(page.comments).toEqual([' build 42 ']);
  });

  it('resolves against <base href>', () => {
    expect(parsePage('<base href="/other/"><a href="p">p</a>', BASE).links).toEqual([
      'http://127.0.0.1:8080/other/p',
    ]);
  });

  it('gives a partial page for broken, binary and hostile markup, in bounded time', () => {
    expect(parsePage('<a href="/x"<<>><form action=', BASE).links.length).toBeGreaterThanOrEqual(0);
    expect(() => parsePage('\u0000\uffff<\u0001>'.repeat(10_000), BASE)).not.toThrow();
    const nested = parsePage(`${'<div>'.repeat(400_000)}<a href="/deep">d</a>`, BASE);
    expect(nested.links).toEqual([]);
    const many = parsePage('<a href="/p">p</a>'.repeat(50_000), BASE);
    expect(many.links).toEqual(['http://127.0.0.1:8080/p']);
  });
});

describe('resolveUrl', () => {
  it('keeps http(s) only and drops fragments', () => {
    expect(resolveUrl('/a#b', BASE)).toBe('http://127.0.0.1:8080/a');
    expect(resolveUrl('data:text/html,x', BASE)).toBeUndefined();
    expect(resolveUrl('http://[bad', BASE)).toBeUndefined();
    expect(resolveUrl('  ', BASE)).toBeUndefined();
  });
});
