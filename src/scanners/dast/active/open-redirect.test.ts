import { describe, expect, it } from 'vitest';
import { openRedirect } from './open-redirect.js';
import { escapeHtml, type FakeApp, fakeContext, html, point } from './testing/fake-target.js';

const p = point({ name: 'next', value: '/shop/' });
const run = (app: FakeApp) => openRedirect.run(p, fakeContext(app, p));
const redirect = (location: string) => ({ status: 302, headers: { location }, body: '' });

describe('open-redirect', () => {
  it('applies to URL-like values and redirect-like names', () => {
    expect(openRedirect.applies?.(point({ name: 'x', value: '/shop/' }))).toBe(true);
    expect(openRedirect.applies?.(point({ name: 'x', value: 'https://a.example/' }))).toBe(true);
    expect(openRedirect.applies?.(point({ name: 'returnUrl', value: 'home' }))).toBe(true);
    expect(openRedirect.applies?.(point({ name: 'q', value: 'mugs' }))).toBe(false);
  });

  it('confirms a Location to the test host', async () => {
    const hits = await run((v) => redirect(v));
    expect(hits[0]?.evidence).toBe('a 302 Location header: https://gatehouse-redirect.example/');
  });

  it('confirms scheme-relative and backslash forms', async () => {
    expect(await run((v) => redirect(v.startsWith('/') ? v : '/'))).toHaveLength(1);
    expect(await run((v) => redirect(v.startsWith('/\\') ? v : '/'))).toHaveLength(1);
  });

  it('confirms a meta refresh, a Refresh header and a script redirect', async () => {
    const meta = await run((v) =>
      html('', { body: `<head><meta http-equiv="Refresh" content="0; URL='${escapeHtml(v)}'"></head>` }),
    );
    expect(meta[0]?.message).toMatch(/meta refresh/);
    const header = await run((v) => ({ headers: { refresh: `0;url=${v}` }, body: '' }));
    expect(header[0]?.message).toMatch(/Refresh header/);
    const script = await run((v) =>
      html(`<script>window.location.href = ${JSON.stringify(v).replace(/\//g, '\\/')};</script>`),
    );
    expect(script[0]?.message).toMatch(/script assigning location/);
  });

  it('does not report same-site redirects, interstitial links or the host inside a query', async () => {
    expect(await run(() => redirect('/'))).toEqual([]);
    expect(await run((v) => redirect(`/login?next=${encodeURIComponent(v)}`))).toEqual([]);
    expect(
      await run((v) =>
        html(`<p>You are leaving.</p><a href="${escapeHtml(v)}">Continue to ${escapeHtml(v)}</a>`),
      ),
    ).toEqual([]);
    expect(await run((v) => html(`<script>if (location == "${v}") go();</script>`))).toEqual([]);
  });
});
