import { describe, expect, it } from 'vitest';
import { ssti } from './ssti.js';
import { escapeHtml, type FakeApp, fakeContext, html, point } from './testing/fake-target.js';

const p = point({ name: 'name', value: 'guest' });
const run = async (app: FakeApp) => {
  const ctx = fakeContext(app, p);
  return { hits: await ssti.run(p, ctx), sent: ctx.sent };
};

const render = (pattern: RegExp) => (v: string) =>
  html(
    `<p>Hello ${escapeHtml(v.replace(pattern, (_m, a: string, b: string) => String(Number(a) * Number(b))))}!</p>`,
  );

describe('ssti', () => {
  it('confirms evaluated arithmetic twice, in the syntax that works', async () => {
    const { hits, sent } = await run(render(/<%= (\d+)\*(\d+) %>/g));
    expect(hits[0]?.message).toMatch(/`<%= %>` arithmetic/);
    expect(sent).toHaveLength(4);
  });

  it('does not report the expression echoed, or a number already on the page', async () => {
    const echo: FakeApp = (v) => html(`<p>Hello ${escapeHtml(v)}!</p><p>Only 49 left, 1337 sold</p>`);
    const { hits, sent } = await run(echo);
    expect(hits).toEqual([]);
    expect(sent).toHaveLength(4);
  });
});
