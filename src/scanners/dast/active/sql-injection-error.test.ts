import { describe, expect, it } from 'vitest';
import { sqlInjectionError } from './sql-injection-error.js';
import { type FakeApp, fakeContext, html, point } from './testing/fake-target.js';

const run = (app: FakeApp, value = 'ann@example.invalid') =>
  sqlInjectionError.run(point({ value }), fakeContext(app, point({ value })));

/** A quote-balanced string literal is valid SQL; anything else fails the way SQLite says. */
const sqlite: FakeApp = (v) =>
  (v.match(/'/g)?.length ?? 0) % 2 === 1
    ? html(`<pre>SQLITE_ERROR: unrecognized token: &quot;'${v}'&quot;</pre>`, { status: 500 })
    : html('<p>Removed.</p>');

describe('sql-injection-error', () => {
  it('confirms an error that a quote causes and a doubled quote removes', async () => {
    const hits = await run(sqlite);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toMatch(/SQLite fail/);
  });

  it('confirms a numeric context with arithmetic as the control', async () => {
    const numeric: FakeApp = (v) =>
      /^\d+(?:-0)?$/.test(v)
        ? html('<p>1 row</p>')
        : html("You have an error in your SQL syntax near ''", { status: 500 });
    expect(await run(numeric, '7')).toHaveLength(1);
  });

  it('does not report a page that always shows error text', async () => {
    const help = html('<p>If you see "ERROR: syntax error at or near" or SQLITE_ERROR, retry.</p>');
    expect(await run(() => help)).toEqual([]);
  });

  it('does not report errors that any odd input causes', async () => {
    expect(
      await run((v) =>
        /['"]/.test(v) ? html("You have an error in your SQL syntax near ''") : html('<p>ok</p>'),
      ),
    ).toEqual([]);
  });

  it('does not report a validation message', async () => {
    expect(
      await run((v) =>
        v.includes("'") ? html('<p>Invalid e-mail</p>', { status: 400 }) : html('<p>ok</p>'),
      ),
    ).toEqual([]);
  });
});
