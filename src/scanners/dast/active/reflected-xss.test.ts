import { describe, expect, it } from 'vitest';
import { reflectedXss } from './reflected-xss.js';
import { escapeHtml, type FakeApp, fakeContext, html, point } from './testing/fake-target.js';

const run = async (app: FakeApp) => {
  const ctx = fakeContext(app);
  return { hits: await reflectedXss.run(point(), ctx), sent: ctx.sent };
};

describe('reflected-xss', () => {
  it('confirms a raw reflection in body text', async () => {
    const { hits, sent } = await run((v) => html(`<p>Results for ${v}</p>`));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toMatch(/parsed as an element/);
    expect(hits[0]?.param).toBe('q');
    expect(sent).toHaveLength(2);
  });

  it('confirms a breakout from a quoted attribute', async () => {
    const { hits } = await run((v) => html(`<input name="q" value="${v}">`));
    expect(hits).toHaveLength(1);
  });

  it('confirms a reflection closing a textarea or a comment', async () => {
    expect((await run((v) => html(`<textarea>${v}</textarea>`))).hits[0]?.message).toMatch(/raw-text/);
    expect((await run((v) => html(`<!-- search: ${v} -->`))).hits).toHaveLength(1);
  });

  it('confirms a breakout from a script string', async () => {
    const js = (v: string) => v.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
    const { hits } = await run((v) => html(`<script>var q = "${js(v)}";</script>`));
    expect(hits[0]?.message).toMatch(/"-quoted string of an inline script/);
  });

  it('does not report encoded reflections, JSON, text or data scripts', async () => {
    expect((await run((v) => html(`<p>Results for ${escapeHtml(v)}</p>`))).hits).toEqual([]);
    expect((await run((v) => html(`<input value="${escapeHtml(v)}">`))).hits).toEqual([]);
    expect(
      (
        await run((v) => ({
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ q: v }),
        }))
      ).hits,
    ).toEqual([]);
    expect(
      (await run((v) => ({ headers: { 'content-type': 'text/plain' }, body: `Results for ${v}` }))).hits,
    ).toEqual([]);
    expect((await run((v) => ({ headers: {}, body: `<p>Results for ${v}</p>` }))).hits).toEqual([]);
    const escapedJs = (v: string) => JSON.stringify(v).replace(/</g, '\\u003c');
    expect((await run((v) => html(`<script>var q = ${escapedJs(v)};</script>`))).hits).toEqual([]);
    expect(
      (
        await run((v) =>
          html(`<script type="application/json">{"q":"${v.replace(/</g, '\\u003c')}"}</script>`),
        )
      ).hits,
    ).toEqual([]);
  });

  it('stops after one request when the marker is not reflected', async () => {
    const { hits, sent } = await run(() => html('<p>Nothing here</p>'));
    expect(hits).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});
