import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { HUGE } from '../testing/pages.js';
import { contentTypeMissing } from './content-type-missing.js';

describe('dast/content-type-missing', () => {
  it('reports a 2xx body without Content-Type', () => {
    const hits = runPassive(contentTypeMissing, {
      headers: { 'x-content-type-options': 'nosniff' },
      body: '<p>hi</p>',
    });
    expect(hits).toEqual([{ message: 'the 200 response has a 9-byte body and no Content-Type header' }]);
    expect(runPassive(contentTypeMissing, { headers: { 'content-type': '  ' }, body: 'x' })).toHaveLength(1);
  });

  it('accepts typed bodies, empty bodies, 204/304 and redirects', () => {
    expect(runPassive(contentTypeMissing, { headers: { 'content-type': 'text/plain' }, body: 'x' })).toEqual(
      [],
    );
    expect(runPassive(contentTypeMissing, { headers: {}, status: 204 })).toEqual([]);
    expect(runPassive(contentTypeMissing, { headers: {}, status: 302, body: 'Found' })).toEqual([]);
    expect(runPassive(contentTypeMissing, { headers: {}, status: 200 })).toEqual([]);
  });

  it('does not read the body, so 5 MB costs nothing', () => {
    expect(runPassive(contentTypeMissing, { headers: {}, body: HUGE })).toHaveLength(1);
  });
});
