import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sqlInjectionBoolean } from './sql-injection-boolean.js';
import { escapeHtml, type FakeApp, fakeContext, html, point } from './testing/fake-target.js';

const ROWS = '<ul><li>Espresso cup: €12</li><li>Travel mug: €18</li><li>Gift card: €25</li></ul>';
const EMPTY = '<p>No products found.</p>';

const run = (app: FakeApp, value = 'Gifts') => {
  const p = point({ name: 'category', value });
  const ctx = fakeContext(app, p);
  return sqlInjectionBoolean.run(p, ctx).then((hits) => ({ hits, sent: ctx.sent }));
};

/** `category = '<v>'` evaluated for real on the injected comparisons the check sends. */
const vulnerable: FakeApp = (v) => {
  const m = /^Gifts' AND '(\d+)'='(\d+)$/.exec(v);
  if (v === 'Gifts' || (m && m[1] === m[2])) return html(ROWS);
  return html(EMPTY);
};

describe('sql-injection-boolean', () => {
  it('confirms a true/false difference twice', async () => {
    const { hits, sent } = await run(vulnerable);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toMatch(/'-quoted string/);
    expect(sent).toHaveLength(5);
  });

  it('confirms a numeric context', async () => {
    const numeric: FakeApp = (v) => {
      const m = /^1(?: AND (\d+)=(\d+))?$/.exec(v);
      return html(m && m[1] === m[2] ? ROWS : EMPTY);
    };
    expect((await run(numeric, '1')).hits[0]?.message).toMatch(/\(number\)/);
  });

  it('does not report a page that echoes its input with a random request id', async () => {
    const safe: FakeApp = (v) =>
      html(`<p>Category: ${escapeHtml(v)}</p>${v === 'Gifts' ? ROWS : EMPTY}<p>Request ${randomUUID()}</p>`);
    expect((await run(safe)).hits).toEqual([]);
  });

  it('does not report a page that rejects anything but the original', async () => {
    expect(
      (await run((v) => (v === 'Gifts' ? html(ROWS) : html('<p>Bad request</p>', { status: 400 })))).hits,
    ).toEqual([]);
  });

  it('does not judge a page that changes between identical requests', async () => {
    let n = 0;
    const { hits, sent } = await run(() => html(`<p>${'word '.repeat(++n * 20)}</p>`));
    expect(hits).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});
