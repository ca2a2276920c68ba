import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE, headers, html, ORDINARY } from '../testing/pages.js';
import { referrerPolicyMissing } from './referrer-policy-missing.js';

const check = (value: string | undefined, body = ORDINARY) =>
  runPassive(referrerPolicyMissing, { headers: headers({ 'referrer-policy': value }), body });

describe('dast/referrer-policy-missing', () => {
  it('reports a page without a policy, or with only unknown values', () => {
    expect(check(undefined)).toHaveLength(1);
    expect(check('no-referer')[0]!.message).toContain('no value browsers recognise');
  });

  it('accepts a header, a fallback list, or a <meta name="referrer">', () => {
    expect(check('no-referrer')).toEqual([]);
    expect(check('no-referrer, strict-origin-when-cross-origin')).toEqual([]);
    expect(check(undefined, html('x', '<p>x</p>', '<meta name="referrer" content="no-referrer">'))).toEqual(
      [],
    );
    expect(check(undefined, html('x', '<p>x</p>', '<meta name="referrer" content="never">'))).toEqual([]);
  });

  it('leaves unsafe values to referrer-policy-unsafe, and judges HTML only', () => {
    expect(check('unsafe-url')).toEqual([]);
    const json = {
      headers: headers({ 'referrer-policy': undefined, 'content-type': 'application/json' }),
      body: '{}',
    };
    expect(runPassive(referrerPolicyMissing, json)).toEqual([]);
  });

  it('survives hostile input', () => {
    expect(check(','.repeat(200_000))).toHaveLength(1);
    check(undefined, HUGE);
  });
});
