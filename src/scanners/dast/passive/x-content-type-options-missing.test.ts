import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { xContentTypeOptions } from './x-content-type-options-missing.js';

describe('dast/x-content-type-options-missing', () => {
  it('reports a response with a body and no nosniff', () => {
    expect(runPassive(xContentTypeOptions, { body: '<p>hi</p>' })).toHaveLength(1);
    const wrong = runPassive(xContentTypeOptions, {
      body: '{}',
      headers: { 'content-type': 'application/json', 'x-content-type-options': 'sniff' },
    });
    expect(wrong[0]?.message).toContain('"sniff"');
  });

  it('accepts nosniff in any case, and does not judge redirects or empty bodies', () => {
    expect(
      runPassive(xContentTypeOptions, { body: 'x', headers: { 'x-content-type-options': ' NoSniff ' } }),
    ).toEqual([]);
    expect(runPassive(xContentTypeOptions, { status: 302, body: 'moved' })).toEqual([]);
    expect(runPassive(xContentTypeOptions, { status: 200 })).toEqual([]);
  });
});

describe('dast/x-content-type-options-missing on hostile input', () => {
  it('handles repeated and huge values, and 5 MB bodies, quickly', () => {
    const repeated = { body: 'x', headers: { 'x-content-type-options': ['nosniff', 'sniff'] } };
    expect(runPassive(xContentTypeOptions, repeated)).toEqual([]);
    const huge = runPassive(xContentTypeOptions, {
      body: 'x',
      headers: { 'x-content-type-options': 'n'.repeat(100_000) },
    });
    expect(huge).toHaveLength(1);
    runPassive(xContentTypeOptions, { body: 'a'.repeat(5_000_000) });
  });
});
