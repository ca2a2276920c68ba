import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { corsWildcardWithCredentials as rule } from './cors-wildcard-with-credentials.js';

const api = (response: Record<string, string | string[]>) =>
  runPassive(rule, { headers: { 'content-type': 'application/json', ...response }, body: '{}' });

describe('dast/cors-wildcard-with-credentials', () => {
  it('reports * with credentials, as information', () => {
    const hits = api({ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' });
    expect(hits).toHaveLength(1);
    expect(rule.rule.severity).toBe('info');
  });

  it('accepts a public wildcard without credentials', () => {
    expect(api({ 'access-control-allow-origin': '*' })).toEqual([]);
    expect(api({ 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'false' })).toEqual(
      [],
    );
    expect(
      api({ 'access-control-allow-origin': '* ,*', 'access-control-allow-credentials': 'true' }),
    ).toEqual([]);
  });
});
