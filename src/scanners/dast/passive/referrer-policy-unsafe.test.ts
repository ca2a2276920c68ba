import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html, ORDINARY } from '../testing/pages.js';
import { referrerPolicyUnsafe } from './referrer-policy-unsafe.js';

const check = (value: string | undefined, body = ORDINARY, url?: string) =>
  runPassive(referrerPolicyUnsafe, {
    headers: headers({ 'referrer-policy': value }),
    body,
    ...(url ? { url } : {}),
  });

describe('dast/referrer-policy-unsafe', () => {
  it('reports unsafe-url and no-referrer-when-downgrade, in the header or a <meta>', () => {
    expect(check('unsafe-url')[0]!.message).toContain('even over plain HTTP');
    expect(check('No-Referrer-When-Downgrade', ORDINARY, 'https://shop.example.com/')[0]!.message).toContain(
      'every other HTTPS site',
    );
    const meta = html('x', '<p>x</p>', '<meta name="referrer" content="always">');
    expect(check(undefined, meta)[0]!.evidence).toBe('<meta name="referrer" content="always">');
  });

  it('judges the effective policy: the last recognised token, overridden by <meta>', () => {
    expect(check('unsafe-url, strict-origin-when-cross-origin')).toEqual([]);
    expect(check('no-referrer, unsafe-url')).toHaveLength(1);
    expect(
      check('unsafe-url', html('x', '<p>x</p>', '<meta name="referrer" content="no-referrer">')),
    ).toEqual([]);
  });

  it('accepts the safe policies and a missing one (referrer-policy-missing)', () => {
    for (const v of ['no-referrer', 'same-origin', 'strict-origin', 'origin-when-cross-origin', undefined])
      expect(check(v)).toEqual([]);
  });

  it('survives hostile input', () => {
    expect(check(`${'x,'.repeat(100_000)}unsafe-url`)).toHaveLength(1);
    check('unsafe-url', HUGE);
  });
});
