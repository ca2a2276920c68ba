import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { passiveContext } from '../context.js';
import { type ExchangeSpec, exchange } from '../testing/exchange.js';
import { HARDENED, html } from '../testing/pages.js';
import { PASSIVE_RULES } from './index.js';

const NIST = JSON.parse(readFileSync(join(packageRoot(), 'data/nist-800-53-rev5.json'), 'utf8')) as Record<
  string,
  string
>;
const slugOf = (id: string) => id.slice('dast/'.length);

describe('passive rule metadata', () => {
  it('has at least 30 rules with unique ids', () => {
    const ids = PASSIVE_RULES.map((r) => r.rule.id);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every rule file of the folder, and nothing else', () => {
    const files = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -3))
      .sort();
    expect(PASSIVE_RULES.map((r) => slugOf(r.rule.id)).sort()).toEqual(files);
  });

  it.each(PASSIVE_RULES.map((r) => [r.rule.id, r] as const))(
    '%s is complete, with its tests beside it',
    (id, r) => {
      const { rule } = r;
      expect(id).toMatch(/^dast\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(existsSync(join(import.meta.dirname, `${slugOf(id)}.ts`))).toBe(true);
      expect(existsSync(join(import.meta.dirname, `${slugOf(id)}.test.ts`))).toBe(true);
      expect(rule.scanner).toBe('dast');
      expect(rule.tags).toEqual(['dast', 'passive']);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.description.length).toBeGreaterThan(150);
      expect(rule.remediation.length).toBeGreaterThan(40);
      expect(rule.cwe.length).toBeGreaterThan(0);
      for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
      expect(rule.references.length).toBeGreaterThan(0);
      for (const ref of rule.references) expect(ref).toMatch(/^https:\/\/\S+$/);
      const owasp = rule.controls.filter((c) => c.startsWith('owasp-top10-2021:'));
      expect(owasp.length).toBeGreaterThan(0);
      for (const c of owasp) expect(c).toMatch(/^owasp-top10-2021:A(0[1-9]|10)$/);
      const nist = rule.controls.filter((c) => c.startsWith('nist-800-53:'));
      expect(nist.length).toBeGreaterThan(0);
      for (const c of nist)
        expect(NIST[c.slice('nist-800-53:'.length)], `unknown control ${c}`).toBeDefined();
      expect(['site', 'page']).toContain(r.scope);
    },
  );
});

function runAll(spec: ExchangeSpec, origin = 'http://127.0.0.1:8080') {
  const ex = exchange(spec);
  const ctx = passiveContext(ex, origin);
  return PASSIVE_RULES.flatMap((r) => r.check(ex, ctx).map((h) => ({ id: r.rule.id, ...h })));
}

describe('all passive rules together', () => {
  it('find nothing on a hardened HTTPS page, its script, its API and its redirect', () => {
    const origin = 'https://shop.example.com';
    const page = html(
      'Your orders',
      `<p>Orders placed in the last 90 days.</p>
<form method="post" action="/orders/export"><input type="hidden" name="csrf_token" value="5f2b7c9e4d3a4b1c">
<button>Export</button></form>
<form method="get" action="/search"><input type="search" name="q"></form>
<form method="post" action="/login"><input type="hidden" name="csrf_token" value="5f2b7c9e4d3a4b1c">
<input type="email" name="email" autocomplete="username"><input type="password" name="password" autocomplete="current-password"></form>
<img src="https://cdn.example.com/logo.png" alt=""><a href="/orders?page=2">Next</a>
<!-- rendered by the orders template -->`,
    );
    const cookie = 'sid=5f2b7c9e4d3a4b1c8e6f0a9d2c7b4e1f; Path=/; Secure; HttpOnly; SameSite=Lax';
    const specs: ExchangeSpec[] = [
      {
        url: `${origin}/orders`,
        headers: { ...HARDENED, 'set-cookie': cookie, server: 'nginx' },
        body: page,
      },
      {
        url: `${origin}/static/app.js`,
        headers: {
          'content-type': 'text/javascript',
          'x-content-type-options': 'nosniff',
          'cache-control': 'public, max-age=31536000',
          'strict-transport-security': HARDENED['strict-transport-security']!,
        },
        body: 'document.documentElement.dataset.ready = "1";\n',
      },
      {
        url: `${origin}/api/cart`,
        requestHeaders: { origin: 'https://attacker.example.net', authorization: 'Bearer x' },
        headers: {
          'content-type': 'application/json',
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
          'strict-transport-security': HARDENED['strict-transport-security']!,
          vary: 'Origin',
        },
        body: '{"items":2}',
      },
      {
        url: `${origin}/old`,
        status: 301,
        headers: { location: '/new', 'strict-transport-security': HARDENED['strict-transport-security']! },
      },
    ];
    for (const spec of specs) expect(runAll(spec, origin), spec.url).toEqual([]);
  });

  const hostile: [string, ExchangeSpec][] = [
    ['5 MB of "a" as HTML', { body: 'a'.repeat(5_000_000) }],
    ['5 MB of "a" as JSON', { headers: { 'content-type': 'application/json' }, body: 'a'.repeat(5_000_000) }],
    ['5 MB of "a" untyped', { headers: {}, body: 'a'.repeat(5_000_000) }],
    ['5 MB of "<" as HTML', { body: '<'.repeat(5_000_000) }],
    // Deeper nesting is slow in the page model itself (htmlparser2 keeps its open-element stack
    // with Array.unshift), before any rule runs.
    ['20,000 nested unclosed tags', { body: '<div><a href="?token=x">'.repeat(20_000) }],
    [
      'binary labelled HTML',
      { body: Buffer.from(Array.from({ length: 2_000_000 }, (_, i) => (i * 7919) % 256)) },
    ],
    [
      'malformed and duplicated headers',
      {
        headers: {
          'content-type': ['text/html', 'application/json'],
          'set-cookie': [';', '=', 'a', '\u0000=\u0000', `sid=${'x'.repeat(100_000)}`],
          'content-security-policy': [';;', "script-src 'unsafe-inline'", ''],
          'strict-transport-security': ['', 'max-age=-1'],
          'access-control-allow-origin': ['*', 'null'],
          'x-frame-options': '',
          server: '\u0000/1.0',
        },
        body: '<p>x</p>',
      },
    ],
    ['no headers, no body', { headers: {} }],
    ['a status without body', { status: 204, headers: {} }],
  ];

  it.each(hostile)('survive %s without throwing, quickly', (_name, spec) => {
    const ex = exchange(spec);
    const ctx = passiveContext(ex, 'http://127.0.0.1:8080');
    ctx.page();
    for (const r of PASSIVE_RULES) {
      const hits = r.check(ex, ctx);
      for (const h of hits) {
        expect(h.message.length, r.rule.id).toBeLessThan(400);
        expect(h.evidence?.length ?? 0, r.rule.id).toBeLessThanOrEqual(200);
      }
    }
  });
});
