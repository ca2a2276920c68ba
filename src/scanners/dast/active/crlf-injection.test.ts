import { describe, expect, it } from 'vitest';
import { crlfInjection } from './crlf-injection.js';
import { escapeHtml, type FakeApp, fakeContext, html, point } from './testing/fake-target.js';

const p = point({ name: 'lang', value: 'en' });
const run = async (app: FakeApp) => {
  const ctx = fakeContext(app, p);
  return { hits: await crlfInjection.run(p, ctx), sent: ctx.sent };
};

/** How a server that writes the value raw would be read by the client: the injected line is a header. */
function rawHeaders(value: string): Record<string, string> {
  const [first = '', ...rest] = value.split(/\r?\n/);
  const headers: Record<string, string> = { 'content-type': 'text/html', 'content-language': first };
  for (const line of rest) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

describe('crlf-injection', () => {
  it('confirms an injected header line', async () => {
    const { hits, sent } = await run((v) => ({ headers: rawHeaders(v), body: '' }));
    expect(hits[0]?.evidence).toMatch(/^X-Gatehouse-Injected: ghc\w+$/);
    expect(sent).toHaveLength(1);
  });

  it('confirms a bare LF accepted where CRLF is not', async () => {
    const lfOnly: FakeApp = (v) => ({ headers: v.includes('\r') ? {} : rawHeaders(v), body: '' });
    const { hits, sent } = await run(lfOnly);
    expect(hits).toHaveLength(1);
    expect(sent).toHaveLength(2);
  });

  it('does not report the line inside another header or echoed in the body', async () => {
    const stripped = (v: string) =>
      html(`<p>Showing the shop in ${escapeHtml(v)}</p>`, {
        headers: { 'content-type': 'text/html', 'content-language': v.replace(/[\r\n]/g, '') },
      });
    const { hits, sent } = await run(stripped);
    expect(hits).toEqual([]);
    expect(sent).toHaveLength(3);
  });
});
