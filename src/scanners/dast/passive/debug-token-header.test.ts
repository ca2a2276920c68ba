import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { headers, ORDINARY } from '../testing/pages.js';
import { debugTokenHeader as rule } from './debug-token-header.js';

const check = (changes: Record<string, string>) =>
  runPassive(rule, { headers: headers(changes), body: ORDINARY });

describe('dast/debug-token-header', () => {
  it('reports the Symfony profiler headers, with the token redacted', () => {
    const hits = check({
      'x-debug-token': 'a1b2c3',
      'x-debug-token-link': 'http://shop.example.com/_profiler/a1b2c3',
    });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence).toBe('X-Debug-Token-Link: http://shop.example.com/_profiler/…');
    expect(hits[0]!.evidence).not.toContain('a1b2c3');
    expect(check({ 'x-debug-token': '5f2b7c9e4d3a4b1c' })[0]!.evidence).toBe('X-Debug-Token: 5f2b…');
  });

  it('accepts responses without them', () => {
    expect(check({})).toEqual([]);
    expect(check({ 'x-debug': '1', 'x-request-id': 'abc' })).toEqual([]);
  });
});
