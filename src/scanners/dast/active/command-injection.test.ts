import { describe, expect, it } from 'vitest';
import { commandInjection, confirmByTiming } from './command-injection.js';
import { escapeHtml, type FakeApp, fakeContext, html, point } from './testing/fake-target.js';

const p = point({ name: 'host', value: 'localhost' });
const run = async (app: FakeApp) => {
  const ctx = fakeContext(app, p);
  return { hits: await commandInjection.run(p, ctx), sent: ctx.sent };
};

/** `;echo` with `$((a*b))` expanded, as a shell would print it. */
const shell: FakeApp = (v) => {
  const m = /;echo (\w*)\$\(\((\d+)\*(\d+)\)\)(\w*)$/.exec(v);
  return html(`<pre>PING localhost\n${m ? `${m[1]}${Number(m[2]) * Number(m[3])}${m[4]}` : ''}</pre>`);
};

/** `;sleep N` answered N seconds late, as the clock would show it. */
const sleeper: FakeApp = (v) => {
  const m = /;sleep (\d+)$/.exec(v);
  return { ...html('<pre>PING localhost</pre>'), elapsedMs: 40 + (m ? Number(m[1]) * 1000 : 0) };
};

describe('command-injection', () => {
  it('confirms printed arithmetic twice', async () => {
    const { hits, sent } = await run(shell);
    expect(hits[0]?.message).toMatch(/`; echo`.*twice/);
    expect(sent).toHaveLength(2);
  });

  it('confirms proportional delays', async () => {
    const { hits, sent } = await run(sleeper);
    expect(hits[0]?.evidence).toBe('sleep 0: 40 ms; sleep 2: 2040 ms; sleep 3: 3040 ms');
    expect(sent.slice(-3)).toEqual(['localhost;sleep 2', 'localhost;sleep 0', 'localhost;sleep 3']);
  });

  it('does not report the expression echoed back', async () => {
    const { hits, sent } = await run((v) =>
      html(`<p>Invalid host name: ${escapeHtml(v)}</p>`, { status: 400 }),
    );
    expect(hits).toEqual([]);
    expect(sent).toHaveLength(9);
  });

  it('does not report a page that is always slow, and stops timing it', async () => {
    const slow: FakeApp = () => ({ ...html('<pre>PING</pre>'), elapsedMs: 2600 });
    const ctx = fakeContext(slow, p);
    expect(await confirmByTiming(p, ctx)).toEqual([]);
    expect(ctx.sent).toEqual(['localhost;sleep 2', 'localhost;sleep 0']);
  });

  it('does not report a delay that does not grow with the sleep', async () => {
    const capped: FakeApp = (v) => ({
      ...html('<pre>PING</pre>'),
      elapsedMs: /sleep [1-9]/.test(v) ? 2100 : 30,
    });
    expect(await confirmByTiming(p, fakeContext(capped, p))).toEqual([]);
  });
});
